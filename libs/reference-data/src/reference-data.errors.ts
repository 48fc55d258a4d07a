import { CommonErrorCode, DomainError } from '@app/shared';

export enum ReferenceDataErrorCode {
  ExemptionCodeNotFound = 'REFERENCE_EXEMPTION_CODE_NOT_FOUND',
  NocNotFound = 'REFERENCE_NOC_NOT_FOUND',
  Noc2016NotFound = 'REFERENCE_NOC_2016_NOT_FOUND',
}

export class ReferenceDataError extends DomainError<ReferenceDataErrorCode> {}

/** A refused-CMA list whose period runs into a stored later one (409). */
export class RefusedAreasConflictError extends DomainError<CommonErrorCode.Conflict> {
  constructor(message: string) {
    super(CommonErrorCode.Conflict, message);
  }
}
