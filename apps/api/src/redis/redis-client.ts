import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { redisRetryDelay } from '@app/reminders';

/** A command on a Redis that hangs (up but not answering) fails after this long. */
const COMMAND_TIMEOUT_MS = 500;
/** How long the first command waits for the connection the app opens at start. */
const FIRST_CONNECTION_MS = 1000;

/**
 * The API's own Redis connection (health checks, rate-limit counters); bull keeps its own. Built to fail fast: no
 * offline queue (a command while Redis is down fails at once instead of waiting for a reconnect), one attempt per
 * command, a 500 ms command timeout, and a reconnection attempt every 2 s at most, so it is back soon after Redis.
 */
@Injectable()
export class RedisClient extends Redis implements OnModuleInit, OnApplicationShutdown {
  private connectedOnce = false;

  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      retryStrategy: redisRetryDelay,
      keyPrefix: `${config.queuePrefix}:`,
    });
    this.on('error', () => undefined); // surfaced by the health check and by the failing command
    this.on('ready', () => {
      this.connectedOnce = true;
    });
  }

  onModuleInit(): void {
    this.start();
  }

  /**
   * Whether commands can be sent now. Before the first connection (the app just started, or a client made in a
   * test) it waits for it, up to a second; once connected, a lost connection answers false at once.
   */
  async isAvailable(): Promise<boolean> {
    if (this.status === 'ready') {
      return true;
    }
    if (this.connectedOnce) {
      return false;
    }
    this.start();
    return new Promise<boolean>((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(this.status === 'ready'), FIRST_CONNECTION_MS);
      this.once('ready', onReady);
    });
  }

  onApplicationShutdown(): void {
    this.disconnect();
  }

  private start(): void {
    if (this.status === 'wait') {
      this.connect().catch(() => undefined);
    }
  }
}
