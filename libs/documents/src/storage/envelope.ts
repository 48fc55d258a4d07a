import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  hkdfSync,
  randomBytes,
  randomFillSync,
  type KeyObject,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { ByteRange } from './storage';

/**
 * The at-rest format of a document: a 4-byte format marker, then the plaintext in CHUNK_BYTES chunks, each sealed
 * on its own with AES-256-GCM under the document's random data key: `nonce (12) | ciphertext | tag (16)`. Each
 * chunk's associated data binds the marker, the chunk's index and whether it is the last one, so chunks cannot be
 * reordered, dropped or the object cut short without a failed tag. Fixed-size chunks let a range be read by
 * decrypting only the chunks it covers.
 */
export const CHUNK_BYTES = 64 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MARKER = Buffer.from('PDE1', 'ascii');
export const HEADER_BYTES = MARKER.length;
const SEALED_CHUNK_BYTES = NONCE_BYTES + CHUNK_BYTES + TAG_BYTES;

/** Stored content that does not decrypt: altered, cut short, or written with another key. */
export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

function associatedData(index: number, isFinal: boolean): Buffer {
  const aad = Buffer.alloc(MARKER.length + 9);
  MARKER.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), MARKER.length);
  aad[MARKER.length + 8] = isFinal ? 1 : 0;
  return aad;
}

/**
 * One sealed chunk as its three parts (nonce, ciphertext, tag), handed on as they are rather than copied into one
 * buffer: at 64 KiB a chunk, the copy and its garbage cost more than the encryption.
 */
function seal(plain: Buffer, dataKey: KeyObject, index: number, isFinal: boolean): [Buffer, Buffer, Buffer] {
  const nonce = randomFillSync(Buffer.allocUnsafe(NONCE_BYTES));
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(index, isFinal));
  const body = cipher.update(plain);
  cipher.final(); // GCM has no trailing block: nothing more comes out
  return [nonce, body, cipher.getAuthTag()];
}

function open(sealed: Buffer, dataKey: KeyObject, index: number, isFinal: boolean): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.subarray(0, NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(index, isFinal));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
    decipher.final(); // checks the tag (GCM: no further output)
    return plain;
  } catch {
    throw new EnvelopeError(`Chunk ${index} of the stored content does not decrypt`);
  }
}

/** Chunks of a document of this many plaintext bytes (an empty one still has its final chunk). */
export function chunkCount(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / CHUNK_BYTES));
}

function plainLengthOf(index: number, plainSize: number): number {
  return index < chunkCount(plainSize) - 1
    ? CHUNK_BYTES
    : plainSize - (chunkCount(plainSize) - 1) * CHUNK_BYTES;
}

/** Bytes at rest of a document of this many plaintext bytes. */
export function sealedSize(plainSize: number): number {
  return HEADER_BYTES + plainSize + chunkCount(plainSize) * (NONCE_BYTES + TAG_BYTES);
}

/**
 * A document's data key as a key object, made once per document: given a Buffer, every cipher would check and import
 * the key again, which costs more than sealing a 64 KiB chunk.
 */
function keyObjectOf(dataKey: Buffer): KeyObject {
  return createSecretKey(dataKey);
}

/**
 * Encrypts a plaintext stream chunk by chunk, as a transform: each piece written is handled as it comes (never
 * gathered with the pieces queued behind it). Pieces are gathered into one reused chunk buffer (a chunk that lies
 * whole inside a piece is sealed straight from it), so memory stays at one chunk whatever the size of the pieces.
 */
export class EncryptingStream extends Transform {
  private readonly key: KeyObject;
  private readonly staging = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private staged = 0;
  private index = 0;

  constructor(dataKey: Buffer) {
    super();
    this.key = keyObjectOf(dataKey);
    this.push(MARKER);
  }

  private pushSealed(plain: Buffer, isFinal: boolean): void {
    for (const part of seal(plain, this.key, this.index++, isFinal)) {
      this.push(part);
    }
  }

