import { DomainError } from '@app/shared';

export enum AgreementErrorCode {
  NotFound = 'AGREEMENT_NOT_FOUND',
  /** A file cannot leave intake without a signed service agreement (or an admin's override). */
  Required = 'AGREEMENT_REQUIRED',
  /** Sending needs the s.24(2) preconditions recorded on the file and the client's email. */
  PreconditionsMissing = 'AGREEMENT_PRECONDITIONS_MISSING',
  /** The preconditions changed after the draft was made: make a new draft so the text carries them. */
  DraftOutdated = 'AGREEMENT_DRAFT_OUTDATED',
  /** The step does not apply to the agreement's status (sending a signed one, countersigning an unsigned one). */
  InvalidState = 'AGREEMENT_INVALID_STATE',
}

export class AgreementError extends DomainError<AgreementErrorCode> {
  static notFound(): AgreementError {
    return new AgreementError(AgreementErrorCode.NotFound, 'No service agreement with this id');
  }
}
