import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be read with this key: tampered with, truncated, or written with another key. */
export class FieldDecryptionError extends Error {
  constructor(message = 'The encrypted value cannot be read with this key') {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Encrypts single sensitive fields (passport numbers) for storage: AES-256-GCM, a random 12-byte IV per value,
 * stored as `v1.<iv>.<tag>.<ciphertext>` (base64). The version prefix lets a later key or scheme coexist with
 * rows written before it. `context` (e.g. `clients.passport_number`) is bound as associated data, so a value
 * copied into another column does not decrypt.
 */
export class FieldEncryption {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) {
      throw new Error(`The data encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
    }
    this.key = Buffer.from(key);
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join('.');
  }

  /** Throws FieldDecryptionError when the value is malformed, altered or written with another key or context. */
  decrypt(stored: string, context = ''): string {
    const parts = stored.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new FieldDecryptionError('The encrypted value has an unknown format');
    }
    const [, ivText, tagText, ciphertextText] = parts;
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    const ciphertext = Buffer.from(ciphertextText, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new FieldDecryptionError('The encrypted value has an unknown format');
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError();
    }
  }
}
