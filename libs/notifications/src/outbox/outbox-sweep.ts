import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/shared';
import { EmailQueue } from './email-queue';
import { EmailsRepository } from './emails.repository';

export interface OutboxSweepOutcome {
  /** `pending` rows whose job was missing (lost between COMMIT and Redis, an emptied Redis): job added again. */
  requeued: number;
  /** `sending` rows past their acknowledgement window whose job no live worker holds: `pending` again, queued. */
  reclaimed: number;
}

/** What the lost-jobs check found: of the first `checked` pending emails, `lost` have no job in Redis. */
export interface LostEmailJobs {
  checked: number;
  lost: number;
  /** When the oldest lost one was written. */
  firstLostCreatedAt: Date | null;
}

const BATCH = 1000;
/** A row written (or taken back) this recently may be between its COMMIT and its job: not counted as lost. */
const SETTLE_MS = 2000;

/**
 * Makes every outbox row end `sent`, `failed` or be picked up again: re-adds the job of every `pending` row that
 * has none (delayed to its next try), and takes back rows left `sending` by a killed process or an unknown
 * outcome once their acknowledgement window (`next_attempt_at`) has passed, unless a live worker holds their
 * job (it is still recording the outcome). Safe in several workers at once: adds are idempotent (jobId = row
 * id) and every change is conditional.
 */
@Injectable()
export class OutboxSweep {
  private readonly logger = new Logger('OutboxSweep');

  constructor(
    private readonly emails: EmailsRepository,
    private readonly queue: EmailQueue,
    private readonly clock: Clock,
  ) {}

  /** Throws when Redis is not connected: there is nothing to restore jobs into (the next sweep will). */
  async run(): Promise<OutboxSweepOutcome> {
    if (!(await this.queue.connected())) {
      throw new Error('Redis is not connected');
    }
    const outcome: OutboxSweepOutcome = { requeued: 0, reclaimed: 0 };
    await this.reclaimSending(outcome);
    await this.requeueMissing(outcome);
    if (outcome.requeued + outcome.reclaimed > 0) {
      this.logger.log(
        `Outbox sweep: ${outcome.requeued} email job(s) restored, ${outcome.reclaimed} unconfirmed email(s) queued again`,
      );
    }
    return outcome;
  }

  /**
   * For the worker's /health: the first `sample` `pending` emails, oldest first, checked for their job. After
   * Redis was emptied or was down while emails were written, they lack one until the next sweep.
   */
  async findLostJobs(sample = 200): Promise<LostEmailJobs> {
    const rows = await this.emails.listPendingWrittenBefore(new Date(Date.now() - SETTLE_MS), sample);
    const missing = new Set(await this.queue.missing(rows.map((r) => r.id)));
    const lost = rows.filter((r) => missing.has(r.id));
    return { checked: rows.length, lost: lost.length, firstLostCreatedAt: lost[0]?.created_at ?? null };
  }

  private async reclaimSending(outcome: OutboxSweepOutcome): Promise<void> {
    const now = this.clock.now();
    const rows = await this.emails.listSendingPastWindow(now, BATCH);
    if (rows.length === 0) {
      return;
    }
    const held = await this.queue.locked(rows.map((r) => r.id));
    for (const row of rows.filter((r) => !held.has(r.id))) {
      if (await this.emails.takeBackSending(row)) {
        this.logger.warn(
          `Email ${row.id}: no confirmation since ${row.claimed_at.toISOString()}; sending it again with the same Message-ID`,
        );
        await this.queue.remove(row.id);
        await this.queue.schedule([{ id: row.id }]);
        outcome.reclaimed += 1;
      }
    }
  }

  private async requeueMissing(outcome: OutboxSweepOutcome): Promise<void> {
    let after: { createdAt: Date; id: string } | null = null;
    const now = this.clock.now().getTime();
    for (;;) {
      const rows = await this.emails.listPendingAfter(after, BATCH);
      if (rows.length === 0) {
        return;
      }
      const missing = new Set(await this.queue.missing(rows.map((r) => r.id)));
      const refs = rows
        .filter((r) => missing.has(r.id))
        .map((r) => ({ id: r.id, delayMs: r.next_attempt_at ? r.next_attempt_at.getTime() - now : 0 }));
      await this.queue.schedule(refs);
      outcome.requeued += refs.length;
      const last = rows[rows.length - 1];
      after = { createdAt: last.created_at, id: last.id };
    }
  }
}
