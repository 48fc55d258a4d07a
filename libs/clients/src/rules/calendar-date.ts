import { DateTime } from 'luxon';

/** The earliest date of birth taken as real. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** The calendar day it is at `now` in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate();
  if (today === null) {
    throw new Error(`Cannot tell the date in time zone ${timeZone}`);
  }
  return today;
}

/** Why a date of birth cannot be right, or null when it can. `today` is `YYYY-MM-DD`. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  if (!isCalendarDate(dateOfBirth)) {
    return 'dateOfBirth must be a date (YYYY-MM-DD)';
  }
  if (dateOfBirth > today) {
    return 'dateOfBirth cannot be in the future';
  }
  if (dateOfBirth < EARLIEST_DATE_OF_BIRTH) {
    return `dateOfBirth cannot be before ${EARLIEST_DATE_OF_BIRTH}`;
  }
  return null;
}
