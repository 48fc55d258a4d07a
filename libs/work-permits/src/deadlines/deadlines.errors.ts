import { DomainError } from '@app/shared';

export enum DeadlineErrorCode {
  NotFound = 'DEADLINE_NOT_FOUND',
  /** The file a deadline is asked for does not exist or is not visible to the caller. */
  FileNotFound = 'DEADLINE_FILE_NOT_FOUND',
  /** Key-date deadlines follow the file: they are removed by clearing the file's date. */
  ManagedByFile = 'DEADLINE_MANAGED_BY_FILE',
}

export class DeadlineError extends DomainError<DeadlineErrorCode> {}
