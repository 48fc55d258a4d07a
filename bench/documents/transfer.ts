import { randomBytes, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, closeSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptRange, EncryptingStream, sealedRangeOf } from '@app/documents';
import { residentBytes } from '../support/processes';

/**
 * Writes a PDF-looking file of `size` bytes: a PDF header, then random bytes (a real PDF's streams are compressed,
 * so they look random too). A new random body each time, so no upload is a duplicate of an earlier run's.
 */
export function writeSamplePdf(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (Bench) >> endobj\n', 'latin1');
    writeSync(fd, head);
    const block = Buffer.alloc(1024 * 1024);
    for (let written = head.length; written < size; written += block.length) {
      randomFillSync(block);
      writeSync(fd, block, 0, Math.min(block.length, size - written));
    }
  } finally {
    closeSync(fd);
  }
}

/** The peak resident memory of a process while `work` runs, sampled every 10 ms, over its RSS just before. */
export async function withRssGrowth<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; before: number; peak: number }> {
  const before = residentBytes(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, residentBytes(pid));
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

export interface Answer {
  status: number;
  text: string;
}

/**
 * The client's file buffering: large, so that on a machine it shares with the API the client takes little CPU per
 * byte and the time measured is mostly the API's (as with curl).
 */
const CLIENT_BUFFER_BYTES = 1024 * 1024;

/**
 * POST /api/files/:id/documents with the file at `path` streamed as the `file` part of a multipart body (never
 * held in memory), the way a browser sends it.
 */
export function uploadDocument(
  origin: string,
  token: string,
  fileId: string,
  path: string,
  size: number,
): Promise<Answer> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Readable.from(
    (async function* () {
      yield head;
      yield* createReadStream(path, { highWaterMark: CLIENT_BUFFER_BYTES });
      yield tail;
    })(),
  );
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/files/${fileId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    pipeline(body, req).catch(reject);
  });
}

/** GET /api/documents/:id/content streamed into the file at `path`; resolves with the bytes written. */
export function downloadDocument(origin: string, token: string, id: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/documents/${id}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    req.once('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET /api/documents/${id}/content answered ${res.statusCode}`));
        return;
      }
      const file = createWriteStream(path, { highWaterMark: CLIENT_BUFFER_BYTES });
      pipeline(res, file).then(() => resolve(file.bytesWritten), reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/** Baseline (a): the bytes piped from one file to another with fs streams, nothing in between. */
export async function rawPipe(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(to));
}

/** Baseline (b), storing: the same pipe through the product's chunked AES-256-GCM encryption. */
export async function encryptingPipe(from: string, to: string, dataKey: Buffer): Promise<void> {
  await pipeline(createReadStream(from), new EncryptingStream(dataKey), createWriteStream(to));
}

/**
 * Baseline (b), reading: the stored object piped back through the product's decryption (whole document), reading
 * the same bytes of it the product reads.
 */
export async function decryptingPipe(
  from: string,
  to: string,
  dataKey: Buffer,
  plainSize: number,
): Promise<void> {
  const whole = { start: 0, end: plainSize - 1 };
  await pipeline(
    createReadStream(from, sealedRangeOf(plainSize, whole).stored),
    (source: AsyncIterable<Buffer>) => decryptRange(source, dataKey, plainSize, whole),
    createWriteStream(to),
  );
}
