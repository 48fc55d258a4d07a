import { DomainError } from '@app/shared';

export enum WorkPermitErrorCode {
  FileNotFound = 'WORK_PERMIT_FILE_NOT_FOUND',
  InvalidTransition = 'WORK_PERMIT_INVALID_STATUS_TRANSITION',
}

export class WorkPermitError extends DomainError<WorkPermitErrorCode> {
  static notFound(): WorkPermitError {
    return new WorkPermitError(WorkPermitErrorCode.FileNotFound, 'No work-permit file with this id');
  }
}
