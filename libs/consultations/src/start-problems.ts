import { ValidationFailedError } from '@app/shared';
import { ConsultationError } from './consultations.errors';
import type { ConsultantSchedule } from './schedule-rows';
import { checkStart, type AvailabilityRules, type StartCheck } from './rules/slots';

/** The order in which reasons are reported when no consultant can take a start: the closest to bookable first. */
const CLOSEST_FIRST: StartCheck[] = [
  'ok',
  'taken',
  'time_off',
  'off_grid',
  'unavailable',
  'horizon',
  'notice',
  'past',
];

/** Whether a consultation of this length may start at `start` in the consultant's schedule. */
export function checkScheduleStart(
  schedule: ConsultantSchedule,
  start: Date,
  durationMinutes: number,
  now: Date,
): StartCheck {
  return checkStart({
    now,
    start,
    durationMinutes,
    availability: schedule.rules,
    booked: schedule.booked,
    timeOff: schedule.timeOff,
  });
}

export function closestReason(reasons: StartCheck[]): StartCheck {
  return CLOSEST_FIRST.find((reason) => reasons.includes(reason)) ?? 'unavailable';
}

/**
 * Turns why a start is not a slot into the error the caller gets: a 400 naming `field` for anything the
 * client can fix by choosing another time, a 409 when someone else has just taken it.
 */
export function startProblem(
  reason: Exclude<StartCheck, 'ok'>,
  rules: AvailabilityRules | null,
  field = 'startsAt',
): Error {
  switch (reason) {
    case 'taken':
      return ConsultationError.slotTaken();
    case 'past':
      return ValidationFailedError.field(field, `${field} is in the past`);
    case 'notice':
      return ValidationFailedError.field(
        field,
        `${field} must be at least ${rules?.minNoticeHours ?? 0} hours from now`,
      );
    case 'horizon':
      return ValidationFailedError.field(
        field,
        `${field} is more than ${rules?.maxDaysAhead ?? 0} days ahead; bookings are not open yet`,
      );
    case 'off_grid':
      return ValidationFailedError.field(
        field,
        `${field} is not on the slot grid (every ${rules?.slotIntervalMinutes ?? 0} minutes); pick a time from /api/public/slots`,
      );
    case 'time_off':
      return ValidationFailedError.field(field, `${field} falls in the consultant's time off`);
    case 'unavailable':
      return ValidationFailedError.field(field, `${field} is outside the consultant's available hours`);
  }
}
