import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { BookingService } from '@app/consultations';
import type { Queue } from 'bull';
import { ReminderSweep, REMINDERS_QUEUE, type SweepOutcome } from '@app/reminders';

/** What the worker's /health reads about the sweeps. */
export interface SweepState {
  /** When this worker last finished a sweep, or found another worker sweeping. */
  lastSweepAt: Date | null;
  lastOutcome: SweepOutcome | null;
  /** Why the last sweep failed (Redis or PostgreSQL down), null once one succeeds. */
  lastError: string | null;
  startedAt: Date;
}

/**
 * Runs the reminder sweep every REMINDER_SWEEP_MS from a timer in the worker process, and once at start. The
 * schedule lives here, not in Redis: emptying Redis (FLUSHALL, a restart without persistence) cannot stop it, and
 * the first sweep after Redis is back restores every missing job. A sweep also runs as soon as the queue reconnects
 * to Redis (after a restart or an outage), not a whole period later.
 * One sweep at a time: in this process a call while one runs joins it, and across processes ReminderSweep's
 * advisory lock lets one worker sweep while the others skip that turn. A failing sweep (Redis or PostgreSQL down)
 * is logged once per outage and tried again on the next tick.
 */
@Injectable()
export class ReminderSweepTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepOutcome | null> | null = null;
  private stopped = false;
  readonly state: SweepState = { lastSweepAt: null, lastOutcome: null, lastError: null, startedAt: new Date() };

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly sweep: ReminderSweep,
    private readonly bookings: BookingService,
    private readonly config: AppConfig,
  ) {}

  get everyMs(): number {
    return this.config.reminders.sweepMs;
  }

  onApplicationBootstrap(): void {
    this.state.startedAt = new Date();
    this.tick();
    this.queue.client.on('ready', () => {
      if (!this.stopped) {
        void this.runNow();
      }
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One sweep now: joins the one running in this process, returns null when another process is sweeping or the
   * sweep failed. Also releases the time of public bookings whose email confirmation did not come in time.
   */
  runNow(): Promise<SweepOutcome | null> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null;
    });
    return this.running;
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
        await this.releaseLapsedHolds();
        return swept;
      });
      this.state.lastSweepAt = new Date();
      if (outcome) {
        this.state.lastOutcome = outcome;
      }
      if (this.state.lastError !== null) {
        this.logger.log('Reminder sweeps run again');
        this.state.lastError = null;
      }
      return outcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.state.lastError === null) {
        this.logger.warn(`Reminder sweep failed, retried every ${this.everyMs} ms: ${message}`);
      }
      this.state.lastError = message;
      return null;
    }
  }

  private async releaseLapsedHolds(): Promise<void> {
    try {
      const released = await this.bookings.releaseLapsedHolds();
      if (released.length > 0) {
        this.logger.log(`Released ${released.length} unconfirmed booking(s) whose hold lapsed`);
      }
    } catch (error) {
      this.logger.error(`Releasing lapsed booking holds failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
