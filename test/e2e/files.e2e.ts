// A long spec by design: every way of opening a file and its validation against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { StaffRole } from '@app/auth';
import { ReferenceDataService } from '@app/reference-data';
import { FixedClock, ValidationFailedError } from '@app/shared';
import { DeadlineEvents } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

type Body = Record<string, unknown>;

/** DESIGN.md's IMP example: an employer-specific C10 file. */
function impExample(clientId: string, consultantId: string): Body {
  return {
    clientId,
    consultantId,
    stream: 'IMP',
    applicationType: 'initial',
    employer: { name: 'Maple Software Inc.', businessNumber: '123456789' },
    jobTitle: 'Software developer',
    nocCode: '21232',
    province: 'ON',
    permitExpiresOn: '2028-12-31',
    imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567', complianceFeePaid: true },
  };
}

/** DESIGN.md's TFWP example. */
function tfwpExample(clientId: string): Body {
  return {
    clientId,
    stream: 'TFWP',
    applicationType: 'initial',
    employer: { name: 'Fraser Farms Ltd.' },
    nocCode: '85100',
    province: 'BC',
    tfwp: {
      lmiaStream: 'agricultural',
      lmiaStatus: 'positive',
      lmiaNumber: '1234567',
      lmiaIssuedOn: '2026-10-01',
      lmiaExpiresOn: '2027-04-01',
    },
  };
}

/** An open post-graduation (C43) file. */
function pgwp(clientId: string): Body {
  return { clientId, stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } };
}

