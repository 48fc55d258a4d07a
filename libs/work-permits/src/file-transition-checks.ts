import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FileStatus } from './entities/work-permit-file.entity';

/** The file a status change is about, as read (and row-locked) inside the transaction of the change. */
export interface FileTransition {
  fileId: string;
  clientId: string;
  from: FileStatus;
  to: FileStatus;
}

/**
 * Called inside the transaction of a status change, with its manager, after the workflow allows the move and
 * before it is written. A check refuses the move by throwing its own domain error, which rolls the change back.
 */
export type FileTransitionCheck = (
  manager: EntityManager,
  transition: FileTransition,
) => Promise<void> | void;

/**
 * Where features that put conditions on a file's workflow (the signed service agreement) plug in, without this lib
 * knowing them: they subscribe at start-up, the files service runs every check on every move.
 */
@Injectable()
export class FileTransitionChecks {
  private readonly checks: FileTransitionCheck[] = [];

  /** Returns a function that removes the check. */
  register(check: FileTransitionCheck): () => void {
    this.checks.push(check);
    return () => {
      const index = this.checks.indexOf(check);
      if (index >= 0) {
        this.checks.splice(index, 1);
      }
    };
  }

  async run(manager: EntityManager, transition: FileTransition): Promise<void> {
    for (const check of [...this.checks]) {
      await check(manager, transition);
    }
  }
}
