import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommitJobs } from './after-commit-jobs';
import type { ReminderEntity } from './entities/reminder.entity';
import { RemindersRepository } from './reminders.repository';
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
  constructor(
    private readonly jobs: AfterCommitJobs,
    private readonly reminders: RemindersRepository,
  ) {}

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
      (await this.reminders.lockRowsOf(
        items.map((i) => i.subject),
        manager,
      ));
    const diff = diffPlan(items, existing);
    await this.apply(manager, diff, outcome);
    return outcome;
  }

  /** The reminder rows of these subjects (any status), locked for the caller's transaction. */
  lockRowsOf(manager: EntityManager, subjects: ReminderSubjectRef[]): Promise<ReminderEntity[]> {
    return this.reminders.lockRowsOf(subjects, manager);
  }

  private async apply(manager: EntityManager, diff: PlanDiff, outcome: PlanOutcome): Promise<void> {
    if (diff.insert.length > 0) {
      const rows = await this.reminders.insertScheduled(diff.insert, manager);
      outcome.inserted = rows.length;
      await this.jobs.add(
        manager,
        rows.map((r) => ({ id: r.id, sendAt: new Date(r.send_at) })),
      );
    }
    const updates = [...diff.move, ...diff.rearm];
    if (updates.length > 0) {
      const rows = await this.reminders.reschedule(updates, manager);
      outcome.moved = diff.move.length;
      outcome.rearmed = diff.rearm.length;
      await this.jobs.add(
        manager,
        rows.map((r) => ({ id: r.id, sendAt: new Date(r.send_at) })),
        { replace: true },
      );
    }
    if (diff.cancel.length > 0) {
      const ids = await this.reminders.cancelScheduled(diff.cancel, manager);
      outcome.cancelled = ids.length;
      await this.jobs.remove(manager, ids);
    }
  }
}
