import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommitJobs } from './after-commit-jobs';
import { ReminderEntity, ReminderStatus } from './entities/reminder.entity';
import { diffPlan, type PlanDiff } from './rules/plan-diff';

/** What a reminder is about: `{type: 'deadline', id}`, `{type: 'consultation', id}`. */
export interface ReminderSubjectRef {
  type: string;
  id: string;
}

/** One reminder a subject should have: unique per (subject, offsetKey, recipient). */
export interface PlannedReminder {
  sendAt: Date;
  /** Which reminder of the subject (see ReminderEntity.offsetKey); stable while the reminder is "the same one". */
  offsetKey: string;
  /** Who gets it, as the subject's handler understands it (a staff user id, a client's email address). */
  recipient: string;
}

export interface SubjectPlan {
  subject: ReminderSubjectRef;
  plan: PlannedReminder[];
}

export interface PlanOutcome {
  inserted: number;
  moved: number;
  rearmed: number;
  cancelled: number;
}

/**
 * Keeps a subject's reminder rows equal to the plan its owner computes, inside the owner's transaction, and
 * their bull jobs in step after that transaction commits.
 */
@Injectable()
export class ReminderPlanner {
  constructor(private readonly jobs: AfterCommitJobs) {}

  /**
   * Replaces the subject's planned reminders by exactly `plan`, inside the caller's transaction (`manager`):
   * - a `scheduled` row whose (offsetKey, recipient) is not in the plan is `cancelled`;
   * - a plan entry with no row is inserted as `scheduled`;
   * - a `scheduled` row whose sendAt differs is moved; a `cancelled` row back in the plan is re-armed;
   * - `sent`, `sending` and `failed` rows are history and are never changed (a sent reminder is not sent again:
   *   put the occurrence in offsetKey, e.g. `30d@2027-01-15`, when a change must remind again).
   * Jobs are added, moved and removed after the transaction commits (nothing happens on rollback); when
   * `manager` is not in a transaction, the planning runs in one of its own. A sendAt in the past means "send now".
   */
  async planForSubject(
    manager: EntityManager,
    subject: ReminderSubjectRef,
    plan: PlannedReminder[],
  ): Promise<void> {
    await this.planForSubjects(manager, [{ subject, plan }]);
  }

  /** Cancels every `scheduled` reminder of the subject (and removes their jobs after commit). */
  async cancelForSubject(manager: EntityManager, subject: ReminderSubjectRef): Promise<void> {
    await this.planForSubjects(manager, [{ subject, plan: [] }]);
  }

  /**
   * planForSubject for many subjects at once, with a fixed number of queries whatever their count: one read
   * (rows locked), one insert, one update for moved/re-armed rows, one for cancelled ones.
   */
  async planForSubjects(
    manager: EntityManager,
    items: SubjectPlan[],
    lockedRows?: ReminderEntity[],
  ): Promise<PlanOutcome> {
    const outcome: PlanOutcome = { inserted: 0, moved: 0, rearmed: 0, cancelled: 0 };
    if (items.length === 0) {
      return outcome;
    }
    if (!manager.queryRunner?.isTransactionActive) {
      // Called outside a transaction: plan in one of its own; the jobs follow its commit.
      return manager.transaction((inner) => this.planForSubjects(inner, items));
    }
    // `lockedRows`: the subjects' rows as the caller already read them with lockRowsOf in this transaction.
    const existing =
      lockedRows ??
      (await this.lockRowsOf(
        manager,
        items.map((i) => i.subject),
      ));
    const diff = diffPlan(items, existing);
    await this.apply(manager, diff, outcome);
    return outcome;
  }

  /** The reminder rows of these subjects (any status), locked for the caller's transaction. */
  async lockRowsOf(manager: EntityManager, subjects: ReminderSubjectRef[]): Promise<ReminderEntity[]> {
    if (subjects.length === 0) {
      return [];
    }
    return manager
      .createQueryBuilder(ReminderEntity, 'r')
      .where(
        '(r.subjectType, r.subjectId) IN (SELECT s.type, s.id FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) AS s(type, id))',
        { types: subjects.map((s) => s.type), ids: subjects.map((s) => s.id) },
      )
      .setLock('pessimistic_write')
      .getMany();
  }

  private async apply(manager: EntityManager, diff: PlanDiff, outcome: PlanOutcome): Promise<void> {
    if (diff.insert.length > 0) {
      const rows: { id: string; send_at: Date }[] = await manager.query(
        `INSERT INTO reminders (subject_type, subject_id, offset_key, recipient, send_at)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         ON CONFLICT (subject_type, subject_id, offset_key, recipient) DO NOTHING
         RETURNING id, send_at`,
        [
          diff.insert.map((r) => r.subjectType),
          diff.insert.map((r) => r.subjectId),
          diff.insert.map((r) => r.offsetKey),
          diff.insert.map((r) => r.recipient),
          diff.insert.map((r) => r.sendAt.toISOString()),
        ],
      );
      outcome.inserted = rows.length;
      await this.jobs.add(
        manager,
        rows.map((r) => ({ id: r.id, sendAt: new Date(r.send_at) })),
      );
    }
    const updates = [...diff.move, ...diff.rearm];
    if (updates.length > 0) {
      const [rows]: [{ id: string; send_at: Date }[], number] = await manager.query(
        `UPDATE reminders r
            SET send_at = v.send_at,
                status = 'scheduled',
                attempts = CASE WHEN r.status = 'cancelled' THEN 0 ELSE r.attempts END,
                last_error = CASE WHEN r.status = 'cancelled' THEN NULL ELSE r.last_error END,
                updated_at = now()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, send_at)
          WHERE r.id = v.id AND r.status IN ('scheduled', 'cancelled')
          RETURNING r.id, r.send_at`,
        [updates.map((u) => u.id), updates.map((u) => u.sendAt.toISOString())],
      );
      outcome.moved = diff.move.length;
      outcome.rearmed = diff.rearm.length;
      await this.jobs.add(
        manager,
        rows.map((r) => ({ id: r.id, sendAt: new Date(r.send_at) })),
        { replace: true },
      );
    }
    if (diff.cancel.length > 0) {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE reminders SET status = $2, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
          RETURNING id`,
        [diff.cancel, ReminderStatus.Cancelled],
      );
      outcome.cancelled = rows.length;
      await this.jobs.remove(
        manager,
        rows.map((r) => r.id),
      );
    }
  }
}
