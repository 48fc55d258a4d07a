// The client portal's documents: a file's checklist as the client sees it, uploads against it, downloads of the
// client's own documents. One app, one SMTP sink (sign-in links), documents on disk.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { AuditEventEntity } from '@app/audit';
import { StaffRole } from '@app/auth';
import { DocumentEntity } from '@app/documents';
import { everyFile, EXE, MARKER, MAX_BYTES, pdf, PNG } from '../support/documents';
import { discoverRoutes, pathWith } from '../support/routes';
import { signInToPortal, type PortalClient } from '../support/portal';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const OTHER_ID = '00000000-0000-4000-8000-000000000000';

type Portal = PortalClient<{ id: string; email: string | null }>;

describe('client portal: checklist, uploads and downloads', () => {
  let root: string;
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;

  async function signedInClient(): Promise<Portal> {
    return signInToPortal(t, sink, admin, await t.given.client({ consultantId: consultant.user.id }));
  }

  const upload = (
    portal: Portal,
    fileId: string,
    content: Buffer,
    name = 'passport.pdf',
    kind = 'passport',
  ) => portal.post(`/api/portal/files/${fileId}/documents`).field('kind', kind).attach('file', content, name);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-portal-docs-'));
    sink = await new SmtpSink().start();
    t = await createTestApp({
      env: {
        SMTP_URL: sink.url,
        PUBLIC_RATE_LIMIT: '10000',
        DOCUMENTS_DIR: join(root, 'documents'),
        DOCUMENT_MAX_BYTES: String(MAX_BYTES),
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the checklist in English and French, with no waiver reason or review note of the firm', async () => {
    const portal = await signedInClient();
    const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    const staffList = (await consultant.get(`/api/files/${file.id}/checklist`).expect(200)).body;
    const [waived, accepted] = staffList.items.filter((i: { key: string }) => i.key !== 'passport');
    await consultant
      .post(`/api/files/${file.id}/checklist/${waived.key}/waive`)
      .send({ reason: 'INTERNAL-WAIVER-NOTE' })
      .expect(200);
    const staffUpload = await consultant
      .post(`/api/files/${file.id}/documents`)
      .field('kind', accepted.key)
      .attach('file', pdf(2000), 'form.pdf')
      .expect(201);
    await consultant
      .patch(`/api/documents/${staffUpload.body.document.id}`)
      .send({ status: 'accepted', reason: 'INTERNAL-ACCEPT-NOTE' })
      .expect(200);

    const res = await portal.get(`/api/portal/files/${file.id}/checklist`).expect(200);
    expect(res.body.items.length).toBe(staffList.items.length);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'conditionText',
          'conditionTextFr',
          'documentId',
          'help',
          'helpFr',
          'key',
          'rejectionReason',
          'required',
          'status',
          'title',
          'titleFr',
        ].sort(),
      );
      expect(item.title).toBeTruthy();
      expect(item.titleFr).toBeTruthy();
    }
    const byKey = new Map(res.body.items.map((i: { key: string }) => [i.key, i]));
    expect(byKey.get('passport')).toMatchObject({
      status: 'missing',
      documentId: null,
      rejectionReason: null,
    });
    expect(byKey.get(waived.key)).toMatchObject({ status: 'waived', rejectionReason: null });
    expect(byKey.get(accepted.key)).toMatchObject({
      status: 'accepted',
      documentId: staffUpload.body.document.id,
      rejectionReason: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/INTERNAL-/);
    expect(res.body.documents).toEqual([
      expect.objectContaining({
        id: staffUpload.body.document.id,
        kind: accepted.key,
        status: 'accepted',
        uploadedByClient: false,
        rejectionReason: null,
      }),
    ]);
  });

  it('takes an upload from the client: stored encrypted, recorded as theirs, audited, downloadable', async () => {
    const portal = await signedInClient();
    const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    const content = pdf(150_000, 'client');

    const res = await upload(portal, file.id, content, 'Mon passeport.pdf').expect(201);
    expect(res.body).toEqual({
      duplicate: false,
      document: expect.objectContaining({
        kind: 'passport',
        originalName: 'Mon passeport.pdf',
        contentType: 'application/pdf',
        size: content.length,
        version: 1,
        status: 'pending_review',
        uploadedByClient: true,
        rejectionReason: null,
      }),
    });
    const id = res.body.document.id as string;
    const row = await t.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id });
    expect(row).toMatchObject({
      uploadedById: null,
      uploadedByClientId: portal.client.id,
      clientId: portal.client.id,
    });
    const uploaded = await t.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'document.uploaded', subjectId: id });
    expect(uploaded).toMatchObject({ actorId: null, actorClientId: portal.client.id, fileId: file.id });

    // The same bytes again are recognised, not a second version.
    const again = await upload(portal, file.id, content, 'again.pdf').expect(200);
    expect(again.body).toMatchObject({ duplicate: true, document: { id } });

    const checklist = (await portal.get(`/api/portal/files/${file.id}/checklist`).expect(200)).body;
    expect(checklist.items.find((i: { key: string }) => i.key === 'passport')).toMatchObject({
      status: 'uploaded',
      documentId: id,
    });
    expect(checklist.documents.map((d: { id: string }) => d.id)).toEqual([id]);

    // The firm sees who uploaded it.
    const staffList = (await consultant.get(`/api/files/${file.id}/documents`).expect(200)).body;
    expect(staffList.items[0]).toMatchObject({ id, uploadedById: null, uploadedByClient: true });

    const download = await portal
      .get(`/api/portal/documents/${id}/content`)
      .buffer(true)
      .parse((r, done) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => done(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.headers['cache-control']).toBe('private, no-store');
    const downloaded = await t.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'document.downloaded', subjectId: id });
    expect(downloaded).toMatchObject({ actorId: null, actorClientId: portal.client.id });

    const range = await portal
      .get(`/api/portal/documents/${id}/content`)
      .set('Range', 'bytes=0-7')
      .expect(206);
    expect(range.headers['content-range']).toBe(`bytes 0-7/${content.length}`);

    // Nothing readable on disk.
    for (const path of everyFile(join(root, 'documents'))) {
      expect(readFileSync(path).includes(MARKER)).toBe(false);
    }
  });

  it('shows a rejected item with the firm’s reason, emails the client without it, and takes a new version', async () => {
    const portal = await signedInClient();
    const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    const first = await upload(portal, file.id, PNG, 'photo.png').expect(201);
    await consultant
      .patch(`/api/documents/${first.body.document.id}`)
      .send({ status: 'rejected', reason: 'The photo is blurred: the passport number cannot be read' })
      .expect(200);

    const checklist = (await portal.get(`/api/portal/files/${file.id}/checklist`).expect(200)).body;
    expect(checklist.items.find((i: { key: string }) => i.key === 'passport')).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The photo is blurred: the passport number cannot be read',
    });
    expect(checklist.documents[0]).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The photo is blurred: the passport number cannot be read',
    });
    // The client is told by email which document needs a new copy; the reason stays in the portal.
    const notice = await waitFor(
      () => sink.to(portal.client.email!).find((m) => m.subject.includes('needs a new copy')),
      10_000,
      'the rejection notice',
    );
    expect(notice.subject).toBe(`A document on your file ${file.fileNumber} needs a new copy`);
    expect(notice.text).toContain(`/portal/files/${file.id}`);
    expect(notice.text).not.toContain('blurred');

    const second = await upload(portal, file.id, pdf(3000, 'retake'), 'passport.pdf').expect(201);
    expect(second.body.document.version).toBe(2);
    const after = (await portal.get(`/api/portal/files/${file.id}/checklist`).expect(200)).body;
    expect(after.items.find((i: { key: string }) => i.key === 'passport')).toMatchObject({
      status: 'uploaded',
      documentId: second.body.document.id,
      rejectionReason: null,
    });
  });

  it('refuses bad uploads with the staff upload’s rules, naming the field, and keeps nothing', async () => {
    const portal = await signedInClient();
    const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    const cases: [string, (r: request.Test) => request.Test, string][] = [
      [
        'unknown kind',
        (r) => r.field('kind', 'diploma-of-nowhere').attach('file', pdf(1000), 'p.pdf'),
        'kind',
      ],
      ['no kind', (r) => r.attach('file', pdf(1000), 'p.pdf'), 'kind'],
      ['no file', (r) => r.field('kind', 'passport'), 'file'],
      [
        'unknown field',
        (r) => r.field('kind', 'passport').field('colour', 'red').attach('file', pdf(1000), 'p.pdf'),
        'colour',
      ],
      [
        'bad date',
        (r) =>
          r.field('kind', 'passport').field('expiresOn', '2030-02-30').attach('file', pdf(1000), 'p.pdf'),
        'expiresOn',
      ],
    ];
    for (const [name, build, field] of cases) {
      const res = await build(portal.post(`/api/portal/files/${file.id}/documents`));
      expect(`${name}: ${res.status} ${res.body.code}`).toBe(`${name}: 400 VALIDATION_FAILED`);
      expect(Object.keys(res.body.fields)).toContain(field);
    }
    const exe = await upload(portal, file.id, EXE, 'passport.pdf').expect(415);
    expect(exe.body.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
    const big = await upload(portal, file.id, pdf(MAX_BYTES + 1000)).expect(413);
    expect(big.body.code).toBe('DOCUMENT_TOO_LARGE');
    expect(await t.dataSource.getRepository(DocumentEntity).countBy({ fileId: file.id })).toBe(0);
  });

  it('answers 404 for another client’s file or document, on every portal route with an id', async () => {
    const portal = await signedInClient();
    const someoneElse = await signedInClient();
    const mine = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    const theirs = await t.given.file({ clientId: someoneElse.client.id, consultantId: consultant.user.id });
    const myDocument = (await upload(portal, mine.id, pdf(2000, 'mine')).expect(201)).body.document
      .id as string;
    const theirDocument = (await upload(someoneElse, theirs.id, pdf(2000, 'theirs')).expect(201)).body
      .document.id as string;

    // Agreement, intake and invoice routes get the same walk in portal-agreement.e2e.ts,
    // portal-intake.e2e.ts and portal-billing.e2e.ts (and every route in portal-scope.e2e.ts).
    const routes = discoverRoutes(t).filter(
      (r) =>
        r.isPortal &&
        r.path.includes(':') &&
        !r.path.startsWith('/api/portal/agreements') &&
        !r.path.startsWith('/api/portal/invoices') &&
        !r.path.includes('/intake'),
    );
    expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual([
      'GET /api/portal/documents/:id/content',
      'GET /api/portal/files/:id',
      'GET /api/portal/files/:id/checklist',
      'GET /api/portal/files/:id/messages',
      'POST /api/portal/files/:id/documents',
      'POST /api/portal/files/:id/messages',
    ]);
    const call = (route: (typeof routes)[number], id: string) => {
      const test =
        route.method === 'post' ? portal.post(pathWith(route, id)) : portal.get(pathWith(route, id));
      if (route.method !== 'post') {
        return test;
      }
      return route.path.endsWith('/messages')
        ? test.send({ body: 'Is my file complete?' })
        : test.field('kind', 'passport').attach('file', pdf(2500, id), 'x.pdf');
    };
    for (const route of routes) {
      const [theirsId, mineId] = route.path.startsWith('/api/portal/documents')
        ? [theirDocument, myDocument]
        : [theirs.id, mine.id];
      for (const id of [theirsId, OTHER_ID]) {
        const res = await call(route, id);
        expect(`${route.method} ${route.path} -> ${res.status}`).toBe(`${route.method} ${route.path} -> 404`);
      }
      const res = await call(route, mineId);
      expect(`${route.method} ${route.path} -> ${res.status}`).toMatch(/-> 20[01]$/);
    }
    // Nothing reached the other client's file.
    expect(await t.dataSource.getRepository(DocumentEntity).countBy({ fileId: theirs.id })).toBe(1);
    // A staff token opens none of them; a portal token opens no staff document route.
    await consultant.get(`/api/portal/files/${mine.id}/checklist`).expect(401);
    await consultant.get(`/api/portal/documents/${myDocument}/content`).expect(401);
    await portal.get(`/api/documents/${myDocument}/content`).expect(401);
    await portal.get(`/api/files/${mine.id}/checklist`).expect(401);
  });

  it('refuses a malformed id with a 400 naming it', async () => {
    const portal = await signedInClient();
    const res = await portal.get('/api/portal/files/not-a-uuid/checklist').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    await portal.get('/api/portal/documents/not-a-uuid/content').expect(400);
  });
});
