import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { FieldEncryption, reencryptColumn, type ReencryptProgress, type ReencryptResult } from '@app/shared';
import { FileMessageEntity } from './entities/file-message.entity';
import { MessagesRepository } from './messages.repository';
import { MESSAGE_BODY_CONTEXT } from './messages.service';

/** Key rotation for message bodies (the CLI's rotate-document-keys), without the mail and queue machinery. */
@Injectable()
export class MessageBodyKeys {
  private readonly encryption: FieldEncryption;

  constructor(
    private readonly repository: MessagesRepository,
    config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /**
   * Re-encrypts every message body not under the current DATA_ENCRYPTION_KEY (read with
   * DATA_ENCRYPTION_KEY_PREVIOUS), in batches; safe to run again.
   */
  reencryptBodies(
    batchSize?: number,
    onProgress?: (progress: ReencryptProgress) => void,
  ): Promise<ReencryptResult> {
    return reencryptColumn(
      this.encryption,
      MESSAGE_BODY_CONTEXT,
      this.repository.encryptedBodies(),
      batchSize,
      onProgress,
    );
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([FileMessageEntity])],
  providers: [MessagesRepository, MessageBodyKeys],
  exports: [MessageBodyKeys],
})
export class MessageBodyKeysModule {}
