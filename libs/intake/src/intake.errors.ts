import { DomainError } from '@app/shared';

export enum IntakeErrorCode {
  /** No such file of the signed-in client (the portal's 404). */
  FileNotFound = 'INTAKE_FILE_NOT_FOUND',
  /** Submitted answers are read-only to the client until staff reopen them. */
  AlreadySubmitted = 'INTAKE_ALREADY_SUBMITTED',
  /** Reopening or confirming needs submitted answers. */
  NotSubmitted = 'INTAKE_NOT_SUBMITTED',
}

export class IntakeError extends DomainError<IntakeErrorCode> {}
