import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffRole } from '@app/auth';
import { ReminderEntity, ReminderStatus } from '@app/reminders';
import { FixedClock } from '@app/shared';
import { LmiaStatus, WorkPermitStream, type WorkPermitFileEntity } from '@app/work-permits';
import { BACKENDS, pdf } from '../support/documents';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface ExpiryRow {
  id: string;
  document_id: string;
  due_on: string;
  title: string;
  source: string;
}

// Expiry deadlines do not depend on where the bytes are kept: the disk storage is enough here.
const disk = BACKENDS[0];

describe('documents: expiry deadlines', () => {
  const clock = new FixedClock(new Date('2026-12-01T15:00:00.000Z'));
  let t: TestApp;
  let root: string;
  let stop: () => Promise<unknown>;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let file: WorkPermitFileEntity;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-expiry-'));
    const started = await disk.env(root);
    stop = started.stop;
    t = await createTestApp({ clock, env: started.env });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    const client = await t.given.client({
      consultantId: consultant.user.id,
      passportExpiresOn: '2029-02-01',
    });
    // A TFWP file: language test results, a medical exam and police certificates are all on its checklist.
    file = await t.given.file({
      clientId: client.id,
      consultantId: consultant.user.id,
      stream: WorkPermitStream.Tfwp,
      employer: { name: 'Maple Software Inc.' },
      tfwp: { lmiaStream: 'high_wage', lmiaStatus: LmiaStatus.Pending },
    });
  });

  afterAll(async () => {
    await t?.close();
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  let seed = 0;
  const upload = (kind: string, dates: { issuedOn?: string; expiresOn?: string } = {}) => {
    let req = consultant
      .post(`/api/files/${file.id}/documents`)
      .field('kind', kind)
      .attach('file', pdf(4_000, `${kind}-${++seed}`), `${kind}.pdf`);
    for (const [field, value] of Object.entries(dates)) {
      req = req.field(field, value);
    }
    return req.expect(201);
  };
  const ofKind = (kind: string): Promise<ExpiryRow[]> =>
    t.dataSource.query(
      `SELECT d.id, d.document_id, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.title, d.source
       FROM deadlines d JOIN documents doc ON doc.id = d.document_id
       WHERE d.file_id = $1 AND d.kind = 'document_expiry' AND doc.kind = $2`,
      [file.id, kind],
    );
  const scheduledReminders = (deadlineId: string) =>
    t.dataSource.manager.find(ReminderEntity, {
      where: { subjectId: deadlineId, status: ReminderStatus.Scheduled },
    });

  it('gives a medical exam a deadline 12 months after the exam, with reminders planned', async () => {
    const { body } = await upload('medical_exam', { issuedOn: '2026-10-15' });
    const rows = await ofKind('medical_exam');
    expect(rows).toEqual([
      {
        id: expect.any(String),
        document_id: body.document.id,
        due_on: '2027-10-15',
        title: expect.stringMatching(/expires$/),
        source: 'document',
      },
    ]);
    const reminders = await scheduledReminders(rows[0].id);
    // The default policy: 60 and 30 days before to the file's consultant; admins when it is overdue.
    const toConsultant = reminders.filter((r) => r.recipient === consultant.user.id);
    expect(toConsultant.map((r) => r.offsetKey).sort()).toEqual(['30d@2027-10-15', '60d@2027-10-15']);

    const listed = await consultant.get(`/api/files/${file.id}/deadlines`).expect(200);
    const items = (listed.body.items ?? listed.body) as { kind: string; source: string }[];
    expect(items.filter((d) => d.kind === 'document_expiry')).toHaveLength(1);
  });

  it('keeps one deadline per kind, on the latest version: a new version moves it to its own expiry', async () => {
    const first = await upload('language_test_results', { issuedOn: '2026-01-20' });
    expect((await ofKind('language_test_results')).map((r) => [r.document_id, r.due_on])).toEqual([
      [first.body.document.id, '2028-01-20'],
    ]);
    const old = (await ofKind('language_test_results'))[0];

    const second = await upload('language_test_results', { issuedOn: '2026-09-02' });
    expect((await ofKind('language_test_results')).map((r) => [r.document_id, r.due_on])).toEqual([
      [second.body.document.id, '2028-09-02'],
    ]);
    expect(await scheduledReminders(old.id)).toEqual([]);

    // A version without any date leaves the kind without a deadline.
    await upload('language_test_results');
    expect(await ofKind('language_test_results')).toEqual([]);
  });

  it('takes the expiry written on the document over the rule', async () => {
    await upload('medical_exam', { issuedOn: '2026-11-01', expiresOn: '2027-03-31' });
    expect((await ofKind('medical_exam')).map((r) => r.due_on)).toEqual(['2027-03-31']);
  });

  it("dates a police certificate by the firm's setting, else 6 months from issue", async () => {
    await upload('police_certificates', { issuedOn: '2026-08-31' });
    expect((await ofKind('police_certificates')).map((r) => r.due_on)).toEqual(['2027-02-28']);

    const validity = async () =>
      (await admin.get('/api/settings/deadline-periods').expect(200)).body.documentValidity;
    expect(await validity()).toEqual([
      {
        id: 'police_certificate_validity_months',
        itemKey: 'police_certificates',
        months: 6,
        defaultMonths: 6,
        isFirmSetting: false,
      },
    ]);
    await admin
      .put('/api/settings/deadline-periods')
      .send({ days: { police_certificate_validity_months: 12 } })
      .expect(200);
    expect(await validity()).toMatchObject([{ months: 12, defaultMonths: 6, isFirmSetting: true }]);
    await upload('police_certificates', { issuedOn: '2026-09-30' });
    expect((await ofKind('police_certificates')).map((r) => r.due_on)).toEqual(['2027-09-30']);

    const bad = await admin
      .put('/api/settings/deadline-periods')
      .send({ days: { police_certificate_validity_months: 0 } })
      .expect(400);
    expect(bad.body.fields).toHaveProperty(['days.police_certificate_validity_months']);
  });

  it('removes the deadline when the latest version is rejected or deleted, and follows date changes', async () => {
    const one = await upload('other', { expiresOn: '2027-05-05' });
    const two = await upload('other', { expiresOn: '2027-06-06' });
    expect((await ofKind('other')).map((r) => r.document_id)).toEqual([two.body.document.id]);

    // The review route changes dates and status; the deadline follows in the same transaction.
    await admin.patch(`/api/documents/${two.body.document.id}`).send({ expiresOn: '2027-07-07' }).expect(200);
    expect((await ofKind('other')).map((r) => r.due_on)).toEqual(['2027-07-07']);

    await admin
      .patch(`/api/documents/${two.body.document.id}`)
      .send({ status: 'rejected', reason: 'Blurred' })
      .expect(200);
    expect(await ofKind('other')).toEqual([]);

    // Deleting the rejected latest version brings the previous one back as the latest.
    await admin.delete(`/api/documents/${two.body.document.id}`).expect(204);
    expect((await ofKind('other')).map((r) => [r.document_id, r.due_on])).toEqual([
      [one.body.document.id, '2027-05-05'],
    ]);

    await admin.delete(`/api/documents/${one.body.document.id}`).expect(204);
    expect(await ofKind('other')).toEqual([]);

    const audited = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE subject_type = 'deadline' AND file_id = $1 AND action = 'deadline.removed'`,
      [file.id],
    );
    expect(audited.length).toBeGreaterThan(0);
  });

  it('keeps staff from adding, moving or removing a document expiry deadline by hand', async () => {
    const { body } = await upload('medical_exam', { issuedOn: '2026-11-20' });
    const [deadline] = (await ofKind('medical_exam')).filter((r) => r.document_id === body.document.id);

    const added = await admin
      .post(`/api/files/${file.id}/deadlines`)
      .send({ kind: 'document_expiry', dueOn: '2027-01-01', title: 'Mine' })
      .expect(400);
    expect(added.body.fields).toHaveProperty('kind');
    const moved = await admin
      .patch(`/api/deadlines/${deadline.id}`)
      .send({ dueOn: '2027-01-01' })
      .expect(400);
    expect(moved.body.fields).toHaveProperty('dueOn');
    await admin.delete(`/api/deadlines/${deadline.id}`).expect(409);
    await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: true }).expect(200);
  });

  it('lets the reminder policy leave document expiries out: their days stay as they were', async () => {
    const offsets = {
      permit_expiry: [90],
      lmia_expiry: [30],
      biometrics: [7],
      medical: [7],
      pfl_response: [7],
      document_request: [2],
      passport_expiry: [90],
      status_expiry: [30],
      custom: [1],
    };
    const base = { sendHour: 8, notifyAssistants: false, escalateOverdue: true, dailyDigest: true };
    const kept = await admin
      .put('/api/settings/reminders')
      .send({ ...base, offsets })
      .expect(200);
    expect(kept.body.offsets.document_expiry).toEqual([60, 30]);
    await admin
      .put('/api/settings/reminders')
      .send({ ...base, offsets: { ...offsets, document_expiry: [45, 10] } })
      .expect(200);
    const again = await admin
      .put('/api/settings/reminders')
      .send({ ...base, offsets })
      .expect(200);
    expect(again.body.offsets.document_expiry).toEqual([45, 10]);
    const bad = await admin
      .put('/api/settings/reminders')
      .send({ ...base, offsets: { ...offsets, document_expiry: [-1] } })
      .expect(400);
    expect(JSON.stringify(bad.body.fields)).toContain('document_expiry');
  });

  it("suggests the passport's expiry when it differs from the client's", async () => {
    const differs = await upload('passport', { expiresOn: '2034-02-01' });
    expect(differs.body.suggestions).toEqual({
      passportExpiry: { current: '2029-02-01', proposed: '2034-02-01' },
    });
    await t.dataSource.query(`UPDATE clients SET passport_expires_on = '2034-02-01' WHERE id = $1`, [
      file.clientId,
    ]);
    const same = await upload('passport', { expiresOn: '2034-02-01' });
    expect(same.body.suggestions).toEqual({});
    const other = await upload('medical_exam', { expiresOn: '2034-02-01' });
    expect(other.body.suggestions).toEqual({});
  });
});
