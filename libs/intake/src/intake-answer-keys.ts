import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { FieldEncryption, reencryptColumn, type ReencryptProgress, type ReencryptResult } from '@app/shared';
import { IntakeResponseEntity } from './entities/intake-response.entity';
import { IntakeRepository } from './intake.repository';
import { INTAKE_ANSWERS_CONTEXT } from './intake-answers';

/** Key rotation for the intake answers; needs no queue, so the command line can run it. */
@Injectable()
export class IntakeAnswerKeys {
  private readonly encryption: FieldEncryption;

  constructor(
    private readonly repository: IntakeRepository,
    config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /** Re-encrypts answers not under the current DATA_ENCRYPTION_KEY (read with the previous one); safe to rerun. */
  reencryptAnswers(
    batchSize?: number,
    onProgress?: (progress: ReencryptProgress) => void,
  ): Promise<ReencryptResult> {
    return reencryptColumn(
      this.encryption,
      INTAKE_ANSWERS_CONTEXT,
      this.repository.encryptedAnswers(),
      batchSize,
      onProgress,
    );
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([IntakeResponseEntity])],
  providers: [IntakeRepository, IntakeAnswerKeys],
  exports: [IntakeAnswerKeys],
})
export class IntakeAnswerKeysModule {}
