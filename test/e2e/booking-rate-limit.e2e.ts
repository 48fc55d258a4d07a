import { StaffRole } from '@app/auth';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

describe('public routes are rate-limited per address', () => {
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    // The test's requests come from loopback; X-Forwarded-For stands for the client addresses a local proxy forwards.
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '5', TRUST_PROXY: 'loopback' } });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  it('answers 429 past PUBLIC_RATE_LIMIT requests a minute, counting every public route together', async () => {
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const statuses: number[] = [];
    for (const path of [
      'consultation-types',
      'consultants',
      'consultation-types',
      'consultants',
      'consultation-types',
    ]) {
      statuses.push((await t.http().get(`/api/public/${path}`).set(from('198.51.100.10'))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const blocked = await t.http().post('/api/public/bookings').set(from('198.51.100.10')).send({});
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(blocked.body.message).toMatch(
      /^Too many requests from your network\. Try again in \d+ seconds\.$/,
    );
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    await t.http().get('/api/public/bookings/anything').set(from('198.51.100.10')).expect(429);

    // Another address has its own count.
    await t.http().get('/api/public/consultation-types').set(from('198.51.100.11')).expect(200);
  });

  it('does not limit staff routes or logins with the public limit', async () => {
    for (let i = 0; i < 8; i++) {
      await admin.get('/api/consultation-types').expect(200);
    }
    // Logins keep their own limits (auth/login-attempts.ts), not the public one.
    for (let i = 0; i < 7; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.20')
        .send({ email: `nobody${i}@firm.ca`, password: 'wrong-password-here' })
        .expect(401);
    }
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names (none by default)', async () => {
    const direct = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A different forged address each time: without TRUST_PROXY they are all the socket's one address.
        statuses.push(
          (await direct.http().get('/api/public/consultants').set('X-Forwarded-For', `203.0.113.${i}`))
            .status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await direct.close();
    }
  });
});
