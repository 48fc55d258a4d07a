import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { FieldEncryption, reencryptColumn, type ReencryptProgress, type ReencryptResult } from '@app/shared';
import { ClientsRepository } from './clients.repository';
import type { ClientEntity } from './entities/client.entity';
import type { NormalizedClientFields } from './rules/client-fields';
import { passportNumberHint } from './rules/passport-number';

/** Associated data bound into every encrypted passport number. */
const PASSPORT_CONTEXT = 'clients.passport_number';

/** The fields written to the table; the passport number only ever goes in encrypted. */
export type StoredClientFields = Omit<NormalizedClientFields, 'passportNumber'> & {
  passportNumberEncrypted?: string | null;
  passportNumberHint?: string | null;
};

/** Clients' passport numbers: encrypted on the way in, decrypted for those who may see them, re-encrypted on rotation. */
@Injectable()
export class ClientPassportNumbersService {
  private readonly encryption: FieldEncryption;

  constructor(
    private readonly repository: ClientsRepository,
    config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /** The fields as stored: a given passport number replaced by its ciphertext and hint. */
  toStored(values: NormalizedClientFields): StoredClientFields {
    const { passportNumber, ...rest } = values;
    if (passportNumber === undefined) {
      return rest;
    }
    return {
      ...rest,
      passportNumberEncrypted:
        passportNumber === null ? null : this.encryption.encrypt(passportNumber, PASSPORT_CONTEXT),
      passportNumberHint: passportNumber === null ? null : passportNumberHint(passportNumber),
    };
  }

  /** The passport number in clear, for those who may see the client; null when none is on file. */
  decrypt(client: ClientEntity): string | null {
    return client.passportNumberEncrypted === null
      ? null
      : this.encryption.decrypt(client.passportNumberEncrypted, PASSPORT_CONTEXT);
  }

  /**
   * Key rotation: re-encrypts every passport number not under the current DATA_ENCRYPTION_KEY (read with
   * DATA_ENCRYPTION_KEY_PREVIOUS), in batches; safe to run again.
   */
  reencryptAll(
    batchSize?: number,
    onProgress?: (progress: ReencryptProgress) => void,
  ): Promise<ReencryptResult> {
    return reencryptColumn(
      this.encryption,
      PASSPORT_CONTEXT,
      this.repository.encryptedPassportNumbers(),
      batchSize,
      onProgress,
    );
  }
}
