import { DomainError } from '@app/shared';

export enum ReminderErrorCode {
  NotFound = 'REMINDER_NOT_FOUND',
  /** Only a `failed` reminder can be retried. */
  NotRetryable = 'REMINDER_NOT_RETRYABLE',
}

export class ReminderError extends DomainError<ReminderErrorCode> {}
