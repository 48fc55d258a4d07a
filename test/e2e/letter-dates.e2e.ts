import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const NOW = '2026-12-04T15:00:00.000Z';

interface File {
  id: string;
  biometricsLetterOn: string | null;
  biometricsDueOn: string | null;
  medicalLetterOn: string | null;
  medicalDueOn: string | null;
  pflLetterOn: string | null;
  pflResponseDueOn: string | null;
  deadlines: { kind: string; dueOn: string }[];
}

interface Period {
  id: string;
  deadlineKind: string | null;
  days: number | null;
  defaultDays: number | null;
  isFirmSetting: boolean;
  sourceNote: string;
  checkedOn: string;
  reviewBy: string;
}

describe('due dates from IRCC letters', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  async function openFile(body: Record<string, unknown> = {}): Promise<File> {
    const client = await t.given.client();
    const res = await admin.post('/api/files').send({
      clientId: client.id,
      stream: 'IMP',
      applicationType: 'initial',
      imp: { exemptionCode: 'C43' },
      ...body,
    });
    expect([res.status, res.body.fields]).toEqual([201, undefined]);
    return res.body as File;
  }

  const kindsAndDates = (file: File) => file.deadlines.map((d) => [d.kind, d.dueOn]).sort();

  it('records the biometric instruction letter and derives the due date 30 days later, with its deadline', async () => {
    const file = await openFile({ biometricsLetterOn: '2026-12-04' });
    expect(file).toMatchObject({ biometricsLetterOn: '2026-12-04', biometricsDueOn: '2027-01-03' });
    expect(kindsAndDates(file)).toEqual([['biometrics', '2027-01-03']]);
  });

  it('derives the medical due date, and moves it when the letter date changes', async () => {
    const file = await openFile({ medicalLetterOn: '2026-11-20' });
    expect(file.medicalDueOn).toBe('2026-12-20');
    const res = await admin
      .patch(`/api/files/${file.id}`)
      .send({ medicalLetterOn: '2026-11-25' })
      .expect(200);
    expect(res.body).toMatchObject({ medicalLetterOn: '2026-11-25', medicalDueOn: '2026-12-25' });
    expect(kindsAndDates(res.body as File)).toEqual([['medical', '2026-12-25']]);
  });

  it('keeps a due date given explicitly', async () => {
    const file = await openFile({ biometricsLetterOn: '2026-12-04', biometricsDueOn: '2027-02-01' });
    expect(file.biometricsDueOn).toBe('2027-02-01');
  });

  it('asks for the response date of a procedural-fairness letter, which IRCC gives in the letter', async () => {
    const client = await t.given.client();
    const res = await admin.post('/api/files').send({
      clientId: client.id,
      stream: 'IMP',
      applicationType: 'initial',
      imp: { exemptionCode: 'C43' },
      pflLetterOn: '2026-12-04',
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.pflResponseDueOn[0]).toContain('IRCC sets no default period');
    const file = await openFile({ pflLetterOn: '2026-12-04', pflResponseDueOn: '2026-12-19' });
    expect(kindsAndDates(file)).toEqual([['pfl_response', '2026-12-19']]);
  });

  it('refuses a due date before its letter', async () => {
    const client = await t.given.client();
    const res = await admin.post('/api/files').send({
      clientId: client.id,
      stream: 'IMP',
      applicationType: 'initial',
      imp: { exemptionCode: 'C43' },
      medicalLetterOn: '2026-12-04',
      medicalDueOn: '2026-12-01',
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['medicalDueOn']);
  });

  describe('the firm periods', () => {
    it('lists the defaults with their sources to staff', async () => {
      const assistant = await t.signedInAs(StaffRole.Assistant);
      const res = await assistant.get('/api/settings/deadline-periods').expect(200);
      const periods = res.body.items as Period[];
      expect(periods.find((p) => p.id === 'biometrics_letter')).toMatchObject({
        deadlineKind: 'biometrics',
        days: 30,
        defaultDays: 30,
        isFirmSetting: false,
        checkedOn: '2026-12-04',
      });
      expect(periods.find((p) => p.id === 'restoration')?.days).toBe(90);
      expect(periods.find((p) => p.id === 'pgwp_application')?.days).toBe(180);
      await assistant
        .put('/api/settings/deadline-periods')
        .send({ days: { biometrics_letter: 14 } })
        .expect(404);
    });

    it('lets an admin set the firm period, which new letters then use', async () => {
      const res = await admin
        .put('/api/settings/deadline-periods')
        .send({ days: { biometrics_letter: 21, pfl_letter: 30 } })
        .expect(200);
      expect((res.body.items as Period[]).find((p) => p.id === 'biometrics_letter')).toMatchObject({
        days: 21,
        defaultDays: 30,
        isFirmSetting: true,
      });
      const file = await openFile({ biometricsLetterOn: '2026-12-04', pflLetterOn: '2026-12-04' });
      expect(file).toMatchObject({ biometricsDueOn: '2026-12-25', pflResponseDueOn: '2027-01-03' });

      await admin.put('/api/settings/deadline-periods').send({ days: {} }).expect(200);
      expect((await openFile({ biometricsLetterOn: '2026-12-04' })).biometricsDueOn).toBe('2027-01-03');
    });

    it('refuses unknown periods and impossible numbers of days', async () => {
      const res = await admin
        .put('/api/settings/deadline-periods')
        .send({ days: { biometrics_letter: 0, nope: 3, medical_letter: 2.5 } })
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual([
        'days.biometrics_letter',
        'days.medical_letter',
        'days.nope',
      ]);
    });
  });

  describe('deadlines added from a letter', () => {
    const add = (fileId: string, body: Record<string, unknown>) =>
      admin.post(`/api/files/${fileId}/deadlines`).send(body);

    it("derives the due date from the letter and the firm's period for the kind, or names the missing field", async () => {
      const file = await openFile();
      // IRCC sets no default period for a document request: the letter's own date is needed.
      let res = await add(file.id, { kind: 'document_request', letterOn: '2026-12-04' });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual(['dueOn']);
      expect(res.body.fields.dueOn[0]).toMatch(
        /no default period is set for "Send documents IRCC requested"/,
      );

      // Restoration: 90 days from the day status was lost.
      res = await add(file.id, { kind: 'status_expiry', letterOn: '2026-12-01' });
      expect([res.status, res.body.fields]).toEqual([201, undefined]);
      expect(res.body).toMatchObject({ kind: 'status_expiry', dueOn: '2027-03-01', source: 'manual' });

      await admin
        .put('/api/settings/deadline-periods')
        .send({ days: { document_request_letter: 30 } })
        .expect(200);
      res = await add(file.id, { kind: 'document_request', letterOn: '2026-12-04' });
      expect([res.status, res.body.dueOn, res.body.title]).toEqual([
        201,
        '2027-01-03',
        'Documents requested by IRCC',
      ]);
      // A due date given wins over the period.
      res = await add(file.id, { kind: 'document_request', letterOn: '2026-12-04', dueOn: '2026-12-20' });
      expect([res.status, res.body.dueOn]).toEqual([201, '2026-12-20']);
      await admin.put('/api/settings/deadline-periods').send({ days: {} }).expect(200);

      res = await add(file.id, { kind: 'custom', title: 'Call the employer', letterOn: '2026-12-04' });
      expect([res.status, Object.keys(res.body.fields)]).toEqual([400, ['letterOn']]);
      res = await add(file.id, { kind: 'document_request', letterOn: '2026-12-04', dueOn: '2026-12-01' });
      expect([res.status, Object.keys(res.body.fields)]).toEqual([400, ['dueOn']]);
      res = await add(file.id, { kind: 'custom', title: 'Call the employer' });
      expect([res.status, Object.keys(res.body.fields)]).toEqual([400, ['dueOn']]);
      res = await add(file.id, { kind: 'document_request', letterOn: '04/12/2026' });
      expect([res.status, Object.keys(res.body.fields)]).toEqual([400, ['letterOn']]);

      const kept = await admin.get(`/api/files/${file.id}/deadlines`).expect(200);
      expect(
        (kept.body.items as { kind: string; dueOn: string }[]).map((d) => [d.kind, d.dueOn]).sort(),
      ).toEqual([
        ['document_request', '2026-12-20'],
        ['document_request', '2027-01-03'],
        ['status_expiry', '2027-03-01'],
      ]);
    });
  });
});
