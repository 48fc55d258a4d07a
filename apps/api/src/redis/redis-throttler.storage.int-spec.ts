import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/config';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RedisClient } from './redis.module';

const config = (prefix: string) =>
  AppConfig.fromVariables({
    JWT_SECRET: 'x'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
  });

describe('RedisThrottlerStorage', () => {
  const prefix = `throttle-test-${randomUUID()}`;
  const replicaA = new RedisClient(config(prefix));
  const replicaB = new RedisClient(config(prefix));
  afterAll(() => {
    replicaA.disconnect();
    replicaB.disconnect();
  });

  it('counts hits from two API replicas together and blocks past the limit', async () => {
    const a = new RedisThrottlerStorage(replicaA);
    const b = new RedisThrottlerStorage(replicaB);
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await (i % 2 === 0 ? a : b).increment('1.2.3.4|x@y.z', 60_000, 3, 60_000, 'login'));
    }
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBeGreaterThan(55);
    expect(results[0].timeToExpire).toBeLessThanOrEqual(60);
  });

  it('keeps separate counters per key', async () => {
    const a = new RedisThrottlerStorage(replicaA);
    const first = await a.increment('5.6.7.8|one@y.z', 60_000, 1, 60_000, 'login');
    const other = await a.increment('5.6.7.8|two@y.z', 60_000, 1, 60_000, 'login');
    expect([first.totalHits, other.totalHits]).toEqual([1, 1]);
  });

  it('starts a new window once the ttl has passed', async () => {
    const a = new RedisThrottlerStorage(replicaA);
    await a.increment('window', 200, 1, 200, 'login');
    const blocked = await a.increment('window', 200, 1, 200, 'login');
    expect(blocked.isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = await a.increment('window', 200, 1, 200, 'login');
    expect(fresh).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
