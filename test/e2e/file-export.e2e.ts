// A file's archive: one ZIP with the records, the timeline, the documents decrypted, the agreements, the
// invoices (with their PDFs) and the intake answers; who may download it, what is audited, and a document that cannot be read cutting the download.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AuditEventEntity } from '@app/audit';
import { StaffRole } from '@app/auth';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@app/documents';
import { IntakeService } from '@app/intake';
import { collect, pdf, PNG } from '../support/documents';
import { completeImpAnswers } from '../support/intake';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { draftAgreement, PROFESSIONAL_FEE_LINE } from '../support/agreements';

/** The entries of a ZIP: name → content. Fails on a ZIP that is not whole. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) {
        return reject(error);
      }
      const entries = new Map<string, Buffer>();
      archive.on('error', reject);
      archive.on('end', () => resolve(entries));
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            return reject(streamError);
          }
          collect(stream).then((content) => {
            entries.set(entry.fileName, content);
            archive.readEntry();
          }, reject);
        });
      });
      archive.readEntry();
    });
  });
}

describe('a file’s archive (GET /api/files/:id/export)', () => {
  let root: string;
  let t: TestApp;
  let baseUrl: string;
  let consultant: SignedInClient;
  let other: SignedInClient;
  let assistant: SignedInClient;
  let admin: SignedInClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-export-'));
    t = await createTestApp({ env: { DOCUMENTS_DIR: join(root, 'documents') } });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    other = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    await admin
      .put('/api/settings/billing')
      .send({ gstHstNumber: '123456789RT0001', qstNumber: null })
      .expect(200);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function fileWithRecords() {
    const client = await t.given.client({
      consultantId: consultant.user.id,
      firstName: 'Zoé',
      lastName: 'Côté',
      passportNumber: 'ZX9876543',
    });
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    const upload = (content: Buffer, name: string, kind: string) =>
      consultant
        .post(`/api/files/${file.id}/documents`)
        .field('kind', kind)
        .attach('file', content, name)
        .expect(201)
        .then((res) => res.body.document as { id: string; sha256: string });
    const passport1 = pdf(120_000, 'first');
    const passport2 = pdf(90_000, 'second');
    const documents = [
      await upload(passport1, 'passport.pdf', 'passport'),
      await upload(passport2, 'passport (new).pdf', 'passport'),
      await upload(PNG, '../photo.png', 'other'),
    ];
    const sentAgreementId = await draftAgreement(consultant, file.id);
    const invoice = await consultant
      .post(`/api/files/${file.id}/invoices`)
      .send({ lines: [PROFESSIONAL_FEE_LINE], province: 'ON' })
      .expect(201);
    const issued = await consultant.post(`/api/invoices/${invoice.body.id}/issue`).expect(200);
    await consultant
      .post(`/api/invoices/${invoice.body.id}/payments`)
      .send({ amountCents: 50_000, method: 'cheque', receivedOn: '2026-12-01', reference: 'CHQ 101' })
      .expect(200);
    // A second invoice left as a draft: it has no number, so no PDF in the archive.
    await consultant
      .post(`/api/files/${file.id}/invoices`)
      .send({ lines: [PROFESSIONAL_FEE_LINE], province: 'ON' })
      .expect(201);
    // The client's intake answers, saved as the portal saves them.
    await t.app.get(IntakeService).saveDraft(client.id, file.id, completeImpAnswers());
    return {
      client,
      file,
      documents,
      contents: [passport1, passport2, PNG],
      agreementId: sentAgreementId,
      invoiceNumber: issued.body.number as string,
    };
  }

  const download = (as: SignedInClient, fileId: string) =>
    as
      .get(`/api/files/${fileId}/export`)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });

  it('holds the records, the timeline, every document decrypted, the agreement, the invoices and the intake answers', async () => {
    const { file, client, documents, contents, agreementId, invoiceNumber } = await fileWithRecords();
    const res = await download(consultant, file.id).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`${file.fileNumber}.zip`);
    expect(res.headers['cache-control']).toBe('private, no-store');

    const entries = await unzip(res.body as Buffer);
    const at = (path: string) => {
      const entry = entries.get(`${file.fileNumber}/${path}`);
      if (!entry) {
        throw new Error(`${path} is not in the archive: ${[...entries.keys()].join(', ')}`);
      }
      return entry;
    };
    expect([...entries.keys()].sort()).toEqual(
      [
        'README.txt',
        'file.json',
        'client.json',
        'timeline.csv',
        'documents/index.csv',
        'documents/passport/v1-passport.pdf',
        'documents/passport/v2-passport (new).pdf',
        'documents/other/v1-photo.png',
        'agreements/index.csv',
        'agreements/v1-en.md',
        'invoices/invoices.csv',
        'invoices/lines.csv',
        'invoices/payments.csv',
        `invoices/${invoiceNumber}.pdf`,
        'intake/answers.json',
        'intake/answers.csv',
      ]
        .map((p) => `${file.fileNumber}/${p}`)
        .sort(),
    );
    expect(at('documents/passport/v1-passport.pdf').equals(contents[0])).toBe(true);
    expect(at('documents/passport/v2-passport (new).pdf').equals(contents[1])).toBe(true);
    expect(at('documents/other/v1-photo.png').equals(contents[2])).toBe(true);
    const index = at('documents/index.csv').toString();
    for (const [i, document] of documents.entries()) {
      expect(createHash('sha256').update(contents[i]).digest('hex')).toBe(document.sha256);
      expect(index).toContain(document.sha256);
    }

    expect(JSON.parse(at('file.json').toString())).toMatchObject({
      id: file.id,
      fileNumber: file.fileNumber,
    });
    const clientJson = JSON.parse(at('client.json').toString());
    expect(clientJson).toMatchObject({ id: client.id, firstName: 'Zoé', passportNumber: 'ZX9876543' });
    expect(clientJson).not.toHaveProperty('passportNumberEncrypted');

    const agreement = await consultant.get(`/api/files/${file.id}/agreement`).expect(200);
    const body = at('agreements/v1-en.md').toString();
    expect(body).toContain('$2,500');
    expect(at('agreements/index.csv').toString()).toContain(createHash('sha256').update(body).digest('hex'));
    expect(JSON.stringify(agreement.body)).toContain(agreementId);
    expect(at('invoices/invoices.csv').toString()).toContain(`${invoiceNumber},issued`);
    expect(at('invoices/lines.csv').toString()).toContain('Work permit application,1,150000,150000,19500');
    expect(at('invoices/payments.csv').toString()).toContain('2026-12-01,cheque,50000,CHQ 101');
    const invoicePdf = pdfText(at(`invoices/${invoiceNumber}.pdf`));
    expect(invoicePdf).toContain(invoiceNumber);
    expect(invoicePdf).toContain('Balance owing');
    expect(invoicePdf).toContain('$1,195.00');

    // The intake answers, decrypted: as saved, and as a table a person reads.
    const intake = JSON.parse(at('intake/answers.json').toString());
    expect(intake).toMatchObject({ status: 'draft', answers: completeImpAnswers() });
    const answers = at('intake/answers.csv').toString().split('\r\n');
    expect(answers[0]).toBe('section,question,answer,key');
    expect(answers).toContain('Personal details,Family name,Sharma,familyName');
    expect(answers).toContain(
      'Contact and addresses,Where you lived in the last 10 years 1 – City,Pune,addresses[0].city',
    );
    expect(answers.join('\n')).toContain('Z1234567');

    const timeline = at('timeline.csv').toString().split('\r\n');
    expect(timeline[0]).toBe('occurred_at,actor,action,subject_type,subject_id,changes');
    expect(timeline.some((line) => line.includes('document.uploaded'))).toBe(true);
    expect(timeline.some((line) => line.includes('agreement.sent'))).toBe(true);

    // The export is audited, and so is each document read into it.
    const events = await t.dataSource.getRepository(AuditEventEntity).findBy({ fileId: file.id });
    const exported = events.filter((e) => e.action === 'file.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      actorId: consultant.user.id,
      changes: { documents: 3, agreements: 1, invoices: 2, intake: 'draft' },
    });
    const downloads = events.filter((e) => e.action === 'document.downloaded');
    expect(downloads.map((e) => e.subjectId).sort()).toEqual(documents.map((d) => d.id).sort());
  });

  it('is for the file’s consultant and admins only: another consultant and an assistant get a 404', async () => {
    const { file } = await fileWithRecords();
    await download(admin, file.id).expect(200);
    await download(other, file.id).expect(404);
    await download(assistant, file.id).expect(404);
    await download(consultant, '00000000-0000-4000-8000-000000000000').expect(404);
    await download(consultant, 'not-a-uuid').expect(400);
  });

  it('cuts the download when a document fails its integrity check, rather than leaving it out', async () => {
    const { file, documents } = await fileWithRecords();
    const storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    const [{ storage_key: key }] = await t.dataSource.query(
      'SELECT storage_key FROM documents WHERE id = $1',
      [documents[1].id],
    );
    const stored = await collect(await storage.get(key));
    stored[stored.length - 20] ^= 0x01;
    await storage.put(key, Readable.from([stored]));

    const res = await fetch(`${baseUrl}/api/files/${file.id}/export`, {
      headers: { Authorization: `Bearer ${consultant.token}` },
    });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer().then((zip) => unzip(Buffer.from(zip)))).rejects.toThrow();
  });
});
