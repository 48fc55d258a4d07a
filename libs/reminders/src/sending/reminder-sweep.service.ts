import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EmailStatus, MailService } from '@app/notifications';
import { Clock } from '@app/shared';
import { DeadlineDigests } from '../digests/deadline-digests.service';
import { ReminderStatus } from '../entities/reminder.entity';
import { ReminderQueue } from '../reminder-queue';
import { REMINDER_EMAIL_RELATION } from './reminder-email-outcomes';
import { ReminderSendingRepository, type ScheduledCursor } from './reminder-sending.repository';

export interface SweepOutcome {
  /** `scheduled` rows whose job was missing and was added again. */
  requeued: number;
  /** Rows stuck in `sending` whose email had gone out: marked `sent`. */
  recoveredSent: number;
  /** Rows stuck in `sending` whose email had ended `failed`: marked `failed`. */
  recoveredFailed: number;
  /** Rows stuck in `sending` whose email had not gone out: back to `scheduled` with a job. */
  recoveredToSend: number;
  digestsPlanned: number;
}

const BATCH = 1000;
/** Rows changed this recently are left out of the lost-jobs check: their job is being written after the commit. */
const SETTLE_MS = 2000;
/** One sweep at a time per database, across every worker process (a session-level PostgreSQL advisory lock). */
const SWEEP_LOCK = 'permitdesk:reminder-sweep';

/** What the lost-jobs check found: of the first `checked` scheduled rows, `lost` have no job in Redis. */
export interface LostJobs {
  checked: number;
  lost: number;
  /** The earliest send time among the lost ones. */
  firstLostSendAt: Date | null;
}

/**
 * The safety net that makes Redis disposable: every `scheduled` row gets its job back, rows left in `sending`
 * by a killed worker are settled from the outbox, and the next daily digests are planned.
 * Safe to run in several workers at once: adds are idempotent (jobId = row id) and every recovery is a
 * conditional update; `runExclusive` still keeps two workers from doing the same work at the same moment.
 */
@Injectable()
export class ReminderSweep {
  private readonly logger = new Logger('ReminderSweep');

