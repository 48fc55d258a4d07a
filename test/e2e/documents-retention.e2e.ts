import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { StaffRole } from '@app/auth';
import { ClientsService } from '@app/clients';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@app/documents';
import { IntakeService } from '@app/intake';
import type { WorkPermitFileEntity } from '@app/work-permits';
import { BACKENDS, collect, objectKeys, pdf } from '../support/documents';
import {
  createTestApp,
  TEST_ENCRYPTION_KEY,
  testVariables,
  type SignedInClient,
  type TestApp,
} from '../support/test-app';

/** The CLI as `npm run cli` runs it (built by `npm run build`). */
const CLI_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/** Run without blocking: the s3rver the storage talks to lives in this process. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

interface StoredRow {
  storage_key: string | null;
  wrapped_key: Buffer | null;
  purged_at: Date | null;
}

// Each case runs the command line as a separate process (a NestJS start each), several times.
jest.setTimeout(120_000);

describe.each(BACKENDS)('documents: retention purge and key rotation ($name)', (backend) => {
  // A rotation re-wraps keys in the database and never rewrites stored bytes: one storage is enough for it. So are
  // the purge's dry run, rerun and bad argument, which never reach the storage (and each is a process start).
  const onFirstStorage = backend === BACKENDS[0];
  const onOneStorage = onFirstStorage ? it : it.skip;

  let t: TestApp;
  let root: string;
  let stop: () => Promise<unknown>;
  let storageEnv: Record<string, string>;
  let storage: DocumentStorage;
  let consultant: SignedInClient;
  let file: WorkPermitFileEntity;
  let archivedFile: WorkPermitFileEntity;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-retention-'));
    const started = await backend.env(root);
    stop = started.stop;
    storageEnv = started.env;
    t = await createTestApp({ env: storageEnv });
    storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    consultant = await t.signedInAs(StaffRole.Consultant);
    file = await t.given.file({ consultantId: consultant.user.id });
    archivedFile = await t.given.file({ consultantId: consultant.user.id });
  });

  afterAll(async () => {
    await t?.close();
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    ...testVariables(t.database, storageEnv),
    ...extra,
  });
  let seed = 0;
  const upload = async (on: WorkPermitFileEntity, kind = 'other') => {
    const content = pdf(70_000, `retention-${++seed}`);
    const res = await consultant
      .post(`/api/files/${on.id}/documents`)
      .field('kind', kind)
      .attach('file', content, 'doc.pdf')
      .expect(201);
    return { id: res.body.document.id as string, content };
  };
  const storedOf = async (id: string): Promise<StoredRow> =>
    (
      await t.dataSource.query<StoredRow[]>(
        'SELECT storage_key, wrapped_key, purged_at FROM documents WHERE id = $1',
        [id],
      )
    )[0];
  const download = (client: SignedInClient, id: string) =>
    client
      .get(`/api/documents/${id}/content`)
      .buffer(true)
      .parse((response, done) => {
        void collect(response as unknown as Readable).then((body) => done(null, body));
      });

  it('purges the bytes and keys of documents deleted long ago and of long-archived clients; dry run and rerun change nothing', async () => {
    const old = await upload(file);
    const recent = await upload(file);
    const kept = await upload(file);
    const archived = await upload(archivedFile);
    await t.dataSource.query(`UPDATE documents SET deleted_at = now() - interval '40 days' WHERE id = $1`, [
      old.id,
    ]);
    await t.dataSource.query(`UPDATE documents SET deleted_at = now() - interval '5 days' WHERE id = $1`, [
      recent.id,
    ]);
    await t.dataSource.query(`UPDATE clients SET archived_at = now() - interval '3000 days' WHERE id = $1`, [
      archivedFile.clientId,
    ]);
    const oldKey = (await storedOf(old.id)).storage_key as string;
    const archivedKey = (await storedOf(archived.id)).storage_key as string;
    expect(await objectKeys(storage)).toEqual(expect.arrayContaining([oldKey, archivedKey]));

    if (onFirstStorage) {
      const dry = await cli(['purge-documents', '--dry-run'], env());
      expect([dry.status, dry.stderr]).toEqual([0, '']);
      expect(dry.stdout).toContain('2 document(s) would be purged');
      expect((await storedOf(old.id)).purged_at).toBeNull();
    }

    const run = await cli(['purge-documents'], env());
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('Purged 2 document(s)');
    for (const id of [old.id, archived.id]) {
      expect(await storedOf(id)).toEqual({
        storage_key: null,
        wrapped_key: null,
        purged_at: expect.any(Date),
      });
    }
    const keys = await objectKeys(storage);
    expect(keys).not.toContain(oldKey);
    expect(keys).not.toContain(archivedKey);
    const audited = await t.dataSource.query<{ subject_id: string }[]>(
      `SELECT subject_id FROM audit_events WHERE action = 'document.purged' ORDER BY subject_id`,
    );
    expect(audited.map((a) => a.subject_id).sort()).toEqual([old.id, archived.id].sort());

    // Recently deleted and live documents are untouched and still read back.
    expect((await storedOf(recent.id)).purged_at).toBeNull();
    const body = (await download(consultant, kept.id).expect(200)).body as Buffer;
    expect(body.equals(kept.content)).toBe(true);

    if (onFirstStorage) {
      const again = await cli(['purge-documents'], env());
      expect(again.stdout).toContain('Purged 0 document(s)');
    }

    const sooner = await cli(['purge-documents', '--older-than-days', '1'], env());
    expect(sooner.stdout).toContain('Purged 1 document(s)');
    expect((await storedOf(recent.id)).purged_at).not.toBeNull();

    if (onFirstStorage) {
      const bad = await cli(['purge-documents', '--older-than-days', 'soon'], env());
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('--older-than-days must be a whole number of days');
    }
  });

  onOneStorage(
    'rotates the master key: documents, passport numbers, intake answers and messages read back under the new key alone',
    async () => {
      const doc = await upload(file, 'passport');
      const client = await t.given.client({ consultantId: consultant.user.id, passportNumber: 'ZK4412345' });
      await t.app.get(IntakeService).saveDraft(file.clientId, file.id, { passportNumber: 'ZK4412345' });
      await consultant
        .post(`/api/files/${file.id}/messages`)
        .send({ body: 'Kept through the rotation' })
        .expect(201);
      const newKey = randomBytes(32).toString('base64');

      const rotated = await cli(
        ['rotate-document-keys'],
        env({
          DATA_ENCRYPTION_KEY: newKey,
          DATA_ENCRYPTION_KEY_PREVIOUS: TEST_ENCRYPTION_KEY,
        }),
      );
      expect([rotated.status, rotated.stderr]).toEqual([0, '']);
      expect(rotated.stdout).toMatch(/Re-wrapped [1-9]\d* document key\(s\)/);
      expect(rotated.stdout).toMatch(/Re-encrypted [1-9]\d* passport number\(s\)/);
      expect(rotated.stdout).toMatch(/Re-encrypted [1-9]\d* intake answer set\(s\)/);
      expect(rotated.stdout).toMatch(/Re-encrypted [1-9]\d* message body\(ies\)/);
      expect(rotated.stdout).toContain('DATA_ENCRYPTION_KEY_PREVIOUS may be removed');

      const twice = await cli(
        ['rotate-document-keys'],
        env({
          DATA_ENCRYPTION_KEY: newKey,
          DATA_ENCRYPTION_KEY_PREVIOUS: TEST_ENCRYPTION_KEY,
        }),
      );
      expect(twice.stdout).toContain('Re-wrapped 0 document key(s)');
      expect(twice.stdout).toContain('Re-encrypted 0 passport number(s)');
      expect(twice.stdout).toContain('Re-encrypted 0 intake answer set(s)');
      expect(twice.stdout).toContain('Re-encrypted 0 message body(ies)');

      // The API with only the new key: the old one is gone.
      const after = await createTestApp({
        env: { ...storageEnv, DATA_ENCRYPTION_KEY: newKey },
        databaseUrl: t.config.databaseUrl,
        emailSender: false,
      });
      try {
        const reader = await after.signedInAs(StaffRole.Admin);
        const body = (await download(reader, doc.id).expect(200)).body as Buffer;
        expect(body.equals(doc.content)).toBe(true);
        const clients = after.app.get(ClientsService);
        const stored = await clients.requireVisible(client.id, {});
        expect(clients.decryptPassportNumber(stored)).toBe('ZK4412345');
        const intake = await after.app.get(IntakeService).viewForClient(file.clientId, file.id);
        expect(intake.answers).toEqual({ passportNumber: 'ZK4412345' });
        const thread = await reader.get(`/api/files/${file.id}/messages`).expect(200);
        expect(thread.body.items.map((m: { body: string }) => m.body)).toContain('Kept through the rotation');
      } finally {
        await after.close();
      }
    },
  );
});
