import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/config';
import { PrivateRedis } from '../../../../test/support/private-redis';
import { RateLimitStore } from './rate-limit-store';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RedisClient } from './redis.module';

const config = (prefix: string, url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379') =>
  AppConfig.fromVariables({
    JWT_SECRET: 'x'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    REDIS_URL: url,
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
    const a = new RedisThrottlerStorage(new RateLimitStore(replicaA));
    const b = new RedisThrottlerStorage(new RateLimitStore(replicaB));
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
    const a = new RedisThrottlerStorage(new RateLimitStore(replicaA));
    const first = await a.increment('5.6.7.8|one@y.z', 60_000, 1, 60_000, 'login');
    const other = await a.increment('5.6.7.8|two@y.z', 60_000, 1, 60_000, 'login');
    expect([first.totalHits, other.totalHits]).toEqual([1, 1]);
  });

  it('starts a new window once the ttl has passed', async () => {
    const a = new RedisThrottlerStorage(new RateLimitStore(replicaA));
    await a.increment('window', 200, 1, 200, 'login');
    const blocked = await a.increment('window', 200, 1, 200, 'login');
    expect(blocked.isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = await a.increment('window', 200, 1, 200, 'login');
    expect(fresh).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});

describe('RedisThrottlerStorage with Redis down', () => {
  let redis: PrivateRedis;
  let client: RedisClient;
  let store: RateLimitStore;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    client = new RedisClient(config(`throttle-test-${randomUUID()}`, redis.url));
    store = new RateLimitStore(client);
  });
  afterAll(async () => {
    client.disconnect();
    await redis.close();
  });

  it('counts in process with the same limits, answering at once, and goes back to Redis when it returns', async () => {
    const storage = new RedisThrottlerStorage(store);
    expect((await storage.increment('9.9.9.9', 60_000, 2, 60_000, 'public')).totalHits).toBe(1);
    expect(store.degraded).toBeNull();

    await redis.stop();
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await storage.increment('9.9.9.9', 60_000, 2, 60_000, 'public'));
    }
    expect(Date.now() - started).toBeLessThan(500);
    // Counted afresh in this process, with the same limit of 2.
    expect(results.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(store.degraded?.reason).toMatch(/Redis/);

    await redis.start();
    const back = Date.now();
    for (;;) {
      const record = await storage.increment('8.8.8.8', 60_000, 2, 60_000, 'public');
      if (store.degraded === null) {
        expect(record.totalHits).toBe(1);
        break;
      }
      expect(Date.now() - back).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Redis holds the count again: a fresh window after the restart, shared by every replica.
    expect((await storage.increment('9.9.9.9', 60_000, 2, 60_000, 'public')).totalHits).toBe(1);
    expect(await client.exists('throttle:public:9.9.9.9')).toBe(1);
  });
});
