import { DomainError } from '@app/shared';

export enum ConsultationErrorCode {
  NotFound = 'CONSULTATION_NOT_FOUND',
  TypeNotFound = 'CONSULTATION_TYPE_NOT_FOUND',
  ConsultantNotFound = 'CONSULTANT_NOT_FOUND',
  CalendarFeedNotFound = 'CALENDAR_FEED_NOT_FOUND',
  TimeOffNotFound = 'CONSULTANT_TIME_OFF_NOT_FOUND',
  SlotTaken = 'CONSULTATION_SLOT_TAKEN',
  TooLateToChange = 'CONSULTATION_TOO_LATE_TO_CHANGE',
  InvalidStatus = 'CONSULTATION_INVALID_STATUS',
  AlreadyConverted = 'CONSULTATION_ALREADY_CONVERTED',
  /** One email address already has as many open future bookings as a public booking may add to (409). */
  BookingLimitPerEmail = 'CONSULTATION_BOOKING_LIMIT_PER_EMAIL',
  /** One client address has made as many public bookings this hour as allowed (429). */
  BookingLimitPerAddress = 'CONSULTATION_BOOKING_LIMIT_PER_ADDRESS',
  /** The booking was not confirmed by email within its hold; its time was released (409). */
  ConfirmationExpired = 'CONSULTATION_CONFIRMATION_EXPIRED',
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
