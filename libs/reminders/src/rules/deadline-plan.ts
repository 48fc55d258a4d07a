import type { PlannedReminder } from '../reminder-planner';
import { addDays, sendInstant } from './send-time';

export interface DeadlinePlanInput {
  dueOn: string;
  /** Days before the due date (the policy's offsets for the deadline's kind). */
  offsets: number[];
  isCompleted: boolean;
  /** Who is reminded before the due date: the assignee (or the file's consultant), and assistants if asked. */
  recipients: string[];
  /** Who is told once when it is overdue (the active admins), or nobody. */
  escalateTo: string[];
  sendHour: number;
  timeZone: string;
  now: Date;
  /** Today in the firm's zone (YYYY-MM-DD). */
  today: string;
  /**
   * The deadline itself changed (created, moved, reopened, reassigned): the nearest offset already past is sent
   * right away. False for a policy re-plan, which only places future reminders.
   */
  catchUp: boolean;
  /** The subject's `scheduled` rows by `offsetKey|recipient` → sendAt: kept as they are. */
  scheduled: Map<string, Date>;
}

export const offsetKeyOf = (days: number, dueOn: string) => `${days}d@${dueOn}`;
export const overdueKeyOf = (dueOn: string) => `overdue@${dueOn}`;
export const scheduledKey = (offsetKey: string, recipient: string) => `${offsetKey}|${recipient}`;

/**
 * The reminders one deadline should have now.
 * - Each offset is sent at the policy's hour, `days` before the due date, in the firm's time zone.
 * - Offsets already past are skipped, except the nearest one when the deadline has just changed (catchUp) and
 *   is not yet overdue: that one is sent right away. A row already scheduled is kept as it is.
 * - Overdue: one escalation per admin the morning after the due date (right away when the deadline changes
 *   into the past).
 * - A completed deadline has no reminders.
 * The due date is part of each offsetKey (`30d@2027-01-15`), so a moved deadline gets fresh reminders while
 * the ones already sent for the old date stay as they were.
 */
export function planDeadlineReminders(input: DeadlinePlanInput): PlannedReminder[] {
  if (input.isCompleted) {
    return [];
  }
  const plan: PlannedReminder[] = [];
  const nowMs = input.now.getTime();
  const days = [...new Set(input.offsets)].sort((a, b) => a - b);
  const timed = days.map((d) => ({
    days: d,
    key: offsetKeyOf(d, input.dueOn),
    sendAt: sendInstant(addDays(input.dueOn, -d), input.sendHour, input.timeZone),
  }));
  const nearestPast = timed.find((t) => t.sendAt.getTime() <= nowMs);
  const notYetOverdue = input.dueOn >= input.today;

  for (const recipient of new Set(input.recipients)) {
    for (const t of timed) {
      const kept = input.scheduled.get(scheduledKey(t.key, recipient));
      if (t.sendAt.getTime() > nowMs) {
        plan.push({ offsetKey: t.key, recipient, sendAt: t.sendAt });
      } else if (kept) {
        plan.push({ offsetKey: t.key, recipient, sendAt: kept });
      } else if (input.catchUp && notYetOverdue && t === nearestPast) {
        plan.push({ offsetKey: t.key, recipient, sendAt: input.now });
      }
    }
  }

  const overdueKey = overdueKeyOf(input.dueOn);
  const escalateAt = sendInstant(addDays(input.dueOn, 1), input.sendHour, input.timeZone);
  for (const recipient of new Set(input.escalateTo)) {
    const kept = input.scheduled.get(scheduledKey(overdueKey, recipient));
    if (escalateAt.getTime() > nowMs) {
      plan.push({ offsetKey: overdueKey, recipient, sendAt: escalateAt });
    } else if (kept) {
      plan.push({ offsetKey: overdueKey, recipient, sendAt: kept });
    } else if (input.catchUp) {
      plan.push({ offsetKey: overdueKey, recipient, sendAt: input.now });
    }
  }
  return plan;
}

/** Parses a deadline reminder's offsetKey: `30d@2027-01-15` → {days: 30, dueOn}; `overdue@...` → {overdue}. */
export function parseDeadlineOffsetKey(
  key: string,
): { days: number; dueOn: string } | { overdue: true; dueOn: string } | null {
  const offset = /^(\d+)d@(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (offset) {
    return { days: Number(offset[1]), dueOn: offset[2] };
  }
  const overdue = /^overdue@(\d{4}-\d{2}-\d{2})$/.exec(key);
  return overdue ? { overdue: true, dueOn: overdue[1] } : null;
}
