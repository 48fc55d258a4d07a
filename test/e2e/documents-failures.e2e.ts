import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { StaffRole } from '@app/auth';
import { AppConfig } from '@app/config';
import { DOCUMENT_STORAGE, openStorage, type DocumentStorage } from '@app/documents';
import type { WorkPermitFileEntity } from '@app/work-permits';
import { everyFile, MAX_BYTES, objectKeys, pdf } from '../support/documents';
import { freePort } from '../support/free-port';
import { createTestApp, testVariables, type SignedInClient, type TestApp } from '../support/test-app';

/** What the store's failures look like from the API: 503 with a clear message, no row, no stored bytes left. */

const documentRows = async (t: TestApp) =>
  Number((await t.dataSource.query('SELECT count(*) AS n FROM documents'))[0].n);

const upload = (client: SignedInClient, file: WorkPermitFileEntity, content: Buffer, name = 'p.pdf') =>
  client.post(`/api/files/${file.id}/documents`).field('kind', 'other').attach('file', content, name);

function expectStoreUnavailable(res: { status: number; body: { code: string; message: string } }) {
  expect(res.status).toBe(503);
  expect(res.body.code).toBe('DOCUMENT_STORAGE_UNAVAILABLE');
  expect(res.body.message).toBe('The document store cannot be reached; nothing was saved. Try again later');
}

/**
 * A 1 MB tmpfs mounted in a mount namespace of its own (so the machine's mounts are untouched), held by a sleeping
 * process; this process writes to it through /proc/<pid>/root. Needs root, or unprivileged user namespaces.
 */
async function smallDisk(): Promise<{ dir: string; release: () => void }> {
  const mountPoint = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-full-'));
  const asRoot = process.getuid?.() === 0;
  const holder: ChildProcess = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      ...(asRoot ? [] : ['--map-root-user']),
      'sh',
      '-c',
      `mount -t tmpfs -o size=1m,mode=0700 tmpfs "${mountPoint}" && echo mounted && exec sleep 600`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('mounted')) {
        resolve();
      }
    });
    holder.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    holder.once('error', reject);
    holder.once('exit', () =>
      reject(new Error(`Cannot mount a small tmpfs (needs unshare with root or user namespaces): ${output}`)),
    );
  });
  return {
    dir: `/proc/${holder.pid}/root${mountPoint}/documents`,
    release: () => {
      holder.kill('SIGKILL');
      rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}

describe('documents when the disk is full', () => {
  let t: TestApp;
  let disk: { dir: string; release: () => void };
  let consultant: SignedInClient;
  let file: WorkPermitFileEntity;
  let baseUrl: string;

  beforeAll(async () => {
    disk = await smallDisk();
    t = await createTestApp({
      env: { DOCUMENTS_DIR: disk.dir, DOCUMENT_MAX_BYTES: String(4 * 1024 * 1024) },
    });
    consultant = await t.signedInAs(StaffRole.Consultant);
    file = await t.given.file({ consultantId: consultant.user.id });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await t?.close();
    disk?.release();
  });

  it('answers 503 with a clear message, records nothing, leaves no bytes; the next upload that fits works', async () => {
    const res = await upload(consultant, file, pdf(2 * 1024 * 1024, 'too-big-for-the-disk'));
    expectStoreUnavailable(res);
    expect(await documentRows(t)).toBe(0);
    expect(everyFile(disk.dir)).toEqual([]); // the temp file is gone: the space is back

    const small = await upload(consultant, file, pdf(100_000, 'fits')).expect(201);
    expect(small.body.document.size).toBe(100_000);
    expect(await documentRows(t)).toBe(1);
  });

  it('reads a refused upload no further than the upload limit: past it the connection is closed', async () => {
    const filesBefore = everyFile(disk.dir).length;
    const rowsBefore = await documentRows(t);
    const sent = await endlessUpload(`${baseUrl}/api/files/${file.id}/documents`, consultant.token);
    // Answered once the disk refuses, then the connection is closed (socket buffers on both ends hold some
    // megabytes), far from the 200 MB the client would send.
    expect(sent.status).toBe(503);
    expect(sent.closedEarly).toBe(true);
    expect(sent.bytes).toBeLessThan(32 * 1024 * 1024);
    expect(everyFile(disk.dir).length).toBe(filesBefore);
    expect(await documentRows(t)).toBe(rowsBefore);
  });
});

describe('documents when S3 goes down', () => {
  let t: TestApp;
  let root: string;
  let port: number;
  let server: S3rver;
  let storage: DocumentStorage;
  let consultant: SignedInClient;
  let file: WorkPermitFileEntity;

  const startS3 = async () => {
    server = new S3rver({
      port,
      address: '127.0.0.1',
      silent: true,
      directory: root,
      configureBuckets: [{ name: 'permitdesk-test', configs: [] }],
    });
    await server.run();
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-s3-down-'));
    port = await freePort();
    await startS3();
    t = await createTestApp({
      env: {
        DOCUMENTS_S3_BUCKET: 'permitdesk-test',
        DOCUMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        DOCUMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
        DOCUMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
        DOCUMENT_MAX_BYTES: String(MAX_BYTES),
      },
    });
    storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    consultant = await t.signedInAs(StaffRole.Consultant);
    file = await t.given.file({ consultantId: consultant.user.id });
  });

  afterAll(async () => {
    await t?.close();
    await server?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 503 while it is down, records nothing and leaves no orphan; works again once it is back', async () => {
    const before = await upload(consultant, file, pdf(50_000, 'before')).expect(201);
    const id = before.body.document.id as string;
    await server.close();

    expectStoreUnavailable(await upload(consultant, file, pdf(200_000, 'while-down')));
    expect(await documentRows(t)).toBe(1);
    const download = await consultant.get(`/api/documents/${id}/content`);
    expect(download.status).toBe(503);
    expect(download.body.code).toBe('DOCUMENT_STORAGE_UNAVAILABLE');

    await startS3();
    const keys = await objectKeys(storage);
    const [{ storage_key: key }] = await t.dataSource.query('SELECT storage_key FROM documents');
    expect(keys).toEqual([key]);
    await consultant.get(`/api/documents/${id}/content`).expect(200);
    await upload(consultant, file, pdf(60_000, 'after')).expect(201);
  });
});

