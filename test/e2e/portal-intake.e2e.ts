// The intake questionnaire: the client saves drafts, resumes and submits in the portal; staff read it, reopen it
// and confirm answers into the client record. One app, one SMTP sink (sign-in links and the consultant's email).
import { AuditEventEntity } from '@app/audit';
import { StaffRole } from '@app/auth';
import { ClientsService } from '@app/clients';
import { ALL_RECORDS } from '@app/shared';
import { signInToPortal, type PortalClient } from '../support/portal';
import { completeImpAnswers } from '../support/intake';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

type Portal = PortalClient<{ id: string; email: string | null }>;

describe('client portal: intake questionnaire', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;

  async function clientWithFile(): Promise<{ portal: Portal; fileId: string; fileNumber: string }> {
    const client = await t.given.client({ consultantId: consultant.user.id });
    const portal = await signInToPortal(t, sink, admin, client);
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    return { portal, fileId: file.id, fileNumber: file.fileNumber };
  }

  const intakeOf = (portal: Portal, fileId: string) => `/api/portal/files/${fileId}/intake`;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000' } });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('gives the form for the file’s stream in both languages, with nothing answered yet', async () => {
    const { portal, fileId } = await clientWithFile();
    const res = await portal.get(intakeOf(portal, fileId)).expect(200);
    expect(res.body).toMatchObject({ fileId, status: null, answers: {}, updatedAt: null });
    expect(res.body.form).toMatchObject({ key: 'imp-work-permit', version: 1 });
    expect(res.body.form.sections[0].items[0].label).toEqual({ en: 'Family name', fr: 'Nom de famille' });
  });

  it('saves drafts and resumes them from another session', async () => {
    const { portal, fileId } = await clientWithFile();
    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: { familyName: 'Sharma', usedOtherNames: true } })
      .expect(200)
      .expect((res) => expect(res.body.status).toBe('draft'));
    const saved = await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: { familyName: 'Sharma', usedOtherNames: true, otherNames: 'P. Sharma' } })
      .expect(200);

    const other = await signInToPortal(t, sink, admin, portal.client);
    const resumed = await other.get(intakeOf(other, fileId)).expect(200);
    expect(resumed.body.answers).toEqual({
      familyName: 'Sharma',
      usedOtherNames: true,
      otherNames: 'P. Sharma',
    });
    expect(resumed.body.updatedAt).toBe(saved.body.updatedAt);

    const events = await t.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ fileId, action: 'intake.draft_saved' });
    expect(events).toHaveLength(2);
    expect(events[0].actorClientId).toBe(portal.client.id);
    expect(JSON.stringify(events)).not.toContain('Sharma');
  });

  it('refuses bad answers with 400 naming each answer path, and saves nothing', async () => {
    const { portal, fileId } = await clientWithFile();
    const res = await portal
      .put(intakeOf(portal, fileId))
      .send({
        answers: {
          dateOfBirth: '1991-02-30',
          citizenship: 'XX',
          nickname: 'P',
          addresses: [{ city: 'Pune', country: 'India' }],
          jobs: 'none',
        },
      })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'answers.addresses.0.country',
      'answers.citizenship',
      'answers.dateOfBirth',
      'answers.jobs',
      'answers.nickname',
    ]);
    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: 'all of them' })
      .expect(400)
      .expect((r) => expect(Object.keys(r.body.fields)).toEqual(['answers']));
    expect((await portal.get(intakeOf(portal, fileId)).expect(200)).body.status).toBeNull();
  });

  it('submits once: every required answer first, then read-only; the consultant is emailed without answers', async () => {
    const { portal, fileId, fileNumber } = await clientWithFile();
    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: { familyName: 'Sharma' } })
      .expect(200);
    const missing = await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(400);
    expect(missing.body.fields).toMatchObject({
      'answers.givenNames': ['This answer is required'],
      'answers.addresses': ['Add at least one entry'],
    });
    expect(missing.body.fields['answers.otherNames']).toBeUndefined(); // only asked after a yes

    const answers: Record<string, unknown> = { ...completeImpAnswers(), criminalOffence: true };
    await portal.put(intakeOf(portal, fileId)).send({ answers }).expect(200);
    const explain = await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(400);
    expect(Object.keys(explain.body.fields)).toEqual(['answers.criminalOffenceDetails']);

    answers.criminalOffenceDetails = 'A traffic fine in 2012, paid';
    await portal.put(intakeOf(portal, fileId)).send({ answers }).expect(200);
    const submitted = await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('INTAKE_ALREADY_SUBMITTED'));
    await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(409);

    const mail = await waitFor(
      () => sink.received.find((m) => m.subject === `Intake questionnaire submitted for ${fileNumber}`),
      10_000,
      'the consultant’s email',
    );
    expect(mail.to).toEqual([consultant.user.email]);
    for (const secret of ['Z1234567', 'traffic fine', '1991-04-12', 'Maple Tech']) {
      expect(mail.text).not.toContain(secret);
      expect(mail.html).not.toContain(secret);
    }
    const events = await t.dataSource.getRepository(AuditEventEntity).findBy({ fileId });
    expect(events.map((e) => e.action)).toContain('intake.submitted');
    expect(JSON.stringify(events)).not.toMatch(/Z1234567|traffic fine|Maple Tech/);
  });

  it('stores the answers encrypted', async () => {
    const { portal, fileId } = await clientWithFile();
    await portal.put(intakeOf(portal, fileId)).send({ answers: completeImpAnswers() }).expect(200);
    const [row] = await t.dataSource.query(
      `SELECT answers_encrypted, form_key, form_version FROM intake_responses WHERE file_id = $1`,
      [fileId],
    );
    expect(row.form_key).toBe('imp-work-permit');
    expect(row.form_version).toBe(1);
    expect(row.answers_encrypted).toMatch(/^v2\./);
    expect(row.answers_encrypted).not.toContain('Z1234567');
    expect(row.answers_encrypted).not.toContain('Sharma');
  });

  it('is a 404 for another client’s file, and for a file that does not exist', async () => {
    const { portal } = await clientWithFile();
    const other = await clientWithFile();
    await other.portal.put(intakeOf(other.portal, other.fileId)).send({ answers: { familyName: 'X' } });
    const theirs = intakeOf(portal, other.fileId);
    await portal
      .get(theirs)
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('INTAKE_FILE_NOT_FOUND'));
    await portal
      .put(theirs)
      .send({ answers: { familyName: 'Y' } })
      .expect(404);
    await portal.post(`${theirs}/submit`).expect(404);
    await portal.get(intakeOf(portal, '00000000-0000-4000-8000-000000000000')).expect(404);
    const still = await other.portal.get(intakeOf(other.portal, other.fileId)).expect(200);
    expect(still.body.answers).toEqual({ familyName: 'X' });
  });

  it('lets staff read, reopen with a reason, and confirm answers into the client record', async () => {
    const { portal, fileId } = await clientWithFile();
    await portal.put(intakeOf(portal, fileId)).send({ answers: completeImpAnswers() }).expect(200);

    await consultant.post(`/api/files/${fileId}/intake/reopen`).send({ reason: 'Too early' }).expect(409);
    await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(200);

    const read = await consultant.get(`/api/files/${fileId}/intake`).expect(200);
    expect(read.body.status).toBe('submitted');
    expect(read.body.answers.passportNumber).toBe('Z1234567');
    expect(read.body.clientFields).toEqual(
      expect.arrayContaining([
        {
          clientField: 'passportNumber',
          answerKey: 'passportNumber',
          answer: 'Z1234567',
          current: null,
          confirmed: false,
        },
        {
          clientField: 'dateOfBirth',
          answerKey: 'dateOfBirth',
          answer: '1991-04-12',
          current: null,
          confirmed: false,
        },
      ]),
    );

    // Another consultant may not see the file.
    const stranger = await t.signedInAs(StaffRole.Consultant);
    await stranger.get(`/api/files/${fileId}/intake`).expect(404);
    await stranger
      .post(`/api/files/${fileId}/intake/confirm`)
      .send({ fields: ['dateOfBirth'] })
      .expect(404);

    await consultant
      .post(`/api/files/${fileId}/intake/confirm`)
      .send({ fields: ['address'] })
      .expect(400)
      .expect((r) => expect(Object.keys(r.body.fields)).toEqual(['fields']));
    await consultant.post(`/api/files/${fileId}/intake/confirm`).send({ fields: [] }).expect(400);

    const confirmed = await consultant
      .post(`/api/files/${fileId}/intake/confirm`)
      .send({ fields: ['passportNumber', 'dateOfBirth', 'citizenship', 'passportExpiresOn'] })
      .expect(200);
    expect(confirmed.body.clientFields).toEqual(
      expect.arrayContaining([
        {
          clientField: 'citizenship',
          answerKey: 'citizenship',
          answer: 'IN',
          current: 'IN',
          confirmed: true,
        },
      ]),
    );
    const clients = t.app.get(ClientsService);
    const client = await clients.requireVisible(portal.client.id, ALL_RECORDS);
    expect(client).toMatchObject({
      dateOfBirth: '1991-04-12',
      citizenship: 'IN',
      passportExpiresOn: '2030-01-14',
    });
    expect(clients.decryptPassportNumber(client)).toBe('Z1234567');
    const actions = (
      await t.dataSource.getRepository(AuditEventEntity).findBy({ clientId: portal.client.id })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['intake.confirmed', 'client.updated']));

    await consultant.post(`/api/files/${fileId}/intake/reopen`).send({}).expect(400);
    await consultant.post(`/api/files/${fileId}/intake/reopen`).send({ reason: '   ' }).expect(400);
    const reopened = await consultant
      .post(`/api/files/${fileId}/intake/reopen`)
      .send({ reason: 'Please add your 2019 trip' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', reopenReason: 'Please add your 2019 trip' });
    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: { ...completeImpAnswers(), travelledAbroad: true, trips: [] } })
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('reopened'));
    await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(400);
  });

  it('keeps a refused client value out of the record, all or nothing', async () => {
    const { portal, fileId } = await clientWithFile();
    await portal
      .put(intakeOf(portal, fileId))
      .send({ answers: { ...completeImpAnswers(), phone: 'call me maybe' } })
      .expect(200);
    await portal.post(`${intakeOf(portal, fileId)}/submit`).expect(200);
    const res = await consultant
      .post(`/api/files/${fileId}/intake/confirm`)
      .send({ fields: ['dateOfBirth', 'phone'] })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['phone']);
    const view = await consultant.get(`/api/files/${fileId}/intake`).expect(200);
    expect(
      view.body.clientFields.find((f: { clientField: string }) => f.clientField === 'dateOfBirth'),
    ).toMatchObject({ current: null, confirmed: false });
  });
});
