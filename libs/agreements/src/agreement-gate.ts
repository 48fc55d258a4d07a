import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { FileStatus, FileTransitionChecks, type FileTransition } from '@app/work-permits';
import type { EntityManager } from 'typeorm';
import { AgreementError, AgreementErrorCode } from './agreements.errors';
import { AgreementsRepository } from './agreements.repository';

/**
 * CICC Code s.24(1): no service beyond the initial consultation before a written service agreement. A file leaves
 * intake for preparation only with a signed (countersigned) agreement or an admin's recorded override; withdrawing
 * it stays possible. Checked inside the transaction of the status change, through work-permits' seam.
 */
@Injectable()
export class AgreementGate implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    private readonly checks: FileTransitionChecks,
    private readonly repository: AgreementsRepository,
  ) {}

  onModuleInit(): void {
    this.unregister = this.checks.register((manager, transition) => this.check(manager, transition));
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async check(manager: EntityManager, transition: FileTransition): Promise<void> {
    if (transition.from !== FileStatus.Intake || transition.to !== FileStatus.Preparing) {
      return;
    }
    if (!(await this.repository.fileMayLeaveIntake(manager, transition.fileId))) {
      throw new AgreementError(
        AgreementErrorCode.Required,
        'A file cannot leave intake without a signed service agreement (CICC Code s.24); have it signed, or an admin can record why it is not needed',
      );
    }
  }
}
