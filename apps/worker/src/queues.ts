import { BullModule } from '@nestjs/bull';
import { AppConfig } from '@app/config';
import { REMINDERS_QUEUE } from '@app/reminders';

/** bull on the configured Redis; every key under QUEUE_PREFIX so several firms or test runs can share one Redis. */
export function queueModules() {
  return [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ url: config.redisUrl, prefix: config.queuePrefix }),
    }),
    BullModule.registerQueue({ name: REMINDERS_QUEUE }),
  ];
}
