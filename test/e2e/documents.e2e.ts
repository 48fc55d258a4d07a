import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StaffRole } from '@app/auth';
import { DOCUMENT_STORAGE, DocumentsService, type DocumentStorage } from '@app/documents';
import type { WorkPermitFileEntity } from '@app/work-permits';
import {
  BACKENDS,
  collect,
  everyFile,
  EXE,
  MARKER,
  MAX_BYTES,
  objectKeys,
  pdf,
  PNG,
} from '../support/documents';
import { freePort } from '../support/free-port';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

describe.each(BACKENDS)('documents on files ($name)', (backend) => {
  let t: TestApp;
  let root: string;
  let stop: () => Promise<unknown>;
  let storage: DocumentStorage;
  let consultant: SignedInClient;
  let otherConsultant: SignedInClient;
  let assistant: SignedInClient;
  let file: WorkPermitFileEntity;
  let baseUrl: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-docs-'));
    const started = await backend.env(root);
    stop = started.stop;
    t = await createTestApp({ env: { ...started.env, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    consultant = await t.signedInAs(StaffRole.Consultant);
    otherConsultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    file = await t.given.file({ consultantId: consultant.user.id });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await t?.close();
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = (client: SignedInClient, content: Buffer, name = 'passport.pdf', kind = 'passport') =>
    client.post(`/api/files/${file.id}/documents`).field('kind', kind).attach('file', content, name);

  it('stores an upload encrypted, as version 1, and serves it back with safe headers', async () => {
    const content = pdf();
    const res = await upload(consultant, content, '../../Passeport Zoë\u202E.pdf')
      .field('title', 'Passport bio page')
      .field('expiresOn', '2031-05-01')
      .expect(201);
    expect(res.body.duplicate).toBe(false);
    const doc = res.body.document;
    expect(doc).toMatchObject({
      fileId: file.id,
      clientId: file.clientId,
      kind: 'passport',
      title: 'Passport bio page',
      originalName: 'Passeport Zoë.pdf',
      contentType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      version: 1,
      status: 'pending_review',
      expiresOn: '2031-05-01',
      uploadedById: consultant.user.id,
    });
    expect(doc).not.toHaveProperty('storageKey');
    expect(doc).not.toHaveProperty('wrappedKey');

    const download = await consultant
      .get(`/api/documents/${doc.id}/content`)
      .buffer(true)
      .parse((response, done) => {
        void collect(response as unknown as Readable).then((body) => done(null, body));
      })
      .expect(200);
    expect((download.body as Buffer).equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Passeport Zo_.pdf"; filename*=UTF-8''Passeport%20Zo%C3%AB.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['accept-ranges']).toBe('bytes');

    // Nothing at rest gives the content away.
    const stored = everyFile(root).map((path) => readFileSync(path));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((bytes) => bytes.includes(MARKER))).toBe(false);
    expect(stored.some((bytes) => bytes.includes('%PDF'))).toBe(false);
  });

  it('answers a byte range with 206, decrypting only what it covers; 416 outside the document', async () => {
    const content = pdf(200_000, 'range');
    const { body } = await upload(consultant, content, 'range.pdf', 'pgwp_transcript').expect(201);
    const id = body.document.id as string;
    const res = await fetch(`${baseUrl}/api/documents/${id}/content`, {
      headers: { Authorization: `Bearer ${consultant.token}`, Range: 'bytes=65000-140000' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 65000-140000/${content.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(content.subarray(65000, 140001))).toBe(true);

    const tail = await fetch(`${baseUrl}/api/documents/${id}/content`, {
      headers: { Authorization: `Bearer ${consultant.token}`, Range: 'bytes=-10' },
    });
    expect(Buffer.from(await tail.arrayBuffer()).equals(content.subarray(content.length - 10))).toBe(true);

    const outside = await consultant
      .get(`/api/documents/${id}/content`)
      .set('Range', `bytes=${content.length}-`);
    expect(outside.status).toBe(416);
    expect(outside.body.code).toBe('DOCUMENT_RANGE_NOT_SATISFIABLE');
    expect(outside.headers['content-range']).toBe(`bytes */${content.length}`);
  });

  it('recognises the same content uploaded again; new content is the next version, listed first', async () => {
    const first = pdf(5_000, 'v1');
    const one = await upload(consultant, first, 'offer.pdf', 'pgwp_completion_letter').expect(201);
    const again = await upload(assistant, first, 'offer-copy.pdf', 'pgwp_completion_letter').expect(200);
    expect(again.body).toMatchObject({ duplicate: true, document: { id: one.body.document.id, version: 1 } });
    const two = await upload(consultant, pdf(6_000, 'v2'), 'offer-v2.pdf', 'pgwp_completion_letter').expect(
      201,
    );
    expect(two.body.document.version).toBe(2);
    const png = await upload(consultant, PNG, 'photo.png', 'photos').expect(201);
    expect(png.body.document.contentType).toBe('image/png');

    const list = await consultant.get(`/api/files/${file.id}/documents?limit=2`).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([
      png.body.document.id,
      two.body.document.id,
    ]);
    const next = await consultant
      .get(`/api/files/${file.id}/documents?limit=2&cursor=${list.body.nextCursor}`)
      .expect(200);
    expect(next.body.items[0].id).toBe(one.body.document.id);
  });

  it('records uploads, views and downloads in the audit trail', async () => {
    const { body } = await upload(consultant, pdf(3_000, 'audit'), 'audit.pdf', 'fee_payment_receipt').expect(
      201,
    );
    const id = body.document.id as string;
    await consultant.get(`/api/documents/${id}`).set('User-Agent', 'Mozilla/5.0 (front desk)').expect(200);
    await consultant.get(`/api/documents/${id}/content`).expect(200);
    const rows: {
      action: string;
      actor_id: string;
      file_id: string;
      ip: string;
      user_agent: string | null;
    }[] = await t.dataSource.query(
      `SELECT action, actor_id, file_id, host(ip_address) AS ip, user_agent FROM audit_events
         WHERE subject_type = 'document' AND subject_id = $1 ORDER BY seq`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'document.uploaded',
      'document.viewed',
      'document.downloaded',
    ]);
    expect(rows.every((r) => r.actor_id === consultant.user.id && r.file_id === file.id)).toBe(true);
    // From where: every access records the client's address, and the browser it named.
    expect(rows.every((r) => /^(::ffff:)?127\.0\.0\.1$/.test(r.ip))).toBe(true);
    expect(rows[1].user_agent).toBe('Mozilla/5.0 (front desk)');
  });

  it("keeps another consultant's documents out of sight (404), and lets assistants see them", async () => {
    const { body } = await upload(consultant, pdf(2_000, 'scope'), 'scope.pdf', 'medical_exam').expect(201);
    const id = body.document.id as string;
    for (const url of [
      `/api/documents/${id}`,
      `/api/documents/${id}/content`,
      `/api/files/${file.id}/documents`,
    ]) {
      const res = await otherConsultant.get(url);
      expect(res.status).toBe(404);
    }
    await upload(otherConsultant, pdf(2_000, 'intruder'), 'x.pdf', 'other').expect(404);
    await assistant.get(`/api/documents/${id}`).expect(200);
    await t.http().get(`/api/documents/${id}`).expect(401);
  });

  describe('refusals store nothing', () => {
    let before: string[];
    let rowsBefore: number;
    beforeEach(async () => {
      before = (await objectKeys(storage)).sort();
      rowsBefore = Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n);
    });
    afterEach(async () => {
      // Refused uploads leave no object and no row.
      expect((await objectKeys(storage)).sort()).toEqual(before);
      const rows = Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n);
      expect(rows).toBe(rowsBefore);
    });

    it('refuses an executable named .pdf and plain text with 415', async () => {
      const exe = await upload(consultant, EXE, 'passport.pdf').expect(415);
      expect(exe.body.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
      await upload(consultant, Buffer.from('just some text'), 'notes.pdf').expect(415);
    });

    it('refuses content over DOCUMENT_MAX_BYTES with 413', async () => {
      const res = await upload(consultant, pdf(MAX_BYTES + 50_000, 'big'), 'big.pdf');
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('DOCUMENT_TOO_LARGE');
    });

    it.each([
      [
        'an empty file',
        (r: ReturnType<SignedInClient['post']>) =>
          r.field('kind', 'passport').attach('file', Buffer.alloc(0), 'e.pdf'),
        'file',
      ],
      ['no file part', (r: ReturnType<SignedInClient['post']>) => r.field('kind', 'passport'), 'file'],
      ['no kind', (r: ReturnType<SignedInClient['post']>) => r.attach('file', pdf(1000), 'p.pdf'), 'kind'],
      [
        'a bad kind',
        (r: ReturnType<SignedInClient['post']>) =>
          r.field('kind', '../Passport').attach('file', pdf(1000), 'p.pdf'),
        'kind',
      ],
      [
        'a bad date',
        (r: ReturnType<SignedInClient['post']>) =>
          r.field('kind', 'passport').field('expiresOn', '2030-02-30').attach('file', pdf(1000), 'p.pdf'),
        'expiresOn',
      ],
      [
        'an unknown field',
        (r: ReturnType<SignedInClient['post']>) =>
          r.field('kind', 'passport').field('colour', 'red').attach('file', pdf(1000), 'p.pdf'),
        'colour',
      ],
      [
        'two file parts',
        (r: ReturnType<SignedInClient['post']>) =>
          r
            .field('kind', 'passport')
            .attach('file', pdf(1000, 'x'), 'a.pdf')
            .attach('file', pdf(1000, 'y'), 'b.pdf'),
        'file',
      ],
      [
        'a file in another part',
        (r: ReturnType<SignedInClient['post']>) =>
          r.field('kind', 'passport').attach('upload', pdf(1000), 'a.pdf'),
        'upload',
      ],
    ])('refuses %s with 400 naming the field', async (_label, build, field) => {
      const res = await build(consultant.post(`/api/files/${file.id}/documents`));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toContain(field);
    });

    it('refuses a cut-short multipart body with 400 on file', async () => {
      const boundary = 'XyZboundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npassport\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf(100_000, 'cut'),
      ]);
      const res = await consultant
        .post(`/api/files/${file.id}/documents`)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.fields).toHaveProperty('file');
    });

    it('refuses a body that is not multipart with 415', async () => {
      const res = await consultant.post(`/api/files/${file.id}/documents`).send({ kind: 'passport' });
      expect(res.status).toBe(415);
    });
  });

  it('never serves tampered content: a bad first chunk is a clear 500, a bad later chunk cuts the download', async () => {
    const content = pdf(150_000, 'tamper');
    const { body } = await upload(consultant, content, 'tamper.pdf', 'police_certificates').expect(201);
    const id = body.document.id as string;
    const [{ storage_key: key }] = await t.dataSource.query(
      'SELECT storage_key FROM documents WHERE id = $1',
      [id],
    );
    const original = await collect(await storage.get(key));
    const flipAt = async (offset: number) => {
      const altered = Buffer.from(original);
      altered[offset] ^= 0x01;
      await storage.put(key, Readable.from([altered]));
    };

    await flipAt(100);
    const early = await consultant.get(`/api/documents/${id}/content`);
    expect(early.status).toBe(500);
    expect(early.body.code).toBe('DOCUMENT_CONTENT_UNREADABLE');

    await flipAt(original.length - 100);
    const res = await fetch(`${baseUrl}/api/documents/${id}/content`, {
      headers: { Authorization: `Bearer ${consultant.token}` },
    });
    expect(res.headers.get('content-length')).toBe(String(content.length));
    // The body ends early with an error: never all the bytes, never the bad ones.
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('removes stored objects that no document names once they are old enough', async () => {
    const orphan = randomBytes(24).toString('base64url');
    await storage.put(orphan, Readable.from([Buffer.from('left by a crash')]));
    const documents = t.app.get(DocumentsService);
    await documents.sweepOrphans();
    expect(await objectKeys(storage)).toContain(orphan); // too recent: an upload may be between its steps
    if (backend.name === 'disk') {
      const { utimesSync } = await import('node:fs');
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(join(root, 'documents', orphan.slice(0, 2), orphan), old, old);
      expect(await documents.sweepOrphans()).toBe(1);
      expect(await objectKeys(storage)).not.toContain(orphan);
      const rows = Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n);
      expect((await objectKeys(storage)).length).toBe(rows);
    }
  });
});

describe('documents when the store is down', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('answers 503 and records nothing', async () => {
    const port = await freePort(); // nothing listens there
    t = await createTestApp({
      env: {
        DOCUMENTS_S3_BUCKET: 'permitdesk-test',
        DOCUMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        DOCUMENTS_S3_ACCESS_KEY_ID: 'x',
        DOCUMENTS_S3_SECRET_ACCESS_KEY: 'y',
      },
    });
    const admin = await t.signedInAs(StaffRole.Admin);
    const file = await t.given.file();
    const res = await admin
      .post(`/api/files/${file.id}/documents`)
      .field('kind', 'passport')
      .attach('file', pdf(10_000), 'p.pdf');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DOCUMENT_STORAGE_UNAVAILABLE');
    expect((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n).toBe('0');
  });
});