describe('work-permit files: opening and validation', () => {
  let t: TestApp;
  let admin: SignedInClient;
  const clock = new FixedClock(new Date('2026-11-22T15:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const rows: { n: number }[] = await t.dataSource.query(sql, params);
    return Number(rows[0].n);
  }
  const countFiles = () => count('SELECT count(*)::int AS n FROM work_permit_files');
  const countAudit = () => count('SELECT count(*)::int AS n FROM audit_events');

  it('opens the IMP example: numbered, employer-specific from C10, with its permit-expiry deadline', async () => {
    const consultant = await t.given.consultant({ name: 'Amélie Tremblay' });
    const client = await t.given.client({ firstName: 'Priya', lastName: 'Sharma' });
    const res = await admin.post('/api/files').send(impExample(client.id, consultant.id)).expect(201);

    expect(res.body).toMatchObject({
      fileNumber: expect.stringMatching(/^WP-2026-\d{5}$/),
      status: 'intake',
      allowedTransitions: ['preparing', 'withdrawn'],
      stream: 'IMP',
      applicationType: 'initial',
      client: { id: client.id, firstName: 'Priya', lastName: 'Sharma' },
      consultant: { id: consultant.id, name: 'Amélie Tremblay' },
      employer: { name: 'Maple Software Inc.', businessNumber: '123456789' },
      jobTitle: 'Software developer',
      nocCode: '21232',
      nocTitle: 'Software developers and programmers',
      province: 'ON',
      wage: null,
      permitExpiresOn: '2028-12-31',
      submittedOn: null,
      tfwp: null,
      imp: {
        exemptionCode: 'C10',
        codeStatus: 'active',
        isCodeCurrent: true,
        permitType: 'employer_specific',
        offerOfEmploymentNumber: 'A1234567',
        complianceFeePaid: true,
      },
    });
    expect(res.body.imp.codeTitle).toMatch(/Significant benefit/);
    expect(res.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'permit_expiry', dueOn: '2028-12-31', assigneeId: consultant.id }),
    ]);

    const again = await admin.get(`/api/files/${res.body.id}`).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('opens the TFWP example with its LMIA and LMIA-expiry deadline', async () => {
    const client = await t.given.client();
    const res = await admin.post('/api/files').send(tfwpExample(client.id)).expect(201);
    expect(res.body).toMatchObject({
      stream: 'TFWP',
      imp: null,
      consultant: null,
      employer: { name: 'Fraser Farms Ltd.', businessNumber: null },
      nocCode: '85100',
      province: 'BC',
      tfwp: {
        lmiaStream: 'agricultural',
        lmiaStatus: 'positive',
        lmiaNumber: '1234567',
        lmiaIssuedOn: '2026-10-01',
        lmiaExpiresOn: '2027-04-01',
      },
    });
    expect(res.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'lmia_expiry', dueOn: '2027-04-01' }),
    ]);
  });

  it('derives an open permit from C43 and carries no offer number', async () => {
    const client = await t.given.client();
    const res = await admin.post('/api/files').send(pgwp(client.id)).expect(201);
    expect(res.body.imp).toMatchObject({
      exemptionCode: 'C43',
      permitType: 'open',
      offerOfEmploymentNumber: null,
      complianceFeePaid: null,
    });
    expect(res.body.employer).toBeNull();
  });

  it('takes the permit type of a `varies` code from the request', async () => {
    const client = await t.given.client();
    const res = await admin
      .post('/api/files')
      .send({ ...pgwp(client.id), imp: { exemptionCode: 'C21', permitType: 'open' } })
      .expect(201);
    expect(res.body.imp).toMatchObject({ exemptionCode: 'C21', permitType: 'open' });
  });

  it("lists a file as it reads, without its deadlines; those read as the file's deadline list answers them", async () => {
    const consultant = await t.given.consultant({ name: 'Listed Consultant' });
    const client = await t.given.client({ firstName: 'Listed', lastName: 'Exactly' });
    const opened = await admin
      .post('/api/files')
      .send({
        ...tfwpExample(client.id),
        consultantId: consultant.id,
        jobTitle: 'Farm supervisor',
        wage: { amount: 19.5, period: 'hour' },
        submittedOn: '2026-11-20',
        biometricsDueOn: '2026-12-04',
        irccApplicationNumber: 'W301234567',
      })
      .expect(201);
    const id = opened.body.id as string;
    const done = await admin
      .post(`/api/files/${id}/deadlines`)
      .send({ title: 'Send the job offer', dueOn: '2026-11-01', notes: 'Signed copy' })
      .expect(201);
    await admin.patch(`/api/deadlines/${done.body.id}`).send({ completed: true }).expect(200);
    await admin
      .post(`/api/files/${id}/deadlines`)
      .send({ title: 'Call the employer', dueOn: '2026-11-02' })
      .expect(201);

    const read = await admin.get(`/api/files/${id}`).expect(200);
    const { deadlines, ...summary } = read.body as Body & { deadlines: Body[] };
    expect(summary).toMatchObject({
      client: { id: client.id, firstName: 'Listed', lastName: 'Exactly' },
      consultant: { id: consultant.id, name: 'Listed Consultant' },
      wage: { amount: 19.5, period: 'hour' },
      submittedOn: '2026-11-20',
      biometricsDueOn: '2026-12-04',
      decisionOn: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const listed = await admin.get('/api/files').query({ clientId: client.id }).expect(200);
    expect(listed.body).toEqual({ items: [summary], nextCursor: null });

    const ownList = await admin.get(`/api/files/${id}/deadlines`).expect(200);
    expect(deadlines).toEqual(ownList.body.items);
    expect(deadlines.map((d) => [d.dueOn, d.fileNumber, d.clientName, d.isOverdue, d.completedAt])).toEqual([
      ['2026-11-01', summary.fileNumber, 'Listed Exactly', false, clock.now().toISOString()],
      ['2026-11-02', summary.fileNumber, 'Listed Exactly', true, null],
      ['2026-12-04', summary.fileNumber, 'Listed Exactly', false, null],
      ['2027-04-01', summary.fileNumber, 'Listed Exactly', false, null],
    ]);
  });

  it('defaults the LMIA expiry to the issue date plus 6 months', async () => {
    const client = await t.given.client();
    const body = tfwpExample(client.id);
    body.tfwp = { lmiaStream: 'high_wage', lmiaStatus: 'positive', lmiaIssuedOn: '2026-08-31' };
    const res = await admin.post('/api/files').send(body).expect(201);
    expect(res.body.tfwp).toMatchObject({ lmiaIssuedOn: '2026-08-31', lmiaExpiresOn: '2027-02-28' });
  });

  it("defaults the consultant to the client's, else to the consultant opening the file", async () => {
    const owner = await t.given.consultant();
    const client = await t.given.client({ consultantId: owner.id });
    const byAdmin = await admin.post('/api/files').send(pgwp(client.id)).expect(201);
    expect(byAdmin.body.consultant.id).toBe(owner.id);

    const consultant = await t.signedInAs(StaffRole.Consultant);
    const own = await t.given.client({ consultantId: consultant.user.id });
    const byConsultant = await consultant.post('/api/files').send(pgwp(own.id)).expect(201);
    expect(byConsultant.body.consultant.id).toBe(consultant.user.id);

    const unassigned = await t.given.client();
    const byAssistant = await (
      await t.signedInAs(StaffRole.Assistant)
    )
      .post('/api/files')
      .send(pgwp(unassigned.id))
      .expect(201);
    expect(byAssistant.body.consultant).toBeNull();
  });

  it('stores a wage, an IRCC application number and trimmed text', async () => {
    const client = await t.given.client();
    const res = await admin
      .post('/api/files')
      .send({
        ...pgwp(client.id),
        jobTitle: '  Line   cook ',
        province: 'qc',
        wage: { amount: 21.75, period: 'hour' },
        irccApplicationNumber: 'w301234567',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      jobTitle: 'Line cook',
      province: 'QC',
      wage: { amount: 21.75, period: 'hour' },
      irccApplicationNumber: 'W301234567',
    });
  });

  describe('refuses bad input with a 400 naming the field, and writes nothing', () => {
    type Case = [string, (clientId: string, consultantId: string) => Body, string, RegExp?];
    const cases: Case[] = [
      [
        'imp on a TFWP file',
        (c) => ({ ...tfwpExample(c), imp: { exemptionCode: 'C10' } }),
        'imp',
        /TFWP file carries no exemption code/,
      ],
      ['a TFWP file without tfwp', (c) => ({ ...tfwpExample(c), tfwp: undefined }), 'tfwp'],
      [
        'tfwp on an IMP file',
        (c) => ({ ...pgwp(c), tfwp: tfwpExample(c).tfwp }),
        'tfwp',
        /IMP file carries no LMIA/,
      ],
      ['an IMP file without imp', (c) => ({ ...pgwp(c), imp: undefined }), 'imp'],
      [
        'an unknown exemption code',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'Z99' } }),
        'imp.exemptionCode',
        /Z99 is not/,
      ],
      [
        'a malformed exemption code',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'C1O' } }),
        'imp.exemptionCode',
      ],
      [
        'the retired code C12',
        (c, k) => ({
          ...impExample(c, k),
          imp: { exemptionCode: 'C12', offerOfEmploymentNumber: 'A1234567' },
        }),
        'imp.exemptionCode',
        /C12 was retired on 2022-12-15; use C61, C62 or C63 instead/,
      ],
      [
        'the retired code T23',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'T23' } }),
        'imp.exemptionCode',
        /T23 was retired .*T36/,
      ],
      [
        'C88, closed to new applications',
        (c, k) => ({
          ...impExample(c, k),
          imp: { exemptionCode: 'C88', offerOfEmploymentNumber: 'A1234567' },
        }),
        'imp.exemptionCode',
        /C88 closed to new applications on 2026-03-22/,
      ],
      [
        'a varies code without permitType',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'C21' } }),
        'imp.permitType',
      ],
      [
        'a permitType the code contradicts',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'C43', permitType: 'employer_specific' } }),
        'imp.permitType',
        /C43 leads to an open permit/,
      ],
      [
        'an employer-specific permit without an offer number',
        (c, k) => ({ ...impExample(c, k), imp: { exemptionCode: 'C16' } }),
        'imp.offerOfEmploymentNumber',
        /needs the offer of employment number/,
      ],
      [
        'a malformed offer number',
        (c, k) => ({
          ...impExample(c, k),
          imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A123456' },
        }),
        'imp.offerOfEmploymentNumber',
      ],
      [
        'an offer number on an open permit',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'C43', offerOfEmploymentNumber: 'A1234567' } }),
        'imp.offerOfEmploymentNumber',
        /open work permit \(C43\) carries no offer/,
      ],
      [
        'an employer-specific permit without an employer',
        (c, k) => ({ ...impExample(c, k), employer: undefined }),
        'employer.name',
      ],
      ['a TFWP file without an employer', (c) => ({ ...tfwpExample(c), employer: null }), 'employer.name'],
      [
        'an unknown NOC code',
        (c) => ({ ...pgwp(c), nocCode: '99999' }),
        'nocCode',
        /not one of the 516 NOC 2021 unit groups/,
      ],
      ['a NOC code that is not digits', (c) => ({ ...pgwp(c), nocCode: 'abcde' }), 'nocCode'],
      ['an unknown province', (c) => ({ ...pgwp(c), province: 'XX' }), 'province'],
      [
        'an unknown LMIA stream',
        (c) => ({ ...tfwpExample(c), tfwp: { lmiaStream: 'fast_track', lmiaStatus: 'positive' } }),
        'tfwp.lmiaStream',
      ],
      [
        'an unknown LMIA status',
        (c) => ({ ...tfwpExample(c), tfwp: { lmiaStream: 'high_wage', lmiaStatus: 'great' } }),
        'tfwp.lmiaStatus',
      ],
      [
        'an LMIA number of 6 digits',
        (c) => ({
          ...tfwpExample(c),
          tfwp: { lmiaStream: 'high_wage', lmiaStatus: 'positive', lmiaNumber: '123456' },
        }),
        'tfwp.lmiaNumber',
      ],
      [
        'an LMIA expiry before its issue',
        (c) => ({
          ...tfwpExample(c),
          tfwp: {
            lmiaStream: 'high_wage',
            lmiaStatus: 'positive',
            lmiaIssuedOn: '2026-10-01',
            lmiaExpiresOn: '2026-09-01',
          },
        }),
        'tfwp.lmiaExpiresOn',
      ],
      ['an unknown field', (c) => ({ ...pgwp(c), colour: 'blue' }), 'colour', /not a known field/],
      [
        'an unknown nested field',
        (c) => ({ ...pgwp(c), imp: { exemptionCode: 'C43', lmiaNumber: '1234567' } }),
        'imp.lmiaNumber',
      ],
      ['an impossible date', (c) => ({ ...pgwp(c), permitExpiresOn: '2026-02-30' }), 'permitExpiresOn'],
      ['a date in another format', (c) => ({ ...pgwp(c), biometricsDueOn: '31/12/2026' }), 'biometricsDueOn'],
      [
        'a date-time for a date',
        (c) => ({ ...pgwp(c), medicalDueOn: '2026-12-31T10:00:00Z' }),
        'medicalDueOn',
      ],
      ['a number for a text', (c) => ({ ...pgwp(c), jobTitle: 123 }), 'jobTitle'],
      ['a string for the imp block', (c) => ({ ...pgwp(c), imp: 'C43' }), 'imp'],
      ['an array for the employer', (c) => ({ ...pgwp(c), employer: ['Maple'] }), 'employer'],
      [
        'a string for a boolean',
        (c, k) => ({
          ...impExample(c, k),
          imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567', complianceFeePaid: 'yes' },
        }),
        'imp.complianceFeePaid',
      ],
      [
        'a string for the wage amount',
        (c) => ({ ...pgwp(c), wage: { amount: 'lots', period: 'hour' } }),
        'wage.amount',
      ],
      ['an unknown wage period', (c) => ({ ...pgwp(c), wage: { amount: 20, period: 'day' } }), 'wage.period'],
      [
        'a wage with 3 decimals',
        (c) => ({ ...pgwp(c), wage: { amount: 20.125, period: 'hour' } }),
        'wage.amount',
      ],
      [
        'a short business number',
        (c) => ({ ...pgwp(c), employer: { name: 'Maple', businessNumber: '12345' } }),
        'employer.businessNumber',
      ],
      [
        'a malformed IRCC application number',
        (c) => ({ ...pgwp(c), irccApplicationNumber: '301234567' }),
        'irccApplicationNumber',
      ],
      ['an unknown stream', (c) => ({ ...pgwp(c), stream: 'LMIA' }), 'stream'],
      ['an unknown application type', (c) => ({ ...pgwp(c), applicationType: 'renewal' }), 'applicationType'],
      ['a missing application type', (c) => ({ ...pgwp(c), applicationType: undefined }), 'applicationType'],
      ['a clientId that is not a UUID', () => pgwp('42'), 'clientId'],
      ['a consultantId that is not a UUID', (c) => ({ ...pgwp(c), consultantId: 'amelie' }), 'consultantId'],
    ];

    const named = cases.map(([name, build, field, message]) => ({ name, build, field, message }));
    it.each(named)('$name', async ({ build, field, message }) => {
      const consultant = await t.given.consultant();
      const client = await t.given.client();
      const [files, events] = [await countFiles(), await countAudit()];
      const res = await admin.post('/api/files').send(build(client.id, consultant.id)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(res.body.fields)).toContain(field);
      if (message) {
        expect(res.body.fields[field].join(' ')).toMatch(message);
      }
      expect(await countFiles()).toBe(files);
      expect(await countAudit()).toBe(events);
    });

    it.each(['2174', '2171', '2173', '4011', '3111', '5135', '5241'])(
      'answers the NOC 2016 code %s with its NOC 2021 successors',
      async (code) => {
        const client = await t.given.client();
        const files = await countFiles();
        const res = await admin
          .post('/api/files')
          .send({ ...pgwp(client.id), nocCode: code })
          .expect(400);
        const message = (res.body.fields.nocCode as string[]).join(' ');
        expect(message).toContain(`${code} is a NOC 2016 code`);
        const successors = t.app.get(ReferenceDataService).noc2016Successors(code)?.successors ?? [];
        expect(successors.length).toBeGreaterThan(0);
        for (const group of successors) {
          expect(message).toContain(`${group.code} ${group.title}`);
        }
        expect(res.body.message).toContain('nocCode');
        expect(await countFiles()).toBe(files);
      },
    );

    it('accepts a NOC 2021 code', async () => {
      const client = await t.given.client();
      const res = await admin
        .post('/api/files')
        .send({ ...pgwp(client.id), nocCode: '41200' })
        .expect(201);
      expect(res.body).toMatchObject({ nocCode: '41200', nocTitle: 'University professors and lecturers' });
    });

    it('refuses a consultant who is an assistant or inactive', async () => {
      const client = await t.given.client();
      const assistant = await t.given.user({ role: StaffRole.Assistant });
      const files = await countFiles();
      const res = await admin
        .post('/api/files')
        .send({ ...pgwp(client.id), consultantId: assistant.id })
        .expect(400);
      expect(res.body.fields.consultantId).toEqual(['consultantId must be an active consultant or admin']);
      const gone = await t.given.consultant();
      await admin.patch(`/api/users/${gone.id}`).send({ isActive: false }).expect(200);
      await admin
        .post('/api/files')
        .send({ ...pgwp(client.id), consultantId: gone.id })
        .expect(400);
      expect(await countFiles()).toBe(files);
    });

    it('refuses an archived client, and answers 404 for an unknown one', async () => {
      const client = await t.given.client();
      await admin.delete(`/api/clients/${client.id}`).expect(204);
      const files = await countFiles();
      const archived = await admin.post('/api/files').send(pgwp(client.id)).expect(400);
      expect(Object.keys(archived.body.fields)).toEqual(['clientId']);
      const unknown = await admin
        .post('/api/files')
        .send(pgwp('7d3c1f0e-3a59-4c36-9f8a-0d7b3f3c9e11'))
        .expect(404);
      expect(unknown.body.code).toBe('CLIENT_NOT_FOUND');
      expect(await countFiles()).toBe(files);
    });

    it('refuses malformed JSON without a 500', async () => {
      const res = await admin
        .post('/api/files')
        .set('Content-Type', 'application/json')
        .send('{"stream": "IMP",')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
    });

    it('names every bad field at once', async () => {
      const client = await t.given.client();
      const res = await admin
        .post('/api/files')
        .send({ ...pgwp(client.id), nocCode: '2174', imp: { exemptionCode: 'C12' } })
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['imp.exemptionCode', 'nocCode']);
      expect(res.body.message).toContain(
        'imp.exemptionCode: C12 was retired on 2022-12-15; use C61, C62 or C63 instead',
      );
      expect(res.body.message).toContain('nocCode: 2174 is a NOC 2016 code');
    });
  });

  describe('file numbers', () => {
    it('numbers 30 concurrent openings 1 to 30 within a year, with no gap and no duplicate', async () => {
      clock.set('2031-03-01T12:00:00Z');
      try {
        const clients = await Promise.all(Array.from({ length: 30 }, () => t.given.client()));
        const responses = await Promise.all(clients.map((c) => admin.post('/api/files').send(pgwp(c.id))));
        expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
        const numbers = responses.map((r) => r.body.fileNumber as string).sort();
        expect(numbers).toEqual(
          Array.from({ length: 30 }, (_, i) => `WP-2031-${String(i + 1).padStart(5, '0')}`),
        );
      } finally {
        clock.set('2026-11-22T15:00:00Z');
      }
    });

    it('gives back the number of an opening that fails after taking it: the next opening takes it', async () => {
      clock.set('2032-01-15T12:00:00Z');
      // Fails inside the transaction after the number is taken and the file written, while its deadline is made.
      const stop = t.app.get(DeadlineEvents).subscribe(() => {
        throw ValidationFailedError.field('permitExpiresOn', 'refused by a listener');
      });
      try {
        const client = await t.given.client();
        const [files, events] = [await countFiles(), await countAudit()];
        const failed = await admin
          .post('/api/files')
          .send({ ...pgwp(client.id), permitExpiresOn: '2030-01-31' })
          .expect(400);
        expect(failed.body.fields).toEqual({ permitExpiresOn: ['refused by a listener'] });
        expect(await countFiles()).toBe(files);
        expect(await countAudit()).toBe(events);
        stop();
        const first = await admin
          .post('/api/files')
          .send(pgwp((await t.given.client()).id))
          .expect(201);
        const second = await admin
          .post('/api/files')
          .send(pgwp((await t.given.client()).id))
          .expect(201);
        expect([first.body.fileNumber, second.body.fileNumber]).toEqual(['WP-2032-00001', 'WP-2032-00002']);
      } finally {
        stop();
        clock.set('2026-11-22T15:00:00Z');
      }
    });

    it("numbers by the year in the firm's time zone", async () => {
      clock.set('2033-01-01T03:00:00Z'); // still 2032-12-31 in Toronto
      try {
        const res = await admin
          .post('/api/files')
          .send(pgwp((await t.given.client()).id))
          .expect(201);
        expect(res.body.fileNumber).toMatch(/^WP-2032-\d{5}$/);
      } finally {
        clock.set('2026-11-22T15:00:00Z');
      }
    });
  });
});
