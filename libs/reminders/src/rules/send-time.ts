import { DateTime } from 'luxon';

/** The instant it is `hour`:00 on calendar day `day` (YYYY-MM-DD) in the IANA zone. The one conversion. */
export function sendInstant(day: string, hour: number, zone: string): Date {
  const at = DateTime.fromISO(day, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (!at.isValid) {
    throw new Error(`Cannot place ${day} ${hour}:00 in ${zone}: ${at.invalidExplanation ?? at.invalidReason}`);
  }
  return at.toJSDate();
}

/** `day` plus `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  const result = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate();
  if (result === null) {
    throw new Error(`Not a calendar day: ${day}`);
  }
  return result;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}
