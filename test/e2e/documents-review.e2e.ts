// A long spec by design: checklists, review, versions and waivers on each storage backend,
// against one app per backend. Starting an app per file costs seconds, so the cases stay together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffRole } from '@app/auth';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@app/documents';
import type { WorkPermitFileEntity } from '@app/work-permits';
import { BACKENDS, MAX_BYTES, objectKeys, pdf } from '../support/documents';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface Item {
  key: string;
  status: string;
  required: boolean;
  custom: boolean;
  documentId: string | null;
  version: number | null;
  reviewReason: string | null;
  waivedReason: string | null;
  waivedAt: string | null;
}

describe.each(BACKENDS)('document checklists and review ($name)', (backend) => {
  let t: TestApp;
  let root: string;
  let stop: () => Promise<unknown>;
  let storage: DocumentStorage;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let otherConsultant: SignedInClient;
  let assistant: SignedInClient;
  let file: WorkPermitFileEntity;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-review-'));
    const started = await backend.env(root);
    stop = started.stop;
    t = await createTestApp({ env: { ...started.env, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    otherConsultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    file = await t.given.file({ consultantId: consultant.user.id });
  });

  afterAll(async () => {
    await t?.close();
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = (kind: string, seed: string, client: SignedInClient = consultant, on = file) =>
    client
      .post(`/api/files/${on.id}/documents`)
      .field('kind', kind)
      .attach('file', pdf(2_000, seed), `${kind}.pdf`);
  const checklist = async (client: SignedInClient = consultant, on = file) =>
    (await client.get(`/api/files/${on.id}/checklist`).expect(200)).body as {
      items: Item[];
      summary: Record<string, number>;
    };
  const itemOf = async (key: string, on = file) => {
    const found = (await checklist(consultant, on)).items.find((i) => i.key === key);
    if (!found) throw new Error(`${key} not on the checklist`);
    return found;
  };
  const audit = (subjectId: string): Promise<{ action: string; actor_id: string; changes: object }[]> =>
    t.dataSource.query(
      'SELECT action, actor_id, changes FROM audit_events WHERE subject_id = $1 ORDER BY seq',
      [subjectId],
    );
  const auditCount = async () =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM audit_events'))[0].n);

  describe('checklist', () => {
    it("derives a file's checklist with statuses and counts; staff who may see the file read it", async () => {
      const fresh = await t.given.file({ consultantId: consultant.user.id });
      const before = await checklist(consultant, fresh);
      const passport = before.items.find((i) => i.key === 'passport');
      expect(passport).toMatchObject({
        status: 'missing',
        required: true,
        custom: false,
        documentId: null,
        version: null,
        title: expect.any(String),
        titleFr: expect.any(String),
        group: 'identity',
      });
      expect(before.items.map((i) => i.key)).toEqual(
        expect.arrayContaining(['pgwp_completion_letter', 'pgwp_transcript', 'photos']),
      );
      expect(before.items.some((i) => i.key === 'lmia_copy')).toBe(false);
      const requiredTotal = before.items.filter((i) => i.required).length;
      expect(before.summary).toEqual({ requiredTotal, requiredComplete: 0, awaitingReview: 0, rejected: 0 });

      const { body } = await upload('passport', 'cl1', consultant, fresh).expect(201);
      const after = await checklist(assistant, fresh);
      expect(after.items.find((i) => i.key === 'passport')).toMatchObject({
        status: 'uploaded',
        documentId: body.document.id,
        version: 1,
      });
      expect(after.summary).toMatchObject({ awaitingReview: 1, requiredComplete: 0 });
      await checklist(admin, fresh);
      await otherConsultant.get(`/api/files/${fresh.id}/checklist`).expect(404);
      await consultant.get('/api/files/not-a-uuid/checklist').expect(400);
    });

    it('reads a checklist in the same few statements however many documents and waivers the file has', async () => {
      const small = await t.given.file({ consultantId: consultant.user.id });
      const big = await t.given.file({ consultantId: consultant.user.id });
      await upload('passport', 'cost0', consultant, small).expect(201);
      for (const [i, kind] of ['passport', 'photos', 'pgwp_transcript', 'medical_exam', 'other'].entries()) {
        await upload(kind, `cost${i}a`, consultant, big).expect(201);
        await upload(kind, `cost${i}b`, consultant, big).expect(201);
      }
      for (const key of ['police_certificates', 'fee_payment_receipt']) {
        await consultant
          .post(`/api/files/${big.id}/checklist/${key}/waive`)
          .send({ reason: 'n/a' })
          .expect(200);
      }
      const statementsFor = async (on: WorkPermitFileEntity): Promise<number> => {
        const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
        try {
          await checklist(consultant, on);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const few = await statementsFor(small);
      expect(await statementsFor(big)).toBe(few);
      // The firm's items, the newest documents and the waivers (the file is read by a named statement, which the
      // query logger does not see).
      expect(few).toBe(3);
    });

    it('shows the counts on the files list and on the file, the same as the checklist', async () => {
      const fresh = await t.given.file({ consultantId: consultant.user.id });
      const { body } = await upload('photos', 'list1', consultant, fresh).expect(201);
      await consultant.patch(`/api/documents/${body.document.id}`).send({ status: 'accepted' }).expect(200);
      const { summary } = await checklist(consultant, fresh);
      expect(summary.requiredComplete).toBe(1);
      const one = await consultant.get(`/api/files/${fresh.id}`).expect(200);
      expect(one.body.checklist).toEqual(summary);
      const list = await consultant.get('/api/files?limit=100').expect(200);
      const listed = list.body.items.find((f: { id: string }) => f.id === fresh.id);
      expect(listed.checklist).toEqual(summary);
      for (const item of list.body.items) {
        expect(item.checklist).toEqual({
          requiredTotal: expect.any(Number),
          requiredComplete: expect.any(Number),
          awaitingReview: expect.any(Number),
          rejected: expect.any(Number),
        });
      }
    });
  });

  describe('documents report', () => {
    it('adds up the checklists of the files in progress that the reader may see', async () => {
      const submitted = await t.given.file({ consultantId: consultant.user.id });
      await t.dataSource.query(`UPDATE work_permit_files SET status = 'submitted' WHERE id = $1`, [
        submitted.id,
      ]);
      const theirs = await t.given.file({ consultantId: otherConsultant.user.id });
      await upload('photos', 'report1', otherConsultant, theirs).expect(201);

      const files = (await consultant.get('/api/files?limit=100').expect(200)).body.items as {
        id: string;
        status: string;
        checklist: Record<string, number>;
      }[];
      const inProgress = files.filter((f) =>
        ['intake', 'preparing', 'additional_info_requested'].includes(f.status),
      );
      expect(inProgress.map((f) => f.id)).not.toContain(submitted.id);
      const sum = (key: string) => inProgress.reduce((total, f) => total + f.checklist[key], 0);
      const report = (await consultant.get('/api/reports/documents').expect(200)).body;
      expect(report).toMatchObject({
        statuses: ['intake', 'preparing', 'additional_info_requested'],
        files: inProgress.length,
        requiredTotal: sum('requiredTotal'),
        requiredComplete: sum('requiredComplete'),
        awaitingReview: sum('awaitingReview'),
        rejected: sum('rejected'),
        filesAwaitingReview: inProgress.filter((f) => f.checklist.awaitingReview > 0).length,
        filesWithRejected: inProgress.filter((f) => f.checklist.rejected > 0).length,
        complete: inProgress.filter((f) => f.checklist.requiredComplete === f.checklist.requiredTotal).length,
      });

      // The other consultant's report counts their file only, with its upload awaiting review.
      const other = (await otherConsultant.get('/api/reports/documents').expect(200)).body;
      expect(other).toMatchObject({ files: 1, awaitingReview: 1, filesAwaitingReview: 1 });
      await consultant.get('/api/reports/documents?unknown=1').expect(400);
    });
  });

  describe('upload kind', () => {
    it("refuses a kind that is not on the file's checklist, storing nothing; takes `other`", async () => {
      const objects = (await objectKeys(storage)).length;
      const rows = Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n);
      for (const kind of ['lmia_copy', 'no_such_item']) {
        const res = await upload(kind, `k-${kind}`).expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['kind']);
      }
      expect((await objectKeys(storage)).length).toBe(objects);
      expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n)).toBe(rows);
      await upload('other', 'k-other').expect(201);
    });
  });

  describe('review', () => {
    it('accepts and rejects (a rejection needs a reason), recorded with the changed fields', async () => {
      const { body } = await upload('pgwp_transcript', 'rev1').expect(201);
      const id = body.document.id as string;
      expect(body.document).toMatchObject({ latest: true, reviewReason: null, reviewedAt: null });

      const before = await auditCount();
      for (const bad of [
        [{ status: 'rejected' }, 'reason'],
        [{ status: 'rejected', reason: '   ' }, 'reason'],
        [{ status: 'rejected', reason: 'x'.repeat(501) }, 'reason'],
        [{ reason: 'no status' }, 'reason'],
        [{ status: 'pending_review' }, 'status'],
        [{ expiresOn: '2030-02-30' }, 'expiresOn'],
        [{ issuedOn: 'yesterday' }, 'issuedOn'],
        [{ issuedOn: '2030-01-02', expiresOn: '2030-01-01' }, 'expiresOn'],
        [{ colour: 'red' }, 'colour'],
      ] as const) {
        const res = await consultant.patch(`/api/documents/${id}`).send(bad[0]).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(res.body.fields)).toContain(bad[1]);
      }
      expect(await auditCount()).toBe(before);
      expect((await consultant.get(`/api/documents/${id}`).expect(200)).body).toMatchObject({
        status: 'pending_review',
        expiresOn: null,
        issuedOn: null,
      });

      const rejected = await assistant
        .patch(`/api/documents/${id}`)
        .send({ status: 'rejected', reason: ' Pages 2-3 missing ' })
        .expect(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        reviewReason: 'Pages 2-3 missing',
        statusReason: 'Pages 2-3 missing',
        reviewedById: assistant.user.id,
        reviewedAt: expect.any(String),
        latest: true,
      });
      expect(await itemOf('pgwp_transcript')).toMatchObject({
        status: 'rejected',
        reviewReason: 'Pages 2-3 missing',
      });

      const accepted = await consultant
        .patch(`/api/documents/${id}`)
        .send({ status: 'accepted' })
        .expect(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        reviewReason: null,
        reviewedById: consultant.user.id,
      });
      expect((await itemOf('pgwp_transcript')).status).toBe('accepted');

      const updated = await consultant
        .patch(`/api/documents/${id}`)
        .send({ issuedOn: '2026-05-01', expiresOn: '2028-05-01', title: 'Transcript' })
        .expect(200);
      expect(updated.body).toMatchObject({
        issuedOn: '2026-05-01',
        expiresOn: '2028-05-01',
        title: 'Transcript',
      });
      await consultant.patch(`/api/documents/${id}`).send({ expiresOn: null }).expect(200);

      const rows = (await audit(id)).filter((r) => r.action !== 'document.viewed');
      expect(rows.map((r) => r.action)).toEqual([
        'document.uploaded',
        'document.reviewed',
        'document.reviewed',
        'document.updated',
        'document.updated',
      ]);
      expect(rows[1]).toMatchObject({
        actor_id: assistant.user.id,
        changes: { status: ['pending_review', 'rejected'], reviewReason: [null, 'Pages 2-3 missing'] },
      });
      expect(rows[2].changes).toMatchObject({
        status: ['rejected', 'accepted'],
        reviewReason: ['Pages 2-3 missing', null],
      });
      expect(rows[3].changes).toEqual({
        issuedOn: [null, '2026-05-01'],
        expiresOn: [null, '2028-05-01'],
        title: ['pgwp_transcript.pdf', 'Transcript'],
      });
      expect(rows[4].changes).toEqual({ expiresOn: ['2028-05-01', null] });
    });

    it("answers 404 for another consultant's document and for an unknown one", async () => {
      const { body } = await upload('pgwp_completion_letter', 'rev404').expect(201);
      await otherConsultant
        .patch(`/api/documents/${body.document.id}`)
        .send({ status: 'accepted' })
        .expect(404);
      await admin
        .patch('/api/documents/00000000-0000-4000-8000-000000000000')
        .send({ status: 'accepted' })
        .expect(404);
      expect((await consultant.get(`/api/documents/${body.document.id}`).expect(200)).body.status).toBe(
        'pending_review',
      );
    });
  });

  describe('versions and delete', () => {
    it('lists every version newest first with `latest`, filters by kind; delete is for admins only', async () => {
      const v1 = (await upload('medical_exam', 'ver1').expect(201)).body.document;
      const v2 = (await upload('medical_exam', 'ver2').expect(201)).body.document;
      expect(v2).toMatchObject({ version: 2, latest: true });
      const list = await consultant.get(`/api/files/${file.id}/documents?kind=medical_exam`).expect(200);
      expect(list.body.items.map((d: { id: string; latest: boolean }) => [d.id, d.latest])).toEqual([
        [v2.id, true],
        [v1.id, false],
      ]);
      expect((await consultant.get(`/api/documents/${v1.id}`).expect(200)).body.latest).toBe(false);
      await consultant.get(`/api/files/${file.id}/documents?kind=../x`).expect(400);
      expect((await itemOf('medical_exam')).documentId).toBe(v2.id);

      const forbidden = await assistant.delete(`/api/documents/${v2.id}`).expect(403);
      expect(forbidden.body.code).toBe('DOCUMENT_DELETE_FORBIDDEN');
      await consultant.delete(`/api/documents/${v2.id}`).expect(403);
      await otherConsultant.delete(`/api/documents/${v2.id}`).expect(404);
      expect((await consultant.get(`/api/documents/${v2.id}`).expect(200)).body.latest).toBe(true);

      await admin.delete(`/api/documents/${v2.id}`).expect(204);
      await consultant.get(`/api/documents/${v2.id}`).expect(404);
      await consultant.get(`/api/documents/${v2.id}/content`).expect(404);
      await admin.delete(`/api/documents/${v2.id}`).expect(404);
      const after = await consultant.get(`/api/files/${file.id}/documents?kind=medical_exam`).expect(200);
      expect(after.body.items.map((d: { id: string; latest: boolean }) => [d.id, d.latest])).toEqual([
        [v1.id, true],
      ]);
      expect(await itemOf('medical_exam')).toMatchObject({ documentId: v1.id, version: 1 });
      const deleted = (await audit(v2.id)).filter((r) => r.action === 'document.deleted');
      expect(deleted).toEqual([
        {
          action: 'document.deleted',
          actor_id: admin.user.id,
          changes: { kind: 'medical_exam', version: 2 },
        },
      ]);
    });
  });

  describe('waivers', () => {
    it('waives an item with a reason and lifts it, both recorded; refuses bad input writing nothing', async () => {
      const url = `/api/files/${file.id}/checklist/police_certificates/waive`;
      const before = await auditCount();
      for (const [body, field] of [
        [{}, 'reason'],
        [{ reason: '  ' }, 'reason'],
        [{ reason: 'x'.repeat(501) }, 'reason'],
      ] as const) {
        const res = await consultant.post(url).send(body).expect(400);
        expect(Object.keys(res.body.fields)).toEqual([field]);
      }
      const unknown = await consultant
        .post(`/api/files/${file.id}/checklist/lmia_copy/waive`)
        .send({ reason: 'n/a' })
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['key']);
      await otherConsultant.post(url).send({ reason: 'n/a' }).expect(404);
      expect(await auditCount()).toBe(before);
      const waivers = await t.dataSource.query(
        'SELECT count(*) AS n FROM checklist_waivers WHERE file_id = $1',
        [file.id],
      );
      expect(Number(waivers[0].n)).toBe(0);

      const waived = await consultant.post(url).send({ reason: 'No stay over 6 months abroad' }).expect(200);
      expect(waived.body).toMatchObject({
        key: 'police_certificates',
        status: 'waived',
        waivedReason: 'No stay over 6 months abroad',
        waivedAt: expect.any(String),
      });
      const again = await assistant.post(url).send({ reason: 'Checked again' }).expect(200);
      expect(again.body.waivedReason).toBe('Checked again');

      const required = `/api/files/${file.id}/checklist/fee_payment_receipt/waive`;
      const { summary: s0 } = await checklist();
      await consultant.post(required).send({ reason: 'Fee exempt' }).expect(200);
      const { summary: s1 } = await checklist();
      expect(s1.requiredComplete).toBe(s0.requiredComplete + 1);

      await otherConsultant.delete(url).expect(404);
      const lifted = await consultant.delete(url).expect(200);
      expect(lifted.body).toMatchObject({ status: 'missing', waivedReason: null, waivedAt: null });
      await consultant.delete(url).expect(200);

      const rows: { action: string; actor_id: string; changes: object }[] = await t.dataSource.query(
        `SELECT action, actor_id, changes FROM audit_events
         WHERE subject_type = 'checklist_waiver' AND file_id = $1 AND changes->>'key' = 'police_certificates'
         ORDER BY seq`,
        [file.id],
      );
      expect(rows).toEqual([
        {
          action: 'checklist.waived',
          actor_id: consultant.user.id,
          changes: { key: 'police_certificates', reason: 'No stay over 6 months abroad' },
        },
        {
          action: 'checklist.waived',
          actor_id: assistant.user.id,
          changes: { key: 'police_certificates', reason: 'Checked again' },
        },
        {
          action: 'checklist.waiver_lifted',
          actor_id: consultant.user.id,
          changes: { key: 'police_certificates', reason: ['Checked again', null] },
        },
      ]);
    });
  });

  describe('firm checklist items', () => {
    const base = '/api/settings/checklist-items';
    const valid = {
      stream: 'IMP',
      key: 'signed_retainer',
      title: 'Signed retainer',
      titleFr: 'Mandat signé',
      required: true,
    };

    it('lets admins add, change and remove items; they show on the stream’s files as custom items', async () => {
      const before = await auditCount();
      await consultant.post(base).send(valid).expect(404);
      await assistant.post(base).send(valid).expect(404);
      for (const [body, field] of [
        [{ ...valid, key: 'passport' }, 'key'],
        [{ ...valid, key: 'other' }, 'key'],
        [{ ...valid, key: 'Bad Key' }, 'key'],
        [{ ...valid, stream: 'BOTH' }, 'stream'],
        [{ ...valid, title: ' ' }, 'title'],
        [{ ...valid, required: 'yes' }, 'required'],
        [{ ...valid, title: undefined }, 'title'],
        [{ ...valid, titleFr: undefined }, 'titleFr'],
        [{ ...valid, stream: undefined }, 'stream'],
        [{ ...valid, required: undefined }, 'required'],
      ] as const) {
        const res = await admin.post(base).send(body).expect(400);
        expect(Object.keys(res.body.fields)).toEqual([field]);
      }
      expect(await auditCount()).toBe(before);

      const created = await admin
        .post(base)
        .send({ ...valid, help: 'Sign page 4' })
        .expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ ...valid, help: 'Sign page 4', helpFr: null });
      const dup = await admin
        .post(base)
        .send({ ...valid, title: 'Again' })
        .expect(400);
      expect(Object.keys(dup.body.fields)).toEqual(['key']);
      const tfwpOnly = await admin
        .post(base)
        .send({ ...valid, key: 'employer_letter', stream: 'TFWP' })
        .expect(201);

      const listed = await assistant.get(base).expect(200);
      expect(listed.body.items.map((i: { key: string }) => i.key)).toEqual([
        'signed_retainer',
        'employer_letter',
      ]);
      const { items } = await checklist();
      expect(items.find((i) => i.key === 'signed_retainer')).toMatchObject({
        custom: true,
        required: true,
        status: 'missing',
      });
      expect(items.some((i) => i.key === 'employer_letter')).toBe(false);
      await upload('signed_retainer', 'firm1').expect(201);
      expect((await itemOf('signed_retainer')).status).toBe('uploaded');
      await upload('employer_letter', 'firm2').expect(400);

      await consultant.patch(`${base}/${id}`).send({ required: false }).expect(404);
      const keyChange = await admin.patch(`${base}/${id}`).send({ key: 'renamed' }).expect(400);
      expect(Object.keys(keyChange.body.fields)).toEqual(['key']);
      const patched = await admin
        .patch(`${base}/${id}`)
        .send({ required: false, titleFr: 'Mandat' })
        .expect(200);
      expect(patched.body).toMatchObject({ required: false, titleFr: 'Mandat', key: 'signed_retainer' });
      expect((await itemOf('signed_retainer')).required).toBe(false);

      await consultant.delete(`${base}/${id}`).expect(404);
      await admin.delete(`${base}/${id}`).expect(204);
      await admin.delete(`${base}/${id}`).expect(404);
      await admin.patch(`${base}/${id}`).send({ required: true }).expect(404);
      expect((await checklist()).items.some((i) => i.key === 'signed_retainer')).toBe(false);
      await admin.delete(`${base}/${tfwpOnly.body.id}`).expect(204);

      const rows = await audit(id);
      expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
        ['checklist_item.created', admin.user.id],
        ['checklist_item.updated', admin.user.id],
        ['checklist_item.deleted', admin.user.id],
      ]);
      expect(rows[1].changes).toEqual({ titleFr: ['Mandat signé', 'Mandat'], required: [true, false] });
    });
  });
});
