import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
/** Re-plans ask for the same few (day, hour, zone) over and over; past this many the oldest are forgotten. */
const SEND_INSTANT_CACHE_SIZE = 4_096;
const sendInstants = new Map<string, number>();

/** The instant it is `hour`:00 on calendar day `day` (YYYY-MM-DD) in the IANA zone. The one conversion. */
export function sendInstant(day: string, hour: number, zone: string): Date {
  const key = `${day}|${hour}|${zone}`;
  let at = sendInstants.get(key);
  if (at === undefined) {
    at = zonedInstant(day, hour, zone);
    if (sendInstants.size >= SEND_INSTANT_CACHE_SIZE) {
      sendInstants.delete(sendInstants.keys().next().value as string);
    }
    sendInstants.set(key, at);
  }
  return new Date(at);
}

function zonedInstant(day: string, hour: number, zone: string): number {
  const at = DateTime.fromISO(day, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (!at.isValid) {
    throw new Error(
      `Cannot place ${day} ${hour}:00 in ${zone}: ${at.invalidExplanation ?? at.invalidReason}`,
    );
  }
  return at.toMillis();
}

/** `day` plus `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  const start = utcMidnight(day);
  const result = start === null || !Number.isInteger(days) ? null : formatDay(start + days * DAY_MS);
  return result ?? addDaysWithLuxon(day, days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = utcMidnight(from);
  const end = utcMidnight(to);
  if (start === null || end === null) {
    return daysBetweenWithLuxon(from, to);
  }
  return Math.round((end - start) / DAY_MS);
}

/**
 * Midnight UTC of a plain `YYYY-MM-DD` day (years 1000-9999), or null for anything else: other ISO forms and
 * impossible days (2027-02-30) take the luxon path, which parses (or rejects) them as before.
 */
function utcMidnight(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return null;
  }
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, date);
  const check = new Date(at);
  const valid =
    year >= 1000 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === date;
  return valid ? at : null;
}

/** `YYYY-MM-DD` of a UTC instant; null outside years 1000-9999 (luxon writes those differently). */
function formatDay(at: number): string | null {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) {
    return null;
  }
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function addDaysWithLuxon(day: string, days: number): string {
  const result = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate();
  if (result === null) {
    throw new Error(`Not a calendar day: ${day}`);
  }
  return result;
}

function daysBetweenWithLuxon(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days,
  );
}
