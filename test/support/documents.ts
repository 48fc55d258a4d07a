import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { DocumentStorage } from '@app/documents';
import { freePort } from './free-port';

/** Fixtures for the document specs: sample contents and the two storages every document route is tested on. */

export const MARKER = 'PASSPORT-NO-ZX9876543-MARKER';
export const MAX_BYTES = 400_000;

/** A PDF-looking document of about `size` bytes (three chunks by default) with a known marker inside. */
export function pdf(size = 150_000, seed = 'a'): Buffer {
  const head = Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (${MARKER} ${seed}) >> endobj\n`,
    'latin1',
  );
  const body = Buffer.alloc(size - head.length, `${MARKER} ${seed} lorem ipsum `);
  return Buffer.concat([head, body]);
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode'),
]);

export function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

export async function objectKeys(storage: DocumentStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list()) {
    keys.push(object.key);
  }
  return keys;
}

/** All the bytes of a stream, or of a storage's pieces (copied as they come: a storage may reuse its buffer). */
export async function collect(source: Readable | AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) {
    parts.push(Buffer.from(part as Buffer));
  }
  return Buffer.concat(parts);
}

/** Two ways to keep documents, the same behaviour expected of both. */
export const BACKENDS = [
  {
    name: 'disk',
    env(root: string) {
      return Promise.resolve({
        env: { DOCUMENTS_DIR: join(root, 'documents') },
        stop: () => Promise.resolve(),
      });
    },
  },
  {
    name: 's3 (s3rver)',
    async env(root: string) {
      const port = await freePort();
      const server = new S3rver({
        port,
        address: '127.0.0.1',
        silent: true,
        directory: root,
        configureBuckets: [{ name: 'permitdesk-test', configs: [] }],
      });
      await server.run();
      return {
        env: {
          DOCUMENTS_S3_BUCKET: 'permitdesk-test',
          DOCUMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
          DOCUMENTS_S3_ACCESS_KEY_ID: 'S3RVER',
          DOCUMENTS_S3_SECRET_ACCESS_KEY: 'S3RVER',
        },
        stop: () => server.close(),
      };
    },
  },
];
