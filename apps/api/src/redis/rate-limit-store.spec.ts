import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { LocalCounters } from './local-counters';
import { RateLimitStore } from './rate-limit-store';
import type { RedisClient } from './redis-client';

class FakeRedis extends EventEmitter {
  status = 'ready';
  isAvailable(): Promise<boolean> {
    return Promise.resolve(this.status === 'ready');
  }
}

describe('RateLimitStore', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts in process while Redis is down and logs the outage once each way, not per request', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const redis = new FakeRedis();
    const store = new RateLimitStore(redis as unknown as RedisClient);
    const inRedis = jest.fn(() => Promise.resolve('redis'));
    const inProcess = (c: LocalCounters) => `local ${c.incr('k', 60_000)}`;

    expect(await store.count(inRedis, inProcess)).toBe('redis');
    redis.status = 'reconnecting';
    const answers = [];
    for (let i = 0; i < 50; i++) {
      answers.push(await store.count(inRedis, inProcess));
    }
    expect(answers[49]).toBe('local 50');
    expect(store.degraded?.reason).toMatch(/not connected \(reconnecting\)/);
    expect(warn).toHaveBeenCalledTimes(1);

    redis.status = 'ready';
    redis.emit('ready');
    expect(store.degraded).toBeNull();
    expect(await store.count(inRedis, inProcess)).toBe('redis');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/counted in Redis again/);
  });

  it('falls back when a command fails (a Redis that hangs or drops the connection)', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const store = new RateLimitStore(new FakeRedis() as unknown as RedisClient);
    const answer = await store.count(
      () => Promise.reject(new Error('Command timed out')),
      () => 'local',
    );
    expect(answer).toBe('local');
    expect(store.degraded?.reason).toBe('Redis command failed: Command timed out');
  });
});

describe('LocalCounters', () => {
  it('behaves like the Redis commands the limiters use, expiry included', () => {
    let now = 1_000;
    const c = new LocalCounters(() => now);
    expect([c.incr('a', 100), c.incr('a', 100), c.pttl('a')]).toEqual([1, 2, 100]);
    expect(c.pttl('missing')).toBe(-2);
    c.incr('forever');
    expect(c.pttl('forever')).toBe(-1);
    c.sadd('s', 'x');
    expect([c.sismember('s', 'x'), c.sismember('s', 'y')]).toEqual([true, false]);
    now += 100;
    expect([c.get('a'), c.exists('a'), c.incr('a', 50)]).toEqual([null, false, 1]);
    c.set('lock', 1, 10);
    c.del('lock', 'forever');
    expect([c.exists('lock'), c.exists('forever')]).toEqual([false, false]);
  });
});
