import { DateTime } from 'luxon';
import type { Slot } from './slots';

export interface ConsultantSlots {
  consultantId: string;
  slots: Slot[];
  /** Start instants (ms) of the consultant's booked consultations around the window. */
  bookedStarts: number[];
}

export interface AssignedSlot extends Slot {
  consultantId: string;
}

/** The Monday that starts the week of an instant, in `zone` (the firm's), as YYYY-MM-DD. */
export function weekOf(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).startOf('week').toISODate() as string;
}

/**
 * weekOf for many instants: each week's bounds are computed once, then instants are matched against them
 * (a 30-day answer for 20 consultants asks for thousands of instants over a handful of weeks).
 */
export function weekKeys(zone: string): (ms: number) => string {
  const weeks: { start: number; end: number; key: string }[] = [];
  return (ms) => {
    for (const week of weeks) {
      if (ms >= week.start && ms < week.end) {
        return week.key;
      }
    }
    const start = DateTime.fromMillis(ms, { zone }).startOf('week');
    const week = {
      start: start.toMillis(),
      end: start.plus({ weeks: 1 }).toMillis(),
      key: start.toISODate() as string,
    };
    weeks.push(week);
    return week.key;
  };
}

/**
 * "Any consultant": one slot per start time, given to the consultant free then who has the fewest booked
 * consultations in that week (firm time zone); ties go to the lowest consultant id, so the answer is the
 * same for everyone asking and for the booking that follows. Ascending by start.
 */
export function assignFairly(consultants: ConsultantSlots[], zone: string): AssignedSlot[] {
  const weekOf = weekKeys(zone);
  const best = new Map<number, { slot: Slot; consultantId: string; load: number }>();
  for (const c of consultants) {
    // This consultant's booked consultations per week: looked up once per slot, so no key is built per slot.
    const load = new Map<string, number>();
    for (const start of c.bookedStarts) {
      const week = weekOf(start);
      load.set(week, (load.get(week) ?? 0) + 1);
    }
    for (const slot of c.slots) {
      const start = slot.startsAt.getTime();
      const mine = load.get(weekOf(start)) ?? 0;
      const current = best.get(start);
      if (
        !current ||
        mine < current.load ||
        (mine === current.load && c.consultantId < current.consultantId)
      ) {
        best.set(start, { slot, consultantId: c.consultantId, load: mine });
      }
    }
  }
  return [...best.values()]
    .sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime())
    .map(({ slot, consultantId }) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt, consultantId }));
}

/**
 * The order in which to try consultants for a booking at one start with no consultant chosen: the fairest
 * first (as assignFairly), then the others, so a booking that loses a race to one consultant can go to the next.
 */
export function rankConsultants(
  candidates: { consultantId: string; bookedStarts: number[] }[],
  start: number,
  zone: string,
): string[] {
  const weekOfInstant = weekKeys(zone);
  const week = weekOfInstant(start);
  return candidates
    .map((c) => ({
      id: c.consultantId,
      load: c.bookedStarts.filter((s) => weekOfInstant(s) === week).length,
    }))
    .sort((a, b) => a.load - b.load || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.id);
}
