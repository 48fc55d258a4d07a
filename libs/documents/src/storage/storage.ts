import type { Readable } from 'node:stream';

/** A byte range of a stored object, both ends included (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** An object in a storage, as the orphan sweep sees it. */
export interface StoredObjectInfo {
  key: string;
  modifiedAt: Date;
}

/**
 * Where the (already encrypted) bytes of documents live: local disk or an S3-compatible bucket. Keys are random
 * and chosen by the caller, never derived from a filename. Every adapter behaves the same (see
 * storage.int-spec.ts): a failed or aborted put leaves no object behind.
 */
export interface DocumentStorage {
  /** Stores the stream under key; resolves once the object is complete and visible, with its size. */
  put(key: string, content: Readable): Promise<{ size: number }>;
  /**
   * The object's bytes, or only the given range, in pieces. Throws StorageObjectMissingError for an unknown key.
   * A piece is valid only until the next one is asked for (the disk reads every piece into one reused buffer, so a
   * download makes no garbage per piece): copy what you keep. Ending the iteration early releases the object.
   */
  get(key: string, range?: ByteRange): Promise<AsyncIterable<Buffer>>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every object, in no particular order. */
  list(): AsyncIterable<StoredObjectInfo>;
}

/** The storage cannot be reached or cannot take the bytes (disk full, permissions, S3 down). */
export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageUnavailableError';
  }
}

export class StorageObjectMissingError extends Error {
  constructor(readonly key: string) {
    super('The stored object does not exist');
    this.name = 'StorageObjectMissingError';
  }
}

/** The DI token of the storage the documents lib uses. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');