  constructor(
    private readonly reminders: ReminderSendingRepository,
    private readonly queue: ReminderQueue,
    private readonly mail: MailService,
    private readonly digests: DeadlineDigests,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Runs `work` (a sweep) unless another process holds the sweep lock of this database, in which case it returns
   * null at once. The lock is a session-level PostgreSQL advisory lock on a connection of its own: a worker that
   * dies mid-sweep releases it with its connection.
   */
  runExclusive<T>(work: () => Promise<T>): Promise<T | null> {
    return this.reminders.runWithSessionLock(SWEEP_LOCK, work);
  }

  /** Throws when Redis is not connected: there is nothing to restore jobs into (the next sweep will). */
  async run(): Promise<SweepOutcome> {
    if (!this.queue.isConnected()) {
      throw new Error('Redis is not connected');
    }
    const outcome: SweepOutcome = {
      requeued: 0,
      recoveredSent: 0,
      recoveredFailed: 0,
      recoveredToSend: 0,
      digestsPlanned: 0,
    };
    outcome.digestsPlanned = await this.digests.planUpcoming();
    await this.recoverStuck(outcome);
    await this.requeueMissing(outcome);
    if (outcome.requeued + outcome.recoveredSent + outcome.recoveredToSend > 0) {
      this.logger.log(
        `Sweep: ${outcome.requeued} job(s) restored, ${outcome.recoveredSent} stuck reminder(s) found sent, ` +
          `${outcome.recoveredToSend} to send again`,
      );
    }
    return outcome;
  }

  /**
   * Whether Redis lost jobs: the first `sample` `scheduled` rows by send time (due ones first), left alone for a
   * few seconds, checked for their job. After Redis was emptied or restarted without persistence they all lack
   * one until the next sweep.
   */
  async findLostJobs(sample = 200): Promise<LostJobs> {
    const rows = await this.reminders.listSettledScheduled(sample, SETTLE_MS / 1000);
    const missing = new Set(await this.queue.missing(rows.map((r) => r.id)));
    const lost = rows.filter((r) => missing.has(r.id));
    return { checked: rows.length, lost: lost.length, firstLostSendAt: lost[0]?.sendAt ?? null };
  }

  /** Every `scheduled` row, in (send_at, id) batches: one EXISTS pipeline per batch, one addBulk for the missing. */
  private async requeueMissing(outcome: SweepOutcome): Promise<void> {
    let after: ScheduledCursor | null = null;
    for (;;) {
      const rows = await this.reminders.listScheduledAfter(after, BATCH);
      if (rows.length === 0) {
        return;
      }
      const missing = new Set(await this.queue.missing(rows.map((r) => r.id)));
      const refs = rows.filter((r) => missing.has(r.id)).map((r) => ({ id: r.id, sendAt: r.sendAt }));
      await this.queue.schedule(refs);
      outcome.requeued += refs.length;
      after = rows[rows.length - 1].cursor;
    }
  }

  /**
   * A row in `sending` claimed longer than REMINDER_SENDING_TIMEOUT_MS ago whose job no live worker holds (its
   * lock expired), and whose email is not waiting in the outbox, was abandoned mid-way or its outcome was not
   * recorded on it. Its email in the outbox decides: `sent` (or logged) makes it `sent` with the Message-ID,
   * `failed` makes it `failed` with the reason; with no email, nothing was handed over: back to `scheduled`, rendered
   * again. Rows whose email is `pending` or `sending` are the outbox's to finish and are left alone.
   */
  private async recoverStuck(outcome: SweepOutcome): Promise<void> {
    const before = new Date(this.clock.now().getTime() - this.config.reminders.sendingTimeoutMs);
    const stuck = await this.reminders.listStuckSending(
      before,
      REMINDER_EMAIL_RELATION,
      [EmailStatus.Pending, EmailStatus.Sending],
      BATCH,
    );
    if (stuck.length === 0) {
      return;
    }
    const held = await this.queue.isLocked(stuck.map((r) => r.id));
    const abandoned = stuck.filter((r) => !held.has(r.id));
    const delivered = await this.mail.findByRelated(
      REMINDER_EMAIL_RELATION,
      abandoned.map((r) => r.id),
    );
    const emailOf = new Map<string, (typeof delivered)[number]>();
    for (const email of delivered) {
      if (email.relatedId && !emailOf.has(email.relatedId)) {
        emailOf.set(email.relatedId, email);
      }
    }
    const toSend: { id: string; sendAt: Date }[] = [];
    for (const row of abandoned) {
      const email = emailOf.get(row.id);
      if (email?.status === EmailStatus.Failed) {
        outcome.recoveredFailed += await this.reminders.settleStuck(row, {
          status: ReminderStatus.Failed,
          claimedAt: null,
          lastError: email.error ?? 'Its email failed',
        });
      } else if (email && email.status !== EmailStatus.Sent && email.status !== EmailStatus.Logged) {
        // Written (or taken back) by the outbox since the query above: the outbox finishes it.
        continue;
      } else if (email) {
        outcome.recoveredSent += await this.reminders.settleStuck(row, {
          status: ReminderStatus.Sent,
          sentAt: email.sentAt ?? email.createdAt,
          messageId: email.messageId,
          lastError: null,
        });
      } else {
        const affected = await this.reminders.settleStuck(row, {
          status: ReminderStatus.Scheduled,
          claimedAt: null,
          lastError: 'Recovered after the worker stopped mid-send',
        });
        if (affected) {
          toSend.push({ id: row.id, sendAt: row.sendAt });
        }
      }
    }
    await this.queue.schedule(toSend, { replace: true });
    outcome.recoveredToSend += toSend.length;
  }
}
