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

/**
 * bull on the configured Redis, every key under QUEUE_PREFIX (several firms or test runs can share one Redis),
 * and the reminders queue. The API (producer) and the worker (processors) both import exactly this.
 */
export function queueModules() {
  return [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: config.queuePrefix,
        settings: { lockDuration: config.reminders.lockMs, lockRenewTime: Math.floor(config.reminders.lockMs / 2) },
      }),
    }),
    RemindersQueueModule,
  ];
}
