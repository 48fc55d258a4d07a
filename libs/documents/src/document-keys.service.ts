import { Injectable } from '@nestjs/common';
import { DocumentsRepository } from './documents.repository';
import { DocumentKeyring, EnvelopeError } from './storage/envelope';

export interface RewrapProgress {
  done: number;
  total: number;
}

export interface RewrapResult {
  rewrapped: number;
  /** Data keys under a master key that is neither the current nor the previous one (left as they are). */
  unknownKeyIds: string[];
  /** Documents whose wrapped key did not unwrap (left as they are). */
  failed: string[];
}

/** Master-key rotation for documents: re-wraps data keys under the current master key; content is not rewritten. */
@Injectable()
export class DocumentKeysService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly keyring: DocumentKeyring,
  ) {}

  /**
   * Re-wraps, batch by batch, every data key wrapped under another master key that the keyring can unwrap (the
   * previous one, DATA_ENCRYPTION_KEY_PREVIOUS). Safe to run again or alongside uploads: a row is only replaced
   * while it is still under the old key.
   */
  async rewrapAll(batchSize = 200, onProgress?: (progress: RewrapProgress) => void): Promise<RewrapResult> {
    const result: RewrapResult = { rewrapped: 0, unknownKeyIds: [], failed: [] };
    const oldIds = await this.documents.otherKeyIds(this.keyring.currentKeyId);
    const usable = oldIds.filter((id) => this.keyring.canUnwrap(id));
    result.unknownKeyIds = oldIds.filter((id) => !this.keyring.canUnwrap(id));
    let total = 0;
    for (const keyId of usable) {
      total += await this.documents.countWrappedUnder(keyId);
    }
    let done = 0;
    for (const keyId of usable) {
      let afterId: string | null = null;
      for (;;) {
        const batch = await this.documents.wrappedUnder(keyId, afterId, batchSize);
        if (batch.length === 0) {
          break;
        }
        for (const row of batch) {
          try {
            const dataKey = this.keyring.unwrap({ wrappedKey: row.wrappedKey, keyId: row.keyId }, row.id);
            const next = this.keyring.wrap(dataKey, row.id);
            if (await this.documents.rewrap(row.id, keyId, next.wrappedKey, next.keyId)) {
              result.rewrapped++;
            }
          } catch (error) {
            if (!(error instanceof EnvelopeError)) {
              throw error;
            }
            result.failed.push(row.id);
          }
          done++;
        }
        afterId = batch[batch.length - 1].id;
        onProgress?.({ done, total });
      }
    }
    return result;
  }
}