  override _transform(piece: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    while (offset < piece.length) {
      // A chunk is known not to be the last only once a byte after it has arrived: here, piece[offset].
      if (this.staged === CHUNK_BYTES) {
        this.pushSealed(this.staging, false);
        this.staged = 0;
      }
      if (this.staged === 0 && piece.length - offset > CHUNK_BYTES) {
        this.pushSealed(piece.subarray(offset, offset + CHUNK_BYTES), false);
        offset += CHUNK_BYTES;
        continue;
      }
      const copied = piece.copy(
        this.staging,
        this.staged,
        offset,
        offset + Math.min(piece.length - offset, CHUNK_BYTES - this.staged),
      );
      this.staged += copied;
      offset += copied;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.pushSealed(this.staging.subarray(0, this.staged), true);
    done();
  }
}

/** The part of the stored object that holds a plaintext range, and the chunks it covers. */
export function sealedRangeOf(
  plainSize: number,
  range: ByteRange,
): { first: number; last: number; stored: ByteRange } {
  const first = Math.floor(range.start / CHUNK_BYTES);
  const last = Math.floor(range.end / CHUNK_BYTES);
  const start = HEADER_BYTES + first * SEALED_CHUNK_BYTES;
  const end =
    HEADER_BYTES + last * SEALED_CHUNK_BYTES + plainLengthOf(last, plainSize) + NONCE_BYTES + TAG_BYTES - 1;
  return { first, last, stored: { start, end } };
}

/**
 * Decrypts the chunks of `sealedRangeOf(plainSize, range).stored` (the caller reads exactly those bytes) and yields
 * the plaintext of the range. A chunk is yielded only once its tag has verified; a bad chunk, missing bytes or
 * extra bytes throw EnvelopeError. Chunks that lie whole inside a piece are opened where they are; only a chunk
 * split across pieces is gathered, in one reused buffer.
 */
export async function* decryptRange(
  stored: AsyncIterable<Buffer>,
  dataKey: Buffer,
  plainSize: number,
  range: ByteRange,
): AsyncGenerator<Buffer> {
  const { first, last } = sealedRangeOf(plainSize, range);
  const key = keyObjectOf(dataKey);
  const finalIndex = chunkCount(plainSize) - 1;
  const staging = Buffer.allocUnsafeSlow(SEALED_CHUNK_BYTES);
  let staged = 0;
  let index = first;
  const plainOf = (sealed: Buffer): Buffer => {
    const plain = open(sealed, key, index, index === finalIndex);
    const from = index === first ? range.start - first * CHUNK_BYTES : 0;
    const to = index === last ? range.end - last * CHUNK_BYTES + 1 : plain.length;
    index++;
    return plain.subarray(from, to);
  };
  for await (const piece of stored) {
    let offset = 0;
    while (offset < piece.length) {
      if (index > last) {
        throw new EnvelopeError('The stored content is longer than recorded');
      }
      const wanted = plainLengthOf(index, plainSize) + NONCE_BYTES + TAG_BYTES;
      if (staged === 0 && piece.length - offset >= wanted) {
        yield plainOf(piece.subarray(offset, offset + wanted));
        offset += wanted;
        continue;
      }
      const copied = piece.copy(
        staging,
        staged,
        offset,
        offset + Math.min(piece.length - offset, wanted - staged),
      );
      staged += copied;
      offset += copied;
      if (staged === wanted) {
        yield plainOf(staging.subarray(0, wanted));
        staged = 0;
      }
    }
  }
  if (index <= last) {
    throw new EnvelopeError('The stored content is shorter than recorded');
  }
}

/** A document's data key, wrapped under the master key `keyId` names. */
export interface WrappedKey {
  wrappedKey: Buffer;
  keyId: string;
}

interface MasterKey {
  id: string;
  wrappingKey: Buffer;
}

function deriveMaster(master: Buffer): MasterKey {
  if (master.length !== KEY_BYTES) {
    throw new Error(`A master key must be ${KEY_BYTES} bytes`);
  }
  const wrappingKey = Buffer.from(
    hkdfSync('sha256', master, Buffer.alloc(0), 'permitdesk documents key wrapping v1', KEY_BYTES),
  );
  // An id that names the master key without revealing anything about it or the wrapping key.
  const idKey = Buffer.from(
    hkdfSync('sha256', master, Buffer.alloc(0), 'permitdesk documents key id v1', KEY_BYTES),
  );
  return { id: createHash('sha256').update(idKey).digest('hex').slice(0, 16), wrappingKey };
}

/**
 * Data keys: a random one per document, wrapped (AES-256-GCM, bound to the document's id) by a key derived with HKDF
 * from DATA_ENCRYPTION_KEY. The previous master key, when given, can still unwrap, so rotation re-wraps the data keys
 * without touching the content.
 */
export class DocumentKeyring {
  private readonly current: MasterKey;
  private readonly byId = new Map<string, MasterKey>();

  constructor(master: Buffer, previous?: Buffer) {
    this.current = deriveMaster(master);
    this.byId.set(this.current.id, this.current);
    if (previous) {
      const old = deriveMaster(previous);
      this.byId.set(old.id, old);
    }
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  canUnwrap(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  newDataKey(): Buffer {
    return randomBytes(KEY_BYTES);
  }

  wrap(dataKey: Buffer, documentId: string): WrappedKey {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.wrappingKey, nonce, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(`document:${documentId}`, 'utf8'));
    const wrapped = Buffer.concat([nonce, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return { wrappedKey: wrapped, keyId: this.current.id };
  }

  unwrap(wrapped: WrappedKey, documentId: string): Buffer {
    const master = this.byId.get(wrapped.keyId);
    if (!master) {
      throw new EnvelopeError(`No master key with id ${wrapped.keyId} is configured`);
    }
    const bytes = wrapped.wrappedKey;
    try {
      const decipher = createDecipheriv('aes-256-gcm', master.wrappingKey, bytes.subarray(0, NONCE_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(`document:${documentId}`, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new EnvelopeError('The data key does not unwrap');
    }
  }
}
