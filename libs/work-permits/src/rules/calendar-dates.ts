import { DateTime } from 'luxon';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    return false;
  }
  return DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** The calendar day it is at `now` in the given IANA time zone (the firm's, for key dates). */
export function calendarDateIn(now: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(now, { zone: timeZone }).toISODate();
  if (date === null) {
    throw new Error(`Cannot read the date in time zone ${timeZone}`);
  }
  return date;
}

/** The calendar year at `now` in the given time zone: 2026-12-31T23:30 in Toronto is still 2026. */
export function calendarYearIn(now: Date, timeZone: string): number {
  return Number(calendarDateIn(now, timeZone).slice(0, 4));
}

/** `date` plus whole months; the day is clamped to the month's end (2026-08-31 + 6 months = 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const result = DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate();
  if (result === null) {
    throw new Error(`${date} is not a calendar date`);
  }
  return result;
}
