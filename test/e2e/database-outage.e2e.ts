import { Logger } from '@nestjs/common';
import type request from 'supertest';
import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { consultationType, setHours } from '../support/bookable';
import { PrivatePostgres } from '../support/private-postgres';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// How long PostgreSQL stays down. The issue saw it with 30 s; a few seconds prove the same and keep CI quick.
const OUTAGE_MS = Number(process.env.OUTAGE_TEST_SECONDS ?? 6) * 1000;
// A request must answer within this while the database is down, instead of hanging.
const ANSWER_WITHIN_MS = 3000;
const RECOVER_WITHIN_MS = 15_000;

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';

interface Answer {
  name: string;
  status: number;
  ms: number;
  code?: string;
  message?: string;
  retryAfter?: string;
  body: Record<string, unknown>;
}

describe('PostgreSQL outage: 503 with Retry-After while it is down, recovery without a restart', () => {
  const clock = new FixedClock(new Date(NOW));
  let pg: PrivatePostgres;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let typeId: string;
  let clientId: string;
  let bookableId: string;
  let people = 0;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    t = await createTestApp({
      clock,
      databaseUrl: pg.url(),
      env: {
        PUBLIC_RATE_LIMIT: '100000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100000',
        LOGIN_RATE_LIMIT: '100000',
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    bookableId = consultant.user.id;
    await setHours(consultant, consultant.user.id);
    typeId = await consultationType(admin, { name: 'Assessment', nameFr: 'Évaluation' });
    clientId = (await admin.post('/api/clients').send({ firstName: 'Priya', lastName: 'Sharma' }).expect(201))
      .body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pg?.destroy();
  });

  // Every kind of request the issue names: signed-in reads and writes (each runs the session check first),
  // the public slots and bookings, sign-in, and the health check.
  let slot = 0;
  function requests(
    on: { t: TestApp; admin: SignedInClient; consultant: SignedInClient } = { t, admin, consultant },
  ): Array<[string, () => request.Test]> {
    const { t, admin, consultant } = on;
    const startsAt = new Date(Date.parse('2026-11-25T14:00:00Z') + (slot++ % 14) * 30 * 60_000).toISOString();
    return [
      ['me', () => consultant.get('/api/auth/me')],
      ['read clients', () => admin.get('/api/clients')],
      ['read client', () => admin.get(`/api/clients/${clientId}`)],
      [
        'write client',
        () => admin.post('/api/clients').send({ firstName: 'Solo', lastName: `Minimal ${++people}` }),
      ],
      ['public types', () => t.http().get('/api/public/consultation-types')],
      [
        'public slots',
        () =>
          t
            .http()
            .get('/api/public/slots')
            .query({ type: typeId, from: '2026-11-25', to: '2026-11-26', timezone: 'America/Toronto' }),
      ],
      [
        'public booking',
        () =>
          t
            .http()
            .post('/api/public/bookings')
            .send({
              type: typeId,
              consultantId: bookableId,
              startsAt,
              name: 'Amélie Tremblay',
              email: `visitor${++people}@example.com`,
              timezone: 'America/Toronto',
            }),
      ],
      [
        'login',
        () =>
          t
            .http()
            .post('/api/auth/login')
            .send({ email: admin.user.email, password: 'a-long-test-password' }),
      ],
      ['health', () => t.http().get('/api/health')],
    ];
  }

  async function send(name: string, build: () => request.Test): Promise<Answer> {
    const started = performance.now();
    const res = await build().timeout(20_000);
    const body = (res.body ?? {}) as Record<string, unknown>;
    return {
      name,
      status: res.status,
      ms: Math.round(performance.now() - started),
      code: typeof body.code === 'string' ? body.code : undefined,
      message: typeof body.message === 'string' ? body.message : undefined,
      retryAfter: res.headers['retry-after'],
      body,
    };
  }

  async function round(on?: Parameters<typeof requests>[0]): Promise<Answer[]> {
    return Promise.all(requests(on).map(([name, build]) => send(name, build)));
  }

  function summary(answers: Answer[]) {
    const byStatus = answers.reduce<Record<string, number>>(
      (counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }),
      {},
    );
    const slowest = answers.reduce((max, a) => (a.ms > max.ms ? a : max), answers[0]);
    return { byStatus, slowest };
  }

  function notOutageAnswers(answers: Answer[]) {
    return answers
      .filter((a) => a.status !== 503 || a.code !== 'DATABASE_UNAVAILABLE' || a.retryAfter === undefined)
      .slice(0, 5)
      .map((a) => [a.name, a.status, a.code, a.retryAfter, a.message]);
  }

  test('stopped: every request answers 503 DATABASE_UNAVAILABLE quickly; started again: the same requests succeed', async () => {
    const before = await round();
    expect(before.filter((a) => a.status >= 300).map((a) => [a.name, a.status, a.code])).toEqual([]);

    const errors = jest.spyOn(Logger.prototype, 'error');
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    await pg.stop();
    const stoppedAt = Date.now();
    const during: Answer[] = [];
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      during.push(...(await round()));
    }

    await pg.resume();
    const resumedAt = Date.now();
    let after: Answer[] = [];
    while (Date.now() - resumedAt < RECOVER_WITHIN_MS) {
      after = await round();
      if (after.every((a) => a.status < 300)) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const recoveredMs = Date.now() - resumedAt;
    const logged = {
      errors: errors.mock.calls.map((call) => JSON.stringify(call)),
      warnings: warnings.mock.calls.map((call) => JSON.stringify(call)),
    };
    if (process.env.OUTAGE_TEST_VERBOSE) {
      process.stdout.write(
        `${JSON.stringify({ logged, health: during.find((a) => a.name === 'health')?.body, read: during.find((a) => a.name === 'read clients') }, null, 1)}\n`,
      );
    }
    errors.mockRestore();
    warnings.mockRestore();

    const { byStatus, slowest } = summary(during);
    process.stdout.write(
      `outage of ${OUTAGE_MS} ms: ${during.length} requests, by status ${JSON.stringify(byStatus)}, ` +
        `slowest ${slowest.ms} ms (${slowest.name}); recovered ${recoveredMs} ms after PostgreSQL started\n`,
    );

    expect(notOutageAnswers(during)).toEqual([]);
    expect(slowest.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(during.length).toBeGreaterThan(requests().length);
    // A person reads the message: it says what is wrong and that it passes, without internals.
    const message = during.find((a) => a.name === 'read clients')?.message ?? '';
    expect(message).toMatch(/database/i);
    expect(message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres:\/\//);
    // The health check names the check that failed, in a body a load balancer can read.
    const health = during.find((a) => a.name === 'health')!;
    expect(health.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });

    expect(after.filter((a) => a.status >= 300).map((a) => [a.name, a.status, a.code])).toEqual([]);
    expect(recoveredMs).toBeLessThan(RECOVER_WITHIN_MS);

    // The outage is logged once when it starts and once when it ends, not per request, and without the URL.
    expect(logged.errors).toEqual([expect.stringMatching(/PostgreSQL is unreachable/)]);
    expect(logged.warnings).toEqual([expect.stringMatching(/PostgreSQL is reachable again/)]);
    expect(JSON.stringify(logged)).not.toMatch(/postgres:\/\/|127\.0\.0\.1/);
  }, 120_000);

  test('frozen (the server accepts connections but answers nothing): requests answer 503 within the timeouts, then recover', async () => {
    // Short timeouts for this API, so the test is quick; production defaults are 3 s to connect and 10 s a query.
    const frozenApp = await createTestApp({
      clock,
      databaseUrl: pg.url(),
      env: {
        PUBLIC_RATE_LIMIT: '100000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100000',
        LOGIN_RATE_LIMIT: '100000',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_QUERY_TIMEOUT_MS: '2000',
      },
    });
    try {
      const on = {
        t: frozenApp,
        admin: await frozenApp.signedInAs(StaffRole.Admin, { email: 'frozen-admin@test.permitdesk.ca' }),
        consultant: await frozenApp.signedInAs(StaffRole.Consultant, {
          email: 'frozen-consultant@test.permitdesk.ca',
        }),
      };
      await round(on); // fills the pool with open connections, which the freeze then leaves hanging
      pg.freeze();
      const during: Answer[] = [];
      try {
        const frozenAt = Date.now();
        while (Date.now() - frozenAt < 5000) {
          during.push(...(await round(on)));
        }
      } finally {
        pg.thaw();
      }
      const { byStatus, slowest } = summary(during);
      process.stdout.write(
        `frozen for 5000 ms: ${during.length} requests, by status ${JSON.stringify(byStatus)}, slowest ${slowest.ms} ms (${slowest.name})\n`,
      );
      expect(notOutageAnswers(during)).toEqual([]);
      expect(slowest.ms).toBeLessThan(3000 + 1000);

      const thawedAt = Date.now();
      let after: Answer[] = [];
      while (Date.now() - thawedAt < RECOVER_WITHIN_MS) {
        after = await round(on);
        if (after.every((a) => a.status < 300)) {
          break;
        }
      }
      expect(after.filter((a) => a.status >= 300).map((a) => [a.name, a.status, a.code])).toEqual([]);
    } finally {
      await frozenApp.close();
    }
  }, 120_000);
});
