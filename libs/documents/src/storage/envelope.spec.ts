import { createDecipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CHUNK_BYTES,
  decryptRange,
  DocumentKeyring,
  EncryptingStream,
  EnvelopeError,
  HEADER_BYTES,
  sealedRangeOf,
  sealedSize,
} from './envelope';

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) {
    parts.push(part);
  }
  return Buffer.concat(parts);
}

function encryptStream(source: AsyncIterable<Buffer>, key: Buffer): AsyncIterable<Buffer> {
  return Readable.from(source).pipe(new EncryptingStream(key));
}

function pieces(data: Buffer, size: number): AsyncIterable<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) {
    parts.push(data.subarray(i, i + size));
  }
  return Readable.from(parts);
}

function once(data: Buffer): AsyncIterable<Buffer> {
  return Readable.from([data]);
}

async function read(sealed: Buffer, key: Buffer, size: number, start: number, end: number): Promise<Buffer> {
  const { stored } = sealedRangeOf(size, { start, end });
  return collect(
    decryptRange(once(sealed.subarray(stored.start, stored.end + 1)), key, size, { start, end }),
  );
}

describe('document envelope', () => {
  const key = randomBytes(32);

  it.each([1, 1000, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])(
    'round-trips %i bytes whatever the piece size, and ranges across chunks',
    async (size) => {
      const plain = randomBytes(size);
      const sealed = await collect(encryptStream(pieces(plain, 7919), key));
      expect(sealed.length).toBe(sealedSize(size));
      expect((await read(sealed, key, size, 0, size - 1)).equals(plain)).toBe(true);
      const start = Math.floor(size / 3);
      const end = Math.min(size - 1, start + CHUNK_BYTES + 5);
      expect((await read(sealed, key, size, start, end)).equals(plain.subarray(start, end + 1))).toBe(true);
    },
  );

  it.each([
    [CHUNK_BYTES, 7919],
    [CHUNK_BYTES + 1, CHUNK_BYTES + 28],
    [3 * CHUNK_BYTES + 5, 1],
    [1024 * 1024, 1024 * 1024],
  ])(
    'round-trips when the plaintext comes in pieces of %i bytes and the stored bytes in pieces of %i',
    async (plainPiece, storedPiece) => {
      const size = 5 * CHUNK_BYTES + 321;
      const plain = randomBytes(size);
      const sealed = await collect(encryptStream(pieces(plain, plainPiece), key));
      expect(sealed.length).toBe(sealedSize(size));
      const whole = { start: 0, end: size - 1 };
      expect(
        (
          await collect(decryptRange(pieces(sealed.subarray(HEADER_BYTES), storedPiece), key, size, whole))
        ).equals(plain),
      ).toBe(true);
      const range = { start: CHUNK_BYTES + 10, end: 3 * CHUNK_BYTES + 99 };
      const { stored } = sealedRangeOf(size, range);
      const part = sealed.subarray(stored.start, stored.end + 1);
      expect(
        (await collect(decryptRange(pieces(part, storedPiece), key, size, range))).equals(
          plain.subarray(range.start, range.end + 1),
        ),
      ).toBe(true);
    },
  );

  it('writes the at-rest format: marker, then nonce | ciphertext | tag per chunk, the index and finality bound', async () => {
    const size = 2 * CHUNK_BYTES + 10;
    const plain = randomBytes(size);
    const sealed = await collect(encryptStream(pieces(plain, 5000), key));
    expect(sealed.subarray(0, HEADER_BYTES).toString('ascii')).toBe('PDE1');
    const opened: Buffer[] = [];
    let at = HEADER_BYTES;
    for (let index = 0; index < 3; index++) {
      const length = index < 2 ? CHUNK_BYTES : 10;
      const aad = Buffer.alloc(13);
      aad.write('PDE1', 'ascii');
      aad.writeBigUInt64BE(BigInt(index), 4);
      aad[12] = index === 2 ? 1 : 0;
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(at, at + 12), {
        authTagLength: 16,
      });
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(at + 12 + length, at + 28 + length));
      opened.push(decipher.update(sealed.subarray(at + 12, at + 12 + length)), decipher.final());
      at += 28 + length;
    }
    expect(at).toBe(sealed.length);
    expect(Buffer.concat(opened).equals(plain)).toBe(true);
  });

  it('seals no further than a few chunks ahead while its output is not read', async () => {
    const stream = new EncryptingStream(key);
    const piece = randomBytes(CHUNK_BYTES);
    for (let i = 0; i < 64; i++) {
      stream.write(piece);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nothing reads the output: the plaintext waits on the writable side, and little is sealed ahead.
    expect(stream.writableLength).toBeGreaterThan(50 * CHUNK_BYTES);
    expect(stream.readableLength).toBeLessThan(8 * (CHUNK_BYTES + 28));
    stream.destroy();
  });

  it('refuses a flipped byte, a cut-short object and swapped chunks', async () => {
    const size = 2 * CHUNK_BYTES + 10;
    const plain = randomBytes(size);
    const sealed = await collect(encryptStream(once(plain), key));

    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 40] ^= 1;
    await expect(read(flipped, key, size, 0, size - 1)).rejects.toThrow(EnvelopeError);

    // Dropping the last chunk and claiming the object ends there: the new last chunk is not marked final.
    const cut = sealed.subarray(0, 4 + 2 * (CHUNK_BYTES + 28));
    await expect(read(cut, key, 2 * CHUNK_BYTES, 0, 2 * CHUNK_BYTES - 1)).rejects.toThrow(EnvelopeError);

    const chunk = CHUNK_BYTES + 28;
    const swapped = Buffer.concat([
      sealed.subarray(0, 4),
      sealed.subarray(4 + chunk, 4 + 2 * chunk),
      sealed.subarray(4, 4 + chunk),
      sealed.subarray(4 + 2 * chunk),
    ]);
    await expect(read(swapped, key, size, 0, size - 1)).rejects.toThrow(EnvelopeError);

    await expect(read(sealed, randomBytes(32), size, 0, 10)).rejects.toThrow(EnvelopeError);
  });

  it('wraps data keys bound to their document, and unwraps with the previous master key after rotation', () => {
    const oldMaster = randomBytes(32);
    const newMaster = randomBytes(32);
    const before = new DocumentKeyring(oldMaster);
    const dataKey = before.newDataKey();
    const wrapped = before.wrap(dataKey, 'doc-1');
    expect(() => before.unwrap(wrapped, 'doc-2')).toThrow(EnvelopeError);

    const after = new DocumentKeyring(newMaster, oldMaster);
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    const rewrapped = after.wrap(after.unwrap(wrapped, 'doc-1'), 'doc-1');
    expect(new DocumentKeyring(newMaster).unwrap(rewrapped, 'doc-1')).toEqual(dataKey);
    expect(() => new DocumentKeyring(newMaster).unwrap(wrapped, 'doc-1')).toThrow(EnvelopeError);
  });
});
