import { ReminderStatus } from '../entities/reminder.entity';

interface ExistingRow {
  id: string;
  subjectType: string;
  subjectId: string;
  offsetKey: string;
  recipient: string;
  sendAt: Date;
  status: ReminderStatus;
}

interface PlanItem {
  subject: { type: string; id: string };
  plan: { sendAt: Date; offsetKey: string; recipient: string }[];
}

export interface PlanDiff {
  insert: { subjectType: string; subjectId: string; offsetKey: string; recipient: string; sendAt: Date }[];
  /** `scheduled` rows whose send time changes. */
  move: { id: string; sendAt: Date }[];
  /** `cancelled` rows that are planned again (a reopened deadline). */
  rearm: { id: string; sendAt: Date }[];
  /** `scheduled` rows no longer planned. */
  cancel: string[];
}

const keyOf = (type: string, id: string, offsetKey: string, recipient: string) =>
  JSON.stringify([type, id, offsetKey, recipient]);

/**
 * What to change so the subjects' rows equal their plans. Sent, sending and failed rows are history: never
 * moved, never cancelled, never duplicated. A subject listed twice: its last plan wins.
 */
export function diffPlan(items: PlanItem[], existing: ExistingRow[]): PlanDiff {
  const rows = new Map(existing.map((r) => [keyOf(r.subjectType, r.subjectId, r.offsetKey, r.recipient), r]));
  const wanted = new Map<
    string,
    { subjectType: string; subjectId: string; offsetKey: string; recipient: string; sendAt: Date }
  >();
  const subjects = new Set<string>();
  const lastPlan = new Map<string, PlanItem>();
  for (const item of items) {
    lastPlan.set(JSON.stringify([item.subject.type, item.subject.id]), item);
  }
  for (const [subjectKey, item] of lastPlan) {
    subjects.add(subjectKey);
    for (const p of item.plan) {
      wanted.set(keyOf(item.subject.type, item.subject.id, p.offsetKey, p.recipient), {
        subjectType: item.subject.type,
        subjectId: item.subject.id,
        offsetKey: p.offsetKey,
        recipient: p.recipient,
        sendAt: p.sendAt,
      });
    }
  }

  const diff: PlanDiff = { insert: [], move: [], rearm: [], cancel: [] };
  for (const [key, want] of wanted) {
    const row = rows.get(key);
    if (!row) {
      diff.insert.push(want);
    } else if (row.status === ReminderStatus.Scheduled && row.sendAt.getTime() !== want.sendAt.getTime()) {
      diff.move.push({ id: row.id, sendAt: want.sendAt });
    } else if (row.status === ReminderStatus.Cancelled) {
      diff.rearm.push({ id: row.id, sendAt: want.sendAt });
    }
  }
  for (const row of existing) {
    const key = keyOf(row.subjectType, row.subjectId, row.offsetKey, row.recipient);
    if (
      row.status === ReminderStatus.Scheduled &&
      !wanted.has(key) &&
      subjects.has(JSON.stringify([row.subjectType, row.subjectId]))
    ) {
      diff.cancel.push(row.id);
    }
  }
  return diff;
}