/** POSTs a multipart upload whose file part would be 200 MB, until the server closes the connection. */
function endlessUpload(
  url: string,
  token: string,
): Promise<{ status: number | undefined; bytes: number; closedEarly: boolean }> {
  const total = 200 * 1024 * 1024;
  const boundary = 'endlessBoundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const piece = Buffer.concat([pdf(64 * 1024, 'endless')]);
  return new Promise((resolve) => {
    let status: number | undefined;
    let bytes = 0;
    let done = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + total,
      },
    });
    const finish = () => {
      if (!done) {
        done = true;
        resolve({ status, bytes, closedEarly: bytes < total });
      }
    };
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
    });
    req.on('error', finish);
    req.on('close', finish);
    const write = () => {
      while (!done && !req.destroyed && bytes < total) {
        bytes += piece.length;
        if (!req.write(piece)) {
          req.once('drain', write);
          return;
        }
      }
      if (bytes >= total) {
        req.end();
      }
    };
    req.write(head);
    write();
  });
}

describe('documents store checked at start-up', () => {
  let root: string;
  let server: S3rver;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-s3-bucket-'));
    port = await freePort();
    server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: root });
    await server.run();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const config = (bucket: string, endpointPort = port) =>
    AppConfig.fromVariables(
      testVariables('unused', {
        DOCUMENTS_S3_BUCKET: bucket,
        DOCUMENTS_S3_ENDPOINT: `http://127.0.0.1:${endpointPort}`,
        DOCUMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
        DOCUMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );

  it('refuses to start on a bucket that does not exist, naming it and what to do', async () => {
    await expect(openStorage(config('no-such-bucket'))).rejects.toThrow(
      `DOCUMENTS_S3_BUCKET: the bucket "no-such-bucket" does not exist at http://127.0.0.1:${port}. Create it (PermitDesk does not create buckets), or correct DOCUMENTS_S3_BUCKET or DOCUMENTS_S3_ENDPOINT.`,
    );
  });

  it('starts when the store cannot be reached (uploads answer 503 until it can)', async () => {
    const storage = await openStorage(config('permitdesk-test', await freePort()));
    expect(storage).toBeDefined();
  });
});
