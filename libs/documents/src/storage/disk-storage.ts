import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  StorageObjectMissingError,
  StorageUnavailableError,
  type ByteRange,
  type DocumentStorage,
  type StoredObjectInfo,
} from './storage';

const KEY = /^[A-Za-z0-9_-]{16,128}$/;
const TEMP_DIR = '.tmp';
/**
 * Buffering of the files: a write takes several sealed chunks in one call (writev) and a read brings many chunks at
 * once, instead of one system call per 64 KiB chunk.
 */
const STREAM_BYTES = 1024 * 1024;

/** Keys are random url-safe strings; anything else is refused, so a key can never climb out of the folder. */
export function checkStorageKey(key: string): string {
  if (!KEY.test(key)) {
    throw new Error('Invalid storage key');
  }
  return key;
}

/** Errors that mean the disk cannot take or give bytes now, rather than a bug. */
function isDiskProblem(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (
    code !== undefined && ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EDQUOT', 'EIO', 'ENOENT'].includes(code)
  );
}

/**
 * Objects as files under one folder: `<dir>/<first two characters>/<key>`. A put writes to `<dir>/.tmp/` and
 * renames into place once complete, so a reader never sees half an object and a crash leaves only a temp file.
 */
export class DiskStorage implements DocumentStorage {
  constructor(private readonly dir: string) {
    mkdirSync(join(dir, TEMP_DIR), { recursive: true, mode: 0o700 });
  }

  private pathOf(key: string): string {
    checkStorageKey(key);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, content: Readable): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const temp = join(this.dir, TEMP_DIR, `${key}.${randomBytes(6).toString('hex')}`);
    const file = createWriteStream(temp, { mode: 0o600, highWaterMark: STREAM_BYTES });
    try {
      await pipeline(content, file);
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true, mode: 0o700 });
      await rename(temp, target);
      return { size: file.bytesWritten };
    } catch (error) {
      await rm(temp, { force: true });
      throw isDiskProblem(error)
        ? new StorageUnavailableError('The documents folder cannot be written', error)
        : error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<AsyncIterable<Buffer>> {
    let file: FileHandle;
    try {
      file = await open(this.pathOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StorageObjectMissingError(key);
      }
      throw new StorageUnavailableError('The documents folder cannot be read', error);
    }
    return readPieces(file, range);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObjectInfo> {
    for (const prefix of await readdir(this.dir)) {
      if (prefix === TEMP_DIR || prefix.length !== 2) {
        continue;
      }
      for (const key of await readdir(join(this.dir, prefix))) {
        if (KEY.test(key)) {
          const info = await stat(join(this.dir, prefix, key)).catch(() => null);
          if (info) {
            yield { key, modifiedAt: info.mtime };
          }
        }
      }
    }
  }
}

/**
 * The file's bytes (or a range of them) read into one buffer, reused for every piece: a fresh buffer per read would
 * be garbage the API's collector has to chase through its whole heap, megabytes at a time. The next read starts only
 * when the consumer asks for the next piece, so the piece it holds is never overwritten under it.
 */
async function* readPieces(file: FileHandle, range?: ByteRange): AsyncGenerator<Buffer> {
  try {
    const buffer = Buffer.allocUnsafeSlow(STREAM_BYTES);
    const end = range?.end ?? (await file.stat()).size - 1;
    for (let position = range?.start ?? 0; position <= end;) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, end - position + 1), position);
      if (bytesRead === 0) {
        return;
      }
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
