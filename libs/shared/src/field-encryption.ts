import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Written before key ids: `v1.<iv>.<tag>.<ciphertext>`, under whichever key was current then. */
const LEGACY_VERSION = 'v1';
/** `v2.<keyId>.<iv>.<tag>.<ciphertext>`: the key id names the master key it was written with. */
const VERSION = 'v2';
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

/** A short public name of a key (not the key, nor enough to find it): a hash of it, as the document keyring does. */
export function fieldKeyId(key: Buffer): string {
  return createHash('sha256').update('permitdesk field key id').update(key).digest('hex').slice(0, 16);
}

function checkedKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new Error(`The data encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return Buffer.from(key);
}

/**
 * Encrypts single sensitive fields (passport numbers, outbox secrets) for storage: AES-256-GCM, a random 12-byte IV
 * per value, stored as `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64). `context` (e.g. `clients.passport_number`)
 * is bound as associated data, so a value copied into another column does not decrypt.
 *
 * Key rotation: values are written under the current key (DATA_ENCRYPTION_KEY) and read under the key their id
 * names, the current or the previous one (DATA_ENCRYPTION_KEY_PREVIOUS); `rotate-document-keys` re-encrypts what
 * `needsReencryption` says is under another key. Values written before key ids (`v1.`) are tried with the
 * current key, then the previous.
 */
export class FieldEncryption {
  private readonly key: Buffer;
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(key: Buffer, previous?: Buffer) {
    this.key = checkedKey(key);
    this.currentKeyId = fieldKeyId(this.key);
    this.keys.set(this.currentKeyId, this.key);
    if (previous) {
      const old = checkedKey(previous);
      this.keys.set(fieldKeyId(old), old);
    }
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.currentKeyId,
      iv.toString('base64'),
      tag.toString('base64'),
      ciphertext.toString('base64'),
    ].join('.');
  }

  /** Throws FieldDecryptionError when the value is malformed, altered or written with another key or context. */
  decrypt(stored: string, context = ''): string {
    const parts = stored.split('.');
    if (parts.length === 4 && parts[0] === LEGACY_VERSION) {
      const sealed = parseSealed(parts[1], parts[2], parts[3]);
      for (const key of [this.key, ...[...this.keys.values()].filter((k) => k !== this.key)]) {
        const plaintext = open(key, sealed, context);
        if (plaintext !== null) {
          return plaintext;
        }
      }
      throw new FieldDecryptionError();
    }
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new FieldDecryptionError('The encrypted value has an unknown format');
    }
    const sealed = parseSealed(parts[2], parts[3], parts[4]);
    const key = this.keys.get(parts[1]);
    if (!key) {
      throw new FieldDecryptionError('The encrypted value was written with a key that is not configured');
    }
    const plaintext = open(key, sealed, context);
    if (plaintext === null) {
      throw new FieldDecryptionError();
    }
    return plaintext;
  }

  /** Whether a stored value is not under the current key (written before key ids, or under the previous key). */
  needsReencryption(stored: string): boolean {
    const parts = stored.split('.');
    return !(parts.length === 5 && parts[0] === VERSION && parts[1] === this.currentKeyId);
  }
}

interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parseSealed(ivText: string, tagText: string, ciphertextText: string): Sealed {
  const iv = Buffer.from(ivText, 'base64');
  const tag = Buffer.from(tagText, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new FieldDecryptionError('The encrypted value has an unknown format');
  }
  return { iv, tag, ciphertext: Buffer.from(ciphertextText, 'base64') };
}

/** The plaintext, or null when the value does not open with this key and context. */
function open(key: Buffer, sealed: Sealed, context: string): string | null {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** One encrypted column value to bring under the current key. */
export interface EncryptedCell {
  id: string;
  value: string;
}

/** An encrypted column to bring under the current key: its cells in id order, and a replace-if-unchanged. */
export interface EncryptedColumn {
  /** The next cells that hold a value, in id order after `afterId` (null: from the start). */
  cellsAfter(afterId: string | null, limit: number): Promise<EncryptedCell[]>;
  /** Writes `to` only if the cell still holds `from`; true when it did. */
  replace(id: string, from: string, to: string): Promise<boolean>;
}

export interface ReencryptProgress {
  done: number;
}

export interface ReencryptResult {
  reencrypted: number;
  /** Rows whose value did not decrypt with the current or the previous key (left as they are). */
  failed: string[];
}

/**
 * Brings one encrypted column under the current key, batch by batch in id order; a value changed meanwhile is left
 * to its writer (the column's replace writes only over what was read). Idempotent: values already under the current
 * key are skipped.
 */
export async function reencryptColumn(
  encryption: FieldEncryption,
  context: string,
  column: EncryptedColumn,
  batchSize = 200,
  onProgress?: (progress: ReencryptProgress) => void,
): Promise<ReencryptResult> {
  const result: ReencryptResult = { reencrypted: 0, failed: [] };
  let afterId: string | null = null;
  let done = 0;
  for (;;) {
    const batch = await column.cellsAfter(afterId, batchSize);
    if (batch.length === 0) {
      return result;
    }
    for (const cell of batch) {
      if (encryption.needsReencryption(cell.value)) {
        try {
          const plaintext = encryption.decrypt(cell.value, context);
          if (await column.replace(cell.id, cell.value, encryption.encrypt(plaintext, context))) {
            result.reencrypted++;
          }
        } catch (error) {
          if (!(error instanceof FieldDecryptionError)) {
            throw error;
          }
          result.failed.push(cell.id);
        }
      }
      done++;
    }
    afterId = batch[batch.length - 1].id;
    onProgress?.({ done });
  }
}
