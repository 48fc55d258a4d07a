import { DateTime } from 'luxon';

/** The calendar day it is at `now` in an IANA time zone, as YYYY-MM-DD. */
export function todayIn(now: Date, zone: string): string {
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  if (day === null) {
    throw new Error(`Unknown time zone ${zone}`);
  }
  return day;
}

/** Overdue: still open and its day has passed in the firm's time zone (due today is not overdue yet). */
export function isOverdue(
  deadline: { dueOn: string; completedAt: Date | null },
  now: Date,
  zone: string,
): boolean {
  return isOverdueOn(deadline, todayIn(now, zone));
}

/** isOverdue with the firm's calendar day already known, for lists (one today for every row). */
export function isOverdueOn(deadline: { dueOn: string; completedAt: Date | null }, today: string): boolean {
  return deadline.completedAt === null && deadline.dueOn < today;
}
