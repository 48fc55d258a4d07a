import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';

/** The API's own Redis connection (health checks, rate-limit counters); bull keeps its own. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, keyPrefix: `${config.queuePrefix}:` });
    this.on('error', () => undefined); // surfaced by the health check and by the failing command
  }

  async onApplicationShutdown(): Promise<void> {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
