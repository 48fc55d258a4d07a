import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { LmiaStatus, WorkPermitStream } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

/** 10:00 in Toronto (the firm's zone) on 2026-11-10. */
const NOW = '2026-11-10T15:00:00.000Z';
/** An employer-specific IMP file needs an employer and an Employer Portal offer number. */
const C10 = {
  imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567' },
  employer: { name: 'Maple, "North" Ltd.' },
};
const lmia = (lmiaStream: string) => ({
  tfwp: { lmiaStream, lmiaStatus: LmiaStatus.Pending },
  employer: { name: 'Prairie Farms' },
});

describe('reports', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let consultant: SignedInClient;
  let colleague: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    consultant = await t.signedInAs(StaffRole.Consultant);
    colleague = await t.signedInAs(StaffRole.Consultant);
    const mine = consultant.user.id;
    const theirs = colleague.user.id;
    const imp = WorkPermitStream.Imp;
    const tfwp = WorkPermitStream.Tfwp;

    // The consultant's caseload: 2 PGWP files in ON (2026), a significant-benefit file in ON (2026), a
    // high-wage TFWP file in BC created this year, not submitted.
    const a1 = await t.given.file({
      consultantId: mine,
      stream: imp,
      imp: { exemptionCode: 'C43' },
      province: 'ON',
      nocCode: '21211',
      submittedOn: '2026-03-01',
    });
    await t.given.file({
      consultantId: mine,
      stream: imp,
      imp: { exemptionCode: 'C43' },
      province: 'ON',
      nocCode: '21211',
      submittedOn: '2026-04-01',
    });
    await t.given.file({
      consultantId: mine,
      stream: imp,
      ...C10,
      province: 'ON',
      nocCode: '00012',
      submittedOn: '2026-01-15',
    });
    const a4 = await t.given.file({
      consultantId: mine,
      stream: tfwp,
      ...lmia('high_wage'),
      province: 'BC',
      nocCode: '00012',
    });
    // The colleague's: a low-wage TFWP file submitted in 2024 and one in 2026; a C10 file without a NOC.
    await t.given.file({
      consultantId: theirs,
      stream: tfwp,
      ...lmia('low_wage'),
      province: 'ON',
      nocCode: '00012',
      submittedOn: '2024-05-01',
    });
    await t.given.file({
      consultantId: theirs,
      stream: tfwp,
      ...lmia('low_wage'),
      province: 'ON',
      nocCode: '00012',
      submittedOn: '2026-06-01',
    });
    await t.given.file({
      consultantId: theirs,
      stream: imp,
      ...C10,
      province: 'QC',
      submittedOn: '2026-02-01',
    });
    // Submitted on the last day of 2025: counts in 2025 although created in 2026.
    await t.given.file({
      consultantId: null,
      stream: imp,
      ...C10,
      province: 'QC',
      nocCode: '21211',
      submittedOn: '2025-12-31',
    });

    // Deadlines: due today and on day 30 count; day 31, yesterday and completed ones do not.
    await t.given.deadline(a1.id, { dueOn: '2026-11-10' });
    await t.given.deadline(a1.id, { dueOn: '2026-12-10' });
    await t.given.deadline(a1.id, { dueOn: '2026-12-11' });
    await t.given.deadline(a4.id, { dueOn: '2026-11-09' });
    const done = await t.given.deadline(a4.id, { dueOn: '2026-11-20' });
    await admin.patch(`/api/deadlines/${done.id}`).send({ completed: true }).expect(200);

    // Consultations: two this month (one the consultant's, converted into a file), one next month.
    const type = await admin
      .post('/api/consultation-types')
      .send({
        name: 'LMIA / employer consultation',
        nameFr: 'Consultation EIMT / employeur',
        durationMinutes: 60,
        priceCents: 25000,
      })
      .expect(201);
    const book = async (consultantId: string, startsAt: string): Promise<string> => {
      const client = await t.given.client({ consultantId });
      const res = await admin
        .post('/api/consultations')
        .send({ type: type.body.id, clientId: client.id, consultantId, startsAt });
      expect([res.status, res.body.fields ?? res.body.code]).toEqual([201, undefined]);
      return res.body.id as string;
    };
    const converted = await book(mine, '2026-11-20T15:00:00Z');
    const cancelled = await book(theirs, '2026-11-21T15:00:00Z');
    await book(mine, '2026-12-02T15:00:00Z');
    await admin.patch(`/api/consultations/${cancelled}`).send({ status: 'cancelled' }).expect(200);
    // The converted consultation opens a 9th file: the consultant's, IMP C43, intake, no NOC or province.
    await admin
      .post(`/api/consultations/${converted}/convert`)
      .send({ stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } })
      .expect(201);
  });
  afterAll(() => t.close());

  describe('overview', () => {
    it('counts the firm’s files, codes, streams, deadlines and consultations for admins and assistants', async () => {
      for (const as of [admin, assistant]) {
        const res = await as.get('/api/reports/overview').expect(200);
        expect(res.body.filesByStream).toEqual([
          { stream: 'TFWP', total: 3, byStatus: [{ status: 'intake', files: 3 }] },
          { stream: 'IMP', total: 6, byStatus: [{ status: 'intake', files: 6 }] },
        ]);
        expect(res.body.impByExemptionCode.top).toEqual([
          {
            code: 'C10',
            title: expect.stringMatching(/^Significant benefit/),
            files: 3,
            open: 0,
            employerSpecific: 3,
          },
          {
            code: 'C43',
            title: 'Post-graduation work permit (PGWP)',
            files: 3,
            open: 3,
            employerSpecific: 0,
          },
        ]);
        expect(res.body.impByExemptionCode.otherFiles).toBe(0);
        expect(res.body.tfwpByLmiaStream).toEqual([
          { lmiaStream: 'low_wage', name: expect.any(String), files: 2 },
          { lmiaStream: 'high_wage', name: expect.any(String), files: 1 },
        ]);
        expect(res.body.deadlinesDue).toEqual({
          from: '2026-11-10',
          to: '2026-12-10',
          total: 2,
          byKind: [{ kind: 'custom', deadlines: 2 }],
        });
        expect(res.body.consultationsThisMonth).toEqual({
          month: '2026-11',
          total: 2,
          byType: [
            {
              typeId: expect.any(String),
              name: 'LMIA / employer consultation',
              total: 2,
              byStatus: [
                { status: 'booked', consultations: 1 },
                { status: 'cancelled', consultations: 1 },
              ],
            },
          ],
        });
        expect(res.body.consultationsToFiles).toEqual({ consultations: 3, becameFiles: 1 });
      }
    });

    it('shows a consultant only their own caseload', async () => {
      const res = await consultant.get('/api/reports/overview').expect(200);
      expect(res.body.filesByStream.map((s: { total: number }) => s.total)).toEqual([1, 4]);
      expect(
        res.body.impByExemptionCode.top.map((c: { code: string; files: number }) => [c.code, c.files]),
      ).toEqual([
        ['C43', 3],
        ['C10', 1],
      ]);
      expect(res.body.tfwpByLmiaStream.map((s: { lmiaStream: string }) => s.lmiaStream)).toEqual([
        'high_wage',
      ]);
      expect(res.body.deadlinesDue.total).toBe(2);
      expect(res.body.consultationsThisMonth.byType[0].byStatus).toEqual([
        { status: 'booked', consultations: 1 },
      ]);
      expect(res.body.consultationsToFiles).toEqual({ consultations: 2, becameFiles: 1 });

      const other = await colleague.get('/api/reports/overview').expect(200);
      expect(other.body.filesByStream.map((s: { total: number }) => s.total)).toEqual([2, 1]);
      expect(other.body.deadlinesDue.total).toBe(0);
      expect(other.body.consultationsToFiles).toEqual({ consultations: 1, becameFiles: 0 });
    });

    it('refuses parameters and anonymous callers', async () => {
      const res = await admin.get('/api/reports/overview').query({ year: 2026 }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['year']);
      await t.http().get('/api/reports/overview').expect(401);
    });
  });

  describe('occupations', () => {
    it('ranks NOC codes by province for the year (most files, then province, then code; submission year, else creation year)', async () => {
      const res = await admin.get('/api/reports/occupations').expect(200);
      expect(res.body).toMatchObject({ year: 2026, province: null, stream: null });
      expect(res.body.occupations).toEqual([
        {
          nocCode: '00012',
          title: 'Senior managers - financial, communications and other business services',
          teer: 0,
          province: 'ON',
          files: 2,
        },
        { nocCode: '21211', title: 'Data scientists', teer: 1, province: 'ON', files: 2 },
        {
          nocCode: '00012',
          title: 'Senior managers - financial, communications and other business services',
          teer: 0,
          province: 'BC',
          files: 1,
        },
      ]);
      // ON 4 files, QC 1, BC 1, and the converted file without a province; IRCC has not published 2026.
      expect(
        res.body.byProvince
          .slice(0, 4)
          .map((p: { province: string | null; files: unknown }) => [p.province, p.files]),
      ).toEqual([
        ['ON', { TFWP: 1, IMP: 3 }],
        ['BC', { TFWP: 1, IMP: 0 }],
        ['QC', { TFWP: 0, IMP: 1 }],
        [null, { TFWP: 0, IMP: 1 }],
      ]);
      // Every province appears beside IRCC's permits issued (2025, the latest year published).
      expect(res.body.byProvince).toHaveLength(14);
      expect(res.body.byProvince[0].irccPermitsIssued).toEqual({ IMP: 241430, TFWP: 50940 });
      expect(res.body.byProvince[3].irccPermitsIssued).toEqual({ IMP: null, TFWP: null });
      expect(res.body.byProvince[0].irccHoldersOnDec31).toBeNull();
      expect(res.body.ircc).toMatchObject({
        year: null,
        latestPublishedYear: 2024,
        counts: expect.stringContaining('holders on December 31'),
      });
    });

    it('filters by stream and province, and shows IRCC’s holders on December 31 for a published year', async () => {
      const tfwp = await admin
        .get('/api/reports/occupations')
        .query({ stream: 'TFWP', province: 'on' })
        .expect(200);
      expect(tfwp.body.occupations).toEqual([
        { nocCode: '00012', title: expect.any(String), teer: 0, province: 'ON', files: 1 },
      ]);

      const y2024 = await admin.get('/api/reports/occupations').query({ year: 2024 }).expect(200);
      expect(y2024.body.occupations).toEqual([
        { nocCode: '00012', title: expect.any(String), teer: 0, province: 'ON', files: 1 },
      ]);
      const ontario = y2024.body.byProvince.find((p: { province: string }) => p.province === 'ON');
      expect(ontario.files).toEqual({ TFWP: 1, IMP: 0 });
      expect(ontario.irccHoldersOnDec31.IMP).toBeGreaterThan(100000);
      expect(ontario.irccHoldersOnDec31.TFWP).toBeGreaterThan(10000);
      expect(y2024.body.byProvince).toHaveLength(13);
      expect(y2024.body.ircc.year).toBe(2024);

      const y2025 = await admin.get('/api/reports/occupations').query({ year: 2025 }).expect(200);
      expect(y2025.body.occupations).toEqual([
        { nocCode: '21211', title: 'Data scientists', teer: 1, province: 'QC', files: 1 },
      ]);
    });

    it('shows IRCC’s national permits issued for the province and year, falling back to the latest year published', async () => {
      const ontario = await consultant.get('/api/reports/occupations').query({ province: 'ON' }).expect(200);
      expect(ontario.body.irccPermitsIssued).toEqual({
        counts: expect.stringContaining('work permits that took effect during the year'),
        source: 'https://open.canada.ca/data/en/dataset/360024f2-17e9-4558-bfc1-3616485d65b9',
        requestedYear: 2026,
        year: 2025,
        isFallback: true,
        latestPublishedYear: 2025,
        canada: { IMP: 528455, TFWP: 169500 },
        province: { province: 'ON', name: 'Ontario', permits: { IMP: 241430, TFWP: 50940 } },
      });
      expect(ontario.body.byProvince).toEqual([
        {
          province: 'ON',
          name: 'Ontario',
          files: { TFWP: 0, IMP: 3 },
          irccHoldersOnDec31: null,
          irccPermitsIssued: { IMP: 241430, TFWP: 50940 },
        },
      ]);

      const y2024 = await admin.get('/api/reports/occupations').query({ year: 2024 }).expect(200);
      expect(y2024.body.irccPermitsIssued).toMatchObject({
        requestedYear: 2024,
        year: 2024,
        isFallback: false,
        province: null,
      });
      expect(y2024.body.irccPermitsIssued.canada.TFWP).toBeGreaterThan(100000);
    });

    it('scopes a consultant to their own files', async () => {
      const res = await consultant.get('/api/reports/occupations').expect(200);
      expect(
        res.body.occupations.map((o: { nocCode: string; province: string; files: number }) => [
          o.nocCode,
          o.province,
          o.files,
        ]),
      ).toEqual([
        ['21211', 'ON', 2],
        ['00012', 'BC', 1],
        ['00012', 'ON', 1],
      ]);
      const other = await colleague.get('/api/reports/occupations').query({ year: 2024 }).expect(200);
      expect(other.body.occupations).toHaveLength(1);
      const none = await consultant.get('/api/reports/occupations').query({ year: 2024 }).expect(200);
      expect(none.body.occupations).toEqual([]);
    });

    it('downloads CSV with a header row and RFC 4180 quoting', async () => {
      const res = await admin
        .get('/api/reports/occupations')
        .query({ format: 'csv', province: 'ON' })
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => done(null, text));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="occupations-2026-on.csv"');
      expect(res.body).toBe(
        'noc_code,title,teer,province,files,ircc_year,ircc_imp_permits_issued_in_province,ircc_tfwp_permits_issued_in_province\r\n' +
          '00012,"Senior managers - financial, communications and other business services",0,ON,2,2025,241430,50940\r\n' +
          '21211,Data scientists,1,ON,2,2025,241430,50940\r\n',
      );
    });

    it('refuses unknown provinces, streams, years, formats and fields, naming each', async () => {
      const cases: [Record<string, string | number>, string][] = [
        [{ province: 'XX' }, 'province'],
        [{ stream: 'LMIA' }, 'stream'],
        [{ year: 1999 }, 'year'],
        [{ year: 2027 }, 'year'],
        [{ year: 'last' }, 'year'],
        [{ format: 'xlsx' }, 'format'],
        [{ sort: 'files' }, 'sort'],
      ];
      for (const [query, field] of cases) {
        const res = await admin.get('/api/reports/occupations').query(query).expect(400);
        expect([res.body.code, Object.keys(res.body.fields)]).toEqual(['VALIDATION_FAILED', [field]]);
      }
    });
  });
});
