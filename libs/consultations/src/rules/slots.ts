import { addFieldError, type FieldErrors } from '@app/shared';
import {
  addDays,
  HOUR,
  localDateOf,
  MINUTE,
  parseWallTime,
  rangeEndInstant,
  rangeStartInstant,
  weekdayOf,
} from './local-time';

/** One range of weekly hours in the consultant's zone: weekday 1 = Monday ... 7 = Sunday, `HH:mm` to `HH:mm`. */
export interface WeeklyRange {
  weekday: number;
  start: string;
  /** May be `24:00` (until midnight). */
  end: string;
}

/** A consultant's booking rules. */
export interface AvailabilityRules {
  /** IANA zone the weekly hours are written in. */
  timezone: string;
  weekly: WeeklyRange[];
  /** Kept free after every consultation. */
  bufferMinutes: number;
  /** How long before its start a slot may still be booked. */
  minNoticeHours: number;
  /** The last bookable day is today (in the consultant's zone) plus this many days. */
  maxDaysAhead: number;
  /** Slots start every this many minutes from the start of each range of hours. */
  slotIntervalMinutes: number;
}

/** A half-open span of time in epoch milliseconds: [from, until). */
export interface TimeSpan {
  from: number;
  until: number;
}

export interface SlotQuery {
  now: Date;
  /** Slots starting at or after this instant... */
  from: Date;
  /** ...and before this one. */
  to: Date;
  durationMinutes: number;
  availability: AvailabilityRules;
  /** What booked consultations hold, their buffer included: [startsAt, endsAt + buffer). */
  booked: TimeSpan[];
  timeOff: TimeSpan[];
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Why an instant is not bookable; `ok` when it is a slot right now. */
export type StartCheck =
  'ok' | 'past' | 'notice' | 'horizon' | 'off_grid' | 'unavailable' | 'time_off' | 'taken';

interface Candidate {
  start: number;
  /** The real span of the range of hours the candidate comes from. */
  range: TimeSpan;
}

/** What a consultation starting at `start` holds in the calendar: its own time plus the buffer after it. */
export function blockedSpan(
  start: Date,
  durationMinutes: number,
  bufferMinutes: number,
): { from: Date; until: Date } {
  return { from: start, until: new Date(start.getTime() + (durationMinutes + bufferMinutes) * MINUTE) };
}

/**
 * Every start on the grid of the consultant's weekly hours, for local days `firstDate` to `lastDate`, with the
 * consultation fitting inside its range. Each range is turned into real time on its own day (so 09:00 means
 * 09:00 on either side of a DST change); the grid runs in real minutes from the start of the range. A
 * spring-forward gap inside a range simply shortens it (its times are skipped); a fall-back repeat lengthens
 * it, and both occurrences of the repeated hour are offered, being two different real hours.
 */
function candidates(
  rules: AvailabilityRules,
  durationMinutes: number,
  firstDate: string,
  lastDate: string,
): Candidate[] {
  const duration = durationMinutes * MINUTE;
  const step = rules.slotIntervalMinutes * MINUTE;
  const found: Candidate[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const range of rules.weekly) {
      if (range.weekday !== weekday) {
        continue;
      }
      const startMinutes = parseWallTime(range.start);
      const endMinutes = parseWallTime(range.end);
      if (startMinutes === null || endMinutes === null || endMinutes <= startMinutes) {
        continue;
      }
      const span = {
        from: rangeStartInstant(date, startMinutes, rules.timezone),
        until: rangeEndInstant(date, endMinutes, rules.timezone),
      };
      for (let start = span.from; start + duration <= span.until; start += step) {
        found.push({ start, range: span });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.filter((c, i) => i === 0 || found[i - 1].start !== c.start);
}

/** Sorted, merged spans a candidate [start, start + duration) must not touch. */
function busySpans(booked: TimeSpan[], timeOff: TimeSpan[], bufferMinutes: number): TimeSpan[] {
  const buffer = bufferMinutes * MINUTE;
  // The new consultation's own buffer follows it: [s, e + buffer) must miss [b.from, b.until),
  // which is the same as [s, e) missing [b.from - buffer, b.until).
  const spans = [...booked.map((b) => ({ from: b.from - buffer, until: b.until })), ...timeOff]
    .filter((s) => s.until > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: TimeSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.until) {
      last.until = Math.max(last.until, span.until);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Removes the candidates that overlap a busy span; both lists ascending. */
function withoutBusy(starts: number[], duration: number, busy: TimeSpan[]): number[] {
  const free: number[] = [];
  let i = 0;
  for (const start of starts) {
    while (i < busy.length && busy[i].until <= start) {
      i += 1;
    }
    if (i < busy.length && busy[i].from < start + duration) {
      continue;
    }
    free.push(start);
  }
  return free;
}

/** The earliest start allowed at `now`, and the last local day one may book. */
function bookingWindow(now: Date, rules: AvailabilityRules): { earliest: number; lastDate: string } {
  return {
    earliest: now.getTime() + rules.minNoticeHours * HOUR,
    lastDate: addDays(localDateOf(now.getTime(), rules.timezone), rules.maxDaysAhead),
  };
}

/**
 * The bookable slots of one consultant between `from` and `to`: on the grid, inside the weekly hours,
 * outside time off and other consultations (with the buffer), after the minimum notice and within the
 * horizon. Ascending by start.
 */
export function computeSlots(query: SlotQuery): Slot[] {
  const { availability: rules } = query;
  const { earliest, lastDate } = bookingWindow(query.now, rules);
  const from = Math.max(query.from.getTime(), earliest);
  const to = query.to.getTime();
  if (from >= to || rules.weekly.length === 0) {
    return [];
  }
  const firstDate = addDays(localDateOf(from, rules.timezone), -1);
  const toDate = addDays(localDateOf(to, rules.timezone), 1);
  const last = toDate < lastDate ? toDate : lastDate;
  const duration = query.durationMinutes * MINUTE;
  const starts = candidates(rules, query.durationMinutes, firstDate, last)
    .map((c) => c.start)
    .filter((start) => start >= from && start < to);
  return withoutBusy(starts, duration, busySpans(query.booked, query.timeOff, rules.bufferMinutes)).map(
    (start) => ({
      startsAt: new Date(start),
      endsAt: new Date(start + duration),
    }),
  );
}

/**
 * Whether `start` is a slot right now, and if not, the first reason it is not (in the order a person would
 * fix them: the past, the notice, the horizon, the grid, the hours, time off, another consultation).
 */
export function checkStart(query: Omit<SlotQuery, 'from' | 'to'> & { start: Date }): StartCheck {
  const { availability: rules } = query;
  const start = query.start.getTime();
  const { earliest, lastDate } = bookingWindow(query.now, rules);
  if (start < query.now.getTime()) {
    return 'past';
  }
  if (start < earliest) {
    return 'notice';
  }
  const date = localDateOf(start, rules.timezone);
  if (date > lastDate) {
    return 'horizon';
  }
  const duration = query.durationMinutes * MINUTE;
  const around = candidates(rules, query.durationMinutes, addDays(date, -1), addDays(date, 1));
  if (!around.some((c) => c.start === start)) {
    const insideHours = around.some((c) => start >= c.range.from && start + duration <= c.range.until);
    return insideHours ? 'off_grid' : 'unavailable';
  }
  if (withoutBusy([start], duration, busySpans([], query.timeOff, 0)).length === 0) {
    return 'time_off';
  }
  if (withoutBusy([start], duration, busySpans(query.booked, [], rules.bufferMinutes)).length === 0) {
    return 'taken';
  }
  return 'ok';
}

/** Problems with a set of weekly ranges, keyed by request path as the validation pipe writes it (`weekly.2.end`). */
export function weeklyRangeProblems(weekly: WeeklyRange[]): Record<string, string[]> {
  const problems: FieldErrors = {};
  const parsed = weekly.map((range, index) => {
    const start = parseWallTime(range.start);
    const end = parseWallTime(range.end);
    if (start === null || start >= 24 * 60) {
      problems[`weekly.${index}.start`] = ['start must be a time HH:mm between 00:00 and 23:59'];
    }
    if (end === null) {
      problems[`weekly.${index}.end`] = ['end must be a time HH:mm between 00:01 and 24:00'];
    } else if (start !== null && end <= start) {
      problems[`weekly.${index}.end`] = ['end must be after start'];
    }
    return { index, weekday: range.weekday, start, end };
  });
  for (const a of parsed) {
    for (const b of parsed) {
      if (
        a.index < b.index &&
        a.weekday === b.weekday &&
        a.start !== null &&
        a.end !== null &&
        b.start !== null &&
        b.end !== null &&
        a.start < b.end &&
        b.start < a.end
      ) {
        addFieldError(problems, `weekly.${b.index}`, `overlaps weekly.${a.index} on the same weekday`);
      }
    }
  }
  return problems;
}
