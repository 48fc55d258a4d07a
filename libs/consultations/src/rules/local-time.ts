import { DateTime } from 'luxon';

/**
 * Wall-clock times in an IANA zone and the instants they name. The one place where consultation times cross
 * between a consultant's local day and UTC; everything else works on instants (epoch milliseconds).
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const QUARTER_HOUR = 15 * MINUTE;
/** Zone -> quarter hour (ms / 15 min) -> UTC offset in minutes. */
const offsetCache = new Map<string, Map<number, number>>();
let offsetsCached = 0;

/**
 * The zone's UTC offset at an instant. Cached per zone and quarter hour: zones change offset only on quarter
 * hours, and asking luxon (Intl) is the costliest step of a slot list. Keyed by number within a zone, not by a
 * string built per call: a 30-day answer for 20 consultants asks tens of thousands of times.
 */
function offsetMinutes(ms: number, zone: string): number {
  let byQuarter = offsetCache.get(zone);
  if (byQuarter === undefined) {
    byQuarter = new Map();
    offsetCache.set(zone, byQuarter);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    if (offsetsCached >= 100_000) {
      offsetCache.clear();
      offsetsCached = 0;
      byQuarter = new Map();
      offsetCache.set(zone, byQuarter);
    }
    offset = DateTime.fromMillis(ms, { zone }).offset;
    byQuarter.set(quarter, offset);
    offsetsCached += 1;
  }
  return offset;
}

/** `cache`'s value for `key`, computed once; the cache is emptied when it holds `limit` entries. */
function memo<K, V>(cache: Map<K, V>, key: K, limit: number, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) {
      cache.clear();
    }
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

/** YYYY-MM-DD -> its midnight as epoch milliseconds in UTC (the same few dates come back on every slot list). */
const utcMidnights = new Map<string, number>();

function utcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function wallMillis(date: string, minutes: number): number {
  return memo(utcMidnights, date, 10_000, utcMidnight) + minutes * MINUTE;
}

/**
 * Every instant at which the wall clock in `zone` reads `minutes` after the midnight that starts `date`
 * (YYYY-MM-DD), ascending: none when a spring-forward gap skips that time, two when a fall-back repeats it.
 * `minutes` may be 1440 (24:00, the next midnight).
 */
export function instantsOfWallTime(date: string, minutes: number, zone: string): number[] {
  const wall = wallMillis(date, minutes);
  const offsets = new Set([
    offsetMinutes(wall - DAY, zone),
    offsetMinutes(wall, zone),
    offsetMinutes(wall + DAY, zone),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE;
    if (offsetMinutes(instant, zone) === offset) {
      found.add(instant);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The instant the clocks jump forward across a wall time that does not exist (found by bisection). */
function endOfGap(date: string, minutes: number, zone: string): number {
  const wall = wallMillis(date, minutes);
  const before = offsetMinutes(wall - DAY, zone);
  const after = offsetMinutes(wall + DAY, zone);
  let lo = wall - after * MINUTE; // still on the old offset: the wall clock reads earlier than `minutes`
  let hi = wall - before * MINUTE; // already on the new offset: the wall clock reads later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(mid, zone) === before) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}

/**
 * Where a range of local hours starts in real time: the first moment the wall clock reads `minutes` (the
 * earlier of two in a repeated hour), or, when a spring-forward gap skips that time, the moment the clocks
 * jump past it.
 */
export function rangeStartInstant(date: string, minutes: number, zone: string): number {
  const instants = instantsOfWallTime(date, minutes, zone);
  return instants.length > 0 ? instants[0] : endOfGap(date, minutes, zone);
}

/**
 * Where a range of local hours ends in real time: the last moment the wall clock reads `minutes` (the later
 * of two in a repeated hour, so both occurrences of a repeated hour are inside the range), or the jump when a
 * gap skips that time.
 */
export function rangeEndInstant(date: string, minutes: number, zone: string): number {
  const instants = instantsOfWallTime(date, minutes, zone);
  return instants.length > 0 ? instants[instants.length - 1] : endOfGap(date, minutes, zone);
}

// Calendar days are plain arithmetic on UTC dates: they run per day and consultant in every slot list.

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  return new Date(ms + offsetMinutes(ms, zone) * MINUTE).toISOString().slice(0, 10);
}

/** `${date}|${days}` -> addDays(date, days): a slot list steps through the same days for every consultant. */
const daysAfter = new Map<string, string>();

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return memo(daysAfter, `${date}|${days}`, 10_000, () =>
    new Date(wallMillis(date, 0) + days * DAY).toISOString().slice(0, 10),
  );
}

/** ISO weekday of a calendar day: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(wallMillis(date, 0)).getUTCDay() + 6) % 7) + 1;
}

/** The instant as local ISO 8601 with its offset in `zone`, e.g. `2026-12-01T22:30:00+05:30`. */
export function toLocalIso(ms: number, zone: string): string {
  const offset = offsetMinutes(ms, zone);
  if (offset === 0 || ms % 1000 !== 0) {
    // luxon decides between `Z` and `+00:00` by the kind of zone, and formats milliseconds.
    return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string;
  }
  return `${new Date(ms + offset * MINUTE).toISOString().slice(0, 19)}${offsetSuffix(offset)}`;
}

/** UTC offset in minutes -> `+05:30` / `-07:00` (a few dozen exist). */
const offsetSuffixes = new Map<number, string>();

function formatOffset(offset: number): string {
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

function offsetSuffix(offset: number): string {
  return memo(offsetSuffixes, offset, 1_000, formatOffset);
}

/** The first instant of a calendar day in `zone` (midnight, or the end of a gap that skips it). */
export function startOfLocalDay(date: string, zone: string): number {
  return rangeStartInstant(date, 0, zone);
}

/** `HH:mm` (00:00 to 24:00) as minutes after midnight, or null when malformed. */
export function parseWallTime(value: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) {
    return null;
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 instant with its offset (`2026-12-01T17:00:00Z`, `...-05:00`) naming a real moment. */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value, { setZone: true }).isValid
  );
}

/** A calendar day `YYYY-MM-DD` that exists. */
export function isDay(value: unknown): value is string {
  return (
    typeof value === 'string' && DAY_ONLY.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid
  );
}

/**
 * A range bound given as an instant or as a calendar day in `zone`: a day as `from` means its first moment,
 * as `to` (inclusive) the first moment of the next day.
 */
export function parseBound(value: string, zone: string, edge: 'from' | 'to'): Date {
  if (isDay(value)) {
    return new Date(startOfLocalDay(edge === 'from' ? value : addDays(value, 1), zone));
  }
  return new Date(DateTime.fromISO(value, { setZone: true }).toMillis());
}
