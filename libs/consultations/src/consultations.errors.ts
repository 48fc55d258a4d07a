import { DomainError } from '@app/shared';

export enum ConsultationErrorCode {
  NotFound = 'CONSULTATION_NOT_FOUND',
  TypeNotFound = 'CONSULTATION_TYPE_NOT_FOUND',
  ConsultantNotFound = 'CONSULTANT_NOT_FOUND',
  TimeOffNotFound = 'CONSULTANT_TIME_OFF_NOT_FOUND',
  SlotTaken = 'CONSULTATION_SLOT_TAKEN',
  TooLateToChange = 'CONSULTATION_TOO_LATE_TO_CHANGE',
  InvalidStatus = 'CONSULTATION_INVALID_STATUS',
  AlreadyConverted = 'CONSULTATION_ALREADY_CONVERTED',
}

export class ConsultationError extends DomainError<ConsultationErrorCode> {
  static notFound(): ConsultationError {
    return new ConsultationError(ConsultationErrorCode.NotFound, 'No consultation with this id');
  }

  static slotTaken(): ConsultationError {
    return new ConsultationError(
      ConsultationErrorCode.SlotTaken,
      'This time was just booked by someone else; choose another slot',
    );
  }
}
