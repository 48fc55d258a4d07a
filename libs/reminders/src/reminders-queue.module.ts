import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { REMINDERS_QUEUE } from './reminders.queue';

/** Registers the reminders queue; import it wherever the queue is injected (one Queue per app). */
@Module({
  imports: [BullModule.registerQueue({ name: REMINDERS_QUEUE })],
  exports: [BullModule],
})
export class RemindersQueueModule {}

/** Reconnect to a Redis that went away every 2 s at most (bull's default backs off to 20 s). */
export function redisRetryDelay(times: number): number {
  return Math.min(times * 200, 2000);
}

/**
 * bull on the configured Redis, every key under QUEUE_PREFIX (several firms or test runs can share one Redis),
 * and the reminders queue. The API (producer) and the worker (processors) both import exactly this.
 * While Redis is down a command fails after one reconnection attempt instead of waiting for twenty (bull's
 * blocking connections keep waiting, as bull requires); reconnection is tried every 2 s at most, so the queue is
 * back within seconds of Redis.
 */
export function queueModules() {
  return [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: config.queuePrefix,
        redis: { maxRetriesPerRequest: 1, retryStrategy: redisRetryDelay },
        settings: {
          lockDuration: config.reminders.lockMs,
          lockRenewTime: Math.floor(config.reminders.lockMs / 2),
          // A killed process's active jobs go back to waiting after two stalled checks whose lock has expired: at
          // the lock's own period (bull's default, 30 s, with the default lock) rather than a fixed 30 s.
          stalledInterval: config.reminders.lockMs,
        },
      }),
    }),
    RemindersQueueModule,
  ];
}
