import { InjectQueue } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@app/config';
import { BookingService } from '@app/consultations';
import { DocumentsService, ORPHAN_AGE_MS } from '@app/documents';
import { EMAILS_QUEUE, OutboxSweep, type OutboxSweepOutcome } from '@app/notifications';
import type { Queue } from 'bull';
import { ReminderSweep, REMINDERS_QUEUE, type SweepOutcome } from '@app/reminders';

/** What the worker's /health reads about the sweeps. */
export interface SweepState {
  /** When this worker last finished a sweep, or found another worker sweeping. */
  lastSweepAt: Date | null;
  lastOutcome: SweepOutcome | null;
  /** What the outbox sweep did in that sweep (lost email jobs restored, unconfirmed sends taken back). */
  lastEmailOutcome: OutboxSweepOutcome | null;
  /** Why the last sweep failed (Redis or PostgreSQL down), null once one succeeds. */
  lastError: string | null;
  startedAt: Date;
}

/**
 * Runs the reminder sweep, then the outbox sweep (lost email jobs, unconfirmed sends past their window), every
 * REMINDER_SWEEP_MS from a timer in the worker process, and once at start. The
 * schedule lives here, not in Redis: emptying Redis (FLUSHALL, a restart without persistence) cannot stop it, and
 * the first sweep after Redis is back restores every missing job. A sweep also runs as soon as the queue reconnects
 * to Redis (after a restart or an outage), not a whole period later.
 * One sweep at a time: in this process a call while one runs joins it, and across processes ReminderSweep's
 * advisory lock lets one worker sweep while the others skip that turn. A failing sweep (Redis or PostgreSQL down)
 * is logged once per outage and tried again on the next tick. At most once per ORPHAN_AGE_MS the same turn also
 * removes stored document objects that no document names (left by a crash between storing and recording).
 */
@Injectable()
export class ReminderSweepTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepOutcome | null> | null = null;
  private stopped = false;
  private again = false;
  private lastOrphanSweepAt = 0;
  readonly state: SweepState = {
    lastSweepAt: null,
    lastOutcome: null,
    lastEmailOutcome: null,
    lastError: null,
    startedAt: new Date(),
  };

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    @InjectQueue(EMAILS_QUEUE) private readonly emailsQueue: Queue,
    private readonly sweep: ReminderSweep,
    private readonly outbox: OutboxSweep,
    private readonly bookings: BookingService,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  get everyMs(): number {
    return this.config.reminders.sweepMs;
  }

  onApplicationBootstrap(): void {
    this.state.startedAt = new Date();
    this.tick();
    // Each queue has its own connection: whichever comes back, a sweep follows (after the one running, if any).
    for (const queue of [this.queue, this.emailsQueue]) {
      queue.client.on('ready', () => {
        if (!this.stopped) {
          this.runAgain();
        }
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One sweep now: joins the one running in this process, returns null when another process is sweeping or the
   * sweep failed. Also runs the outbox sweep and releases the time of public bookings whose email confirmation did
   * not come in time.
   */
  runNow(): Promise<SweepOutcome | null> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A sweep now, or right after the one running (which may have started before the connection was back). */
  private runAgain(): void {
    const current = this.running;
    if (!current) {
      void this.runNow();
      return;
    }
    if (!this.again) {
      this.again = true;
      void current.finally(() => {
        this.again = false;
        if (!this.stopped) {
          void this.runNow();
        }
      });
    }
  }

  private tick(): void {
    void this.runNow().finally(() => {
      if (!this.stopped) {
        this.timer = setTimeout(() => this.tick(), this.everyMs);
      }
    });
  }

  private async sweepOnce(): Promise<SweepOutcome | null> {
    try {
      const outcome = await this.sweep.runExclusive(async () => {
        const swept = await this.sweep.run();
        const emails = await this.outbox.run();
        await this.releaseLapsedHolds();
        await this.sweepDocumentOrphans();
        return { swept, emails };
      });
      this.state.lastSweepAt = new Date();
      if (outcome) {
        this.state.lastOutcome = outcome.swept;
        this.state.lastEmailOutcome = outcome.emails;
      }
      if (this.state.lastError !== null) {
        this.logger.log('Reminder and outbox sweeps run again');
        this.state.lastError = null;
      }
      return outcome?.swept ?? null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.state.lastError === null) {
        this.logger.warn(`Reminder or outbox sweep failed, retried every ${this.everyMs} ms: ${message}`);
      }
      this.state.lastError = message;
      return null;
    }
  }

  /** The document orphan sweep, when the last one is ORPHAN_AGE_MS old; logs counts only, never keys. */
  private async sweepDocumentOrphans(): Promise<void> {
    const now = Date.now();
    if (now - this.lastOrphanSweepAt < ORPHAN_AGE_MS) {
      return;
    }
    this.lastOrphanSweepAt = now;
    try {
      const removed = await this.documents.sweepOrphans();
      this.logger.log(`Document orphan sweep removed ${removed} stored object(s)`);
    } catch (error) {
      this.logger.error(
        `Document orphan sweep failed: ${error instanceof Error ? error.name : 'unknown error'}`,
      );
    }
  }

  private async releaseLapsedHolds(): Promise<void> {
    try {
      const released = await this.bookings.releaseLapsedHolds();
      if (released.length > 0) {
        this.logger.log(`Released ${released.length} unconfirmed booking(s) whose hold lapsed`);
      }
    } catch (error) {
      this.logger.error(
        `Releasing lapsed booking holds failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
