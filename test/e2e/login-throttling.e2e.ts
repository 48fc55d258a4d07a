import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a-long-test-password';
/**
 * Each test signs in up to 31 times, and every attempt checks an argon2 hash (about 170 ms of CPU, unknown emails
 * included): beside the other test files on 2 cores, that can take longer than jest's default 30 s.
 */
const itSigningIn = (name: string, fn: () => Promise<void>) => it(name, fn, 90_000);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in throttling', () => {
  const apps: TestApp[] = [];
  const app = async (env: Record<string, string>) => {
    const t = await createTestApp({ env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) {
      await t.close();
    }
  });

  const login = (t: TestApp, email: string, password: string, from?: string) => {
    const req = t.http().post('/api/auth/login');
    return (from ? req.set('X-Forwarded-For', from) : req).send({ email, password });
  };

  itSigningIn(
    'holds off password spraying: many emails from one address end in 429 with Retry-After',
    async () => {
      const t = await app({ LOGIN_ADDRESS_RATE_LIMIT: '20' });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        statuses.push((await login(t, `person${i}@firm.ca`, 'Winter2026!')).status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      const held = await login(t, 'another@firm.ca', 'Winter2026!');
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(held.body.message).toMatch(
        /^Too many failed sign-ins from your network\. Try again in \d+ (seconds|minutes)\.$/,
      );
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    },
  );

  itSigningIn('ignores X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const direct = await app({ LOGIN_ADDRESS_RATE_LIMIT: '3' });
    const forged = [];
    for (let i = 0; i < 5; i++) {
      forged.push((await login(direct, `x${i}@firm.ca`, 'wrong-password-1', `203.0.113.${i}`)).status);
    }
    expect(forged).toEqual([401, 401, 401, 429, 429]);

    const proxied = await app({ LOGIN_ADDRESS_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' });
    const distinct = [];
    for (let i = 0; i < 5; i++) {
      distinct.push((await login(proxied, `x${i}@firm.ca`, 'wrong-password-1', `203.0.113.${i}`)).status);
    }
    expect(distinct).toEqual([401, 401, 401, 401, 401]);
  });

  itSigningIn(
    'holds an account failing from many addresses with capped exponential back-off; a success resets it',
    async () => {
      const t = await app({
        TRUST_PROXY: 'loopback',
        LOGIN_LOCKOUT_THRESHOLD: '3',
        LOGIN_LOCKOUT_BASE_SECONDS: '1',
        LOGIN_LOCKOUT_MAX_SECONDS: '2',
      });
      await t.given.user({ email: 'nora@firm.ca' });
      // Nora signs in from her office once; that address stays known for her account.
      await login(t, 'nora@firm.ca', PASSWORD, '192.0.2.1').expect(200);

      let n = 0;
      const attacker = () => `198.51.100.${++n}`;
      for (let i = 0; i < 3; i++) {
        await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(401);
      }
      const first = await login(t, 'nora@firm.ca', PASSWORD, attacker()).expect(429);
      expect(first.body.message).toMatch(
        /^Too many failed sign-ins on this account\. Try again in 1 second\.$/,
      );
      expect(first.headers['retry-after']).toBe('1');

      await wait(1100);
      await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(401);
      const second = await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(429);
      expect(second.headers['retry-after']).toBe('2');

      await wait(2100);
      await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(401);
      const capped = await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(429);
      expect(capped.headers['retry-after']).toBe('2'); // 1, 2, then capped at LOGIN_LOCKOUT_MAX_SECONDS

      // The attacker cannot keep Nora out: her known address is not held by the account's back-off...
      await login(t, 'nora@firm.ca', PASSWORD, '192.0.2.1').expect(200);
      // ...and her success resets the count, so the next stranger starts from zero again.
      await login(t, 'nora@firm.ca', 'guess-guess-guess', attacker()).expect(401);
      await login(t, 'nora@firm.ca', PASSWORD, attacker()).expect(200);
    },
  );

  itSigningIn('counts attempts together across API processes sharing Redis', async () => {
    const prefix = `login-shared-${randomUUID()}`;
    const a = await app({ QUEUE_PREFIX: prefix, LOGIN_ADDRESS_RATE_LIMIT: '4' });
    const b = await app({ QUEUE_PREFIX: prefix, LOGIN_ADDRESS_RATE_LIMIT: '4' });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await login(i % 2 === 0 ? a : b, `y${i}@firm.ca`, 'wrong-password-1')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
