import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { freePort } from '../../../../test/support/free-port';
import { DiskStorage } from './disk-storage';
import { S3Storage } from './s3-storage';
import { StorageObjectMissingError, StorageUnavailableError, type DocumentStorage } from './storage';

/** The pieces copied as they come: a piece is valid only until the next one is asked for. */
async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) {
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

async function keys(storage: DocumentStorage): Promise<string[]> {
  const found: string[] = [];
  for await (const object of storage.list()) {
    found.push(object.key);
  }
  return found.sort();
}

const newKey = () => randomBytes(24).toString('base64url');

/** A stream that yields some bytes, then fails (a client that went away mid-upload). */
function failingAfter(bytes: number): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) {
        this.destroy(new Error('client went away'));
      } else {
        sent = true;
        this.push(randomBytes(bytes));
      }
    },
  });
}

interface Adapter {
  name: string;
  start(): Promise<DocumentStorage>;
  stop(): Promise<void>;
}

const BUCKET = 'permitdesk-documents';
let stopS3rver: (() => Promise<unknown>) | undefined;
let s3: S3Storage | undefined;
const dirs: string[] = [];

const adapters: Adapter[] = [
  {
    name: 'disk',
    start: () => {
      const dir = mkdtempSync(join(tmpdir(), 'permitdesk-docs-'));
      dirs.push(dir);
      return Promise.resolve(new DiskStorage(join(dir, 'documents')));
    },
    stop: () => Promise.resolve(),
  },
  {
    name: 's3 (s3rver)',
    async start() {
      const dir = mkdtempSync(join(tmpdir(), 'permitdesk-s3-'));
      dirs.push(dir);
      const port = await freePort();
      const server = new S3rver({
        port,
        address: '127.0.0.1',
        silent: true,
        directory: dir,
        configureBuckets: [{ name: BUCKET, configs: [] }],
      });
      await server.run();
      stopS3rver = () => server.close();
      s3 = new S3Storage({
        bucket: BUCKET,
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
      return s3;
    },
    async stop() {
      s3?.close();
      await stopS3rver?.();
    },
  },
];

afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(adapters)('document storage: $name', (adapter) => {
  let storage: DocumentStorage;
  beforeAll(async () => {
    storage = await adapter.start();
  });
  afterAll(() => adapter.stop());

  it('stores a stream, reads it back whole or by range, lists it and deletes it', async () => {
    const key = newKey();
    const data = randomBytes(6 * 1024 * 1024 + 123); // more than one multipart part
    const { size } = await storage.put(key, Readable.from([data.subarray(0, 1000), data.subarray(1000)]));
    expect(size).toBe(data.length);
    expect((await collect(await storage.get(key))).equals(data)).toBe(true);
    const part = await collect(await storage.get(key, { start: 5_000_000, end: 5_000_099 }));
    expect(part.equals(data.subarray(5_000_000, 5_000_100))).toBe(true);
    expect(await keys(storage)).toContain(key);

    await storage.delete(key);
    expect(await keys(storage)).not.toContain(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectMissingError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('leaves no object when the incoming stream fails', async () => {
    const key = newKey();
    await expect(storage.put(key, failingAfter(64 * 1024))).rejects.toThrow('client went away');
    expect(await keys(storage)).not.toContain(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectMissingError);
  });

  it('refuses keys that are not random url-safe strings', async () => {
    await expect(storage.put('../escape', Readable.from([Buffer.from('x')]))).rejects.toThrow(
      'Invalid storage key',
    );
  });
});

/** Paths of the files this process holds open (Linux /proc). */
function openPaths(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return []; // closed while listing
    }
  });
}

describe('reading from disk', () => {
  it('reads every piece into one buffer, and releases the file when the reader stops early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'permitdesk-docs-'));
    dirs.push(dir);
    const storage = new DiskStorage(join(dir, 'documents'));
    const key = newKey();
    await storage.put(key, Readable.from([randomBytes(3 * 1024 * 1024)]));
    const buffers = new Set<ArrayBufferLike>();
    let pieces = 0;
    for await (const piece of await storage.get(key)) {
      buffers.add(piece.buffer);
      pieces++;
    }
    expect(pieces).toBeGreaterThan(1);
    expect(buffers.size).toBe(1);

    const isOurs = (path: string) => path.endsWith(key);
    for await (const piece of await storage.get(key)) {
      expect(piece.length).toBeGreaterThan(0);
      expect(openPaths().some(isOurs)).toBe(true);
      break;
    }
    expect(openPaths().some(isOurs)).toBe(false);
  });
});

describe('an S3 store that cannot be reached', () => {
  it('answers StorageUnavailableError', async () => {
    const port = await freePort();
    const storage = new S3Storage({
      bucket: BUCKET,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accessKeyId: 'x',
      secretAccessKey: 'y',
    });
    try {
      await expect(storage.put(newKey(), Readable.from([Buffer.from('hello')]))).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
    } finally {
      storage.close();
    }
  });
});
