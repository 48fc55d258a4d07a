import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { FieldEncryption, reencryptColumn, type ReencryptProgress, type ReencryptResult } from '@app/shared';
import { EmailEntity } from '../entities/email.entity';
import { OUTBOX_SECRET_CONTEXT } from '../outbox-secret';
import { EmailsRepository } from './emails.repository';

/** Key rotation for the outbox's secrets; needs no queue, so the command line can run it. */
@Injectable()
export class OutboxSecretKeys {
  private readonly encryption: FieldEncryption;

  constructor(
    private readonly emails: EmailsRepository,
    config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /**
   * Re-encrypts the secrets of emails not yet sent that are not under the current DATA_ENCRYPTION_KEY (read with
   * DATA_ENCRYPTION_KEY_PREVIOUS), in batches; safe to run again.
   */
  reencryptSecrets(
    batchSize?: number,
    onProgress?: (progress: ReencryptProgress) => void,
  ): Promise<ReencryptResult> {
    return reencryptColumn(
      this.encryption,
      OUTBOX_SECRET_CONTEXT,
      this.emails.encryptedSecrets(),
      batchSize,
      onProgress,
    );
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([EmailEntity])],
  providers: [EmailsRepository, OutboxSecretKeys],
  exports: [OutboxSecretKeys],
})
export class OutboxSecretKeysModule {}
