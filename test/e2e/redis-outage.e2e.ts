import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import { DateTime } from 'luxon';
import request from 'supertest';
import { StaffRole } from '@app/auth';
import { CONSULTATION_SUBJECT } from '@app/consultations';
import { ReminderEntity, REMINDERS_QUEUE, ReminderStatus } from '@app/reminders';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { PrivateRedis } from '../support/private-redis';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';

const SWEEP_MS = 2000;
const PUBLIC_LIMIT = 10;
const BOOKINGS_PER_HOUR = 2;
jest.setTimeout(90_000);

interface Slot {
  startsAt: string;
  consultantId: string;
}

/** Runs `call` and returns its answer with how long it took. */
async function timed<T>(call: () => PromiseLike<T>): Promise<{ res: T; ms: number }> {
  const started = Date.now();
  const res = await call();
  return { res, ms: Date.now() - started };
}

describe('Redis down: bookings, rate limits and health', () => {
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplication;
  let typeId: string;
  let consultantId: string;
  let slots: Slot[];
  let people = 0;
  const figures: string[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    sink = await new SmtpSink().start();
    t = await createTestApp({
      env: {
        REDIS_URL: redis.url,
        SMTP_URL: sink.url,
        REMINDER_SWEEP_MS: String(SWEEP_MS),
        PUBLIC_RATE_LIMIT: String(PUBLIC_LIMIT),
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: String(BOOKINGS_PER_HOUR),
        LOGIN_RATE_LIMIT: '3',
      },
    });
    worker = await createWorkerApp(t.config);
    const admin = await t.signedInAs(StaffRole.Admin);
    const consultant = await t.signedInAs(StaffRole.Consultant);
    consultantId = consultant.user.id;
    await consultant
      .put(`/api/consultants/${consultantId}/availability`)
      .send({
        timezone: 'UTC',
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
        minNoticeHours: 0,
        maxDaysAhead: 30,
      })
      .expect(200);
    typeId = (
      await admin
        .post('/api/consultation-types')
        .send({ name: 'Work permit assessment', nameFr: 'Évaluation', durationMinutes: 30 })
        .expect(201)
    ).body.id;
    // Slots three days out and later: the client reminder (24 h before) is still ahead, held as a delayed job.
    const from = DateTime.utc().plus({ days: 3 }).toISODate();
    const listed = await t
      .http()
      .get(`/api/public/slots?type=${typeId}&consultantId=${consultantId}&from=${from}&timezone=UTC`)
      .expect(200);
    slots = listed.body as Slot[];
    expect(slots.length).toBeGreaterThan(24);
  });
  afterAll(async () => {
    process.stdout.write(`Redis outage figures:\n  ${figures.join('\n  ')}\n`);
    await worker?.close();
    await t?.close();
    await sink?.close();
    await redis?.close();
  });

  const book = () =>
    t
      .http()
      .post('/api/public/bookings')
      .send({
        type: typeId,
        consultantId,
        startsAt: slots[people * 4].startsAt,
        name: 'Priya Sharma',
        email: `client${++people}-${process.pid}@example.com`,
        timezone: 'UTC',
      });
  const workerHealth = () => request(worker.getHttpServer()).get('/health');
  const reminderOf = (consultationId: string) =>
    t.dataSource.getRepository(ReminderEntity).findOneByOrFail({
      subjectType: CONSULTATION_SUBJECT,
      subjectId: consultationId,
      status: ReminderStatus.Scheduled,
    });
  const queue = () => t.app.get<Queue>(getQueueToken(REMINDERS_QUEUE));

  it('keeps public booking up with in-process limits, reports it, and recovers when Redis is back', async () => {
    const healthy = await t.http().get('/api/health').expect(200);
    expect(healthy.body.info.rateLimits).toMatchObject({ status: 'up' });
    await waitFor(async () => (await workerHealth()).status === 200, 10_000, 'a healthy worker');

    await redis.stop();
    const stoppedAt = Date.now();

    // Public slots and bookings answer, at once.
    const slotsDown = await timed(() =>
      t.http().get(`/api/public/slots?type=${typeId}&consultantId=${consultantId}&timezone=UTC`),
    );
    expect(slotsDown.res.status).toBe(200);
    expect(slotsDown.ms).toBeLessThan(1000);
    const first = await timed(() => book());
    expect(first.res.status).toBe(201);
    expect(first.ms).toBeLessThan(1000);
    const second = await timed(() => book());
    expect(second.res.status).toBe(201);
    figures.push(
      `Redis down: slots ${slotsDown.ms} ms (200), bookings ${first.ms} ms and ${second.ms} ms (201)`,
    );

    // The per-address booking limit holds in process: the third booking this hour is refused.
    const third = await book();
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('CONSULTATION_BOOKING_LIMIT_PER_ADDRESS');
    people -= 1; // its slot is still free
    // So does the public limit: 4 public requests so far in this process' window, 6 more pass, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_LIMIT - 4 + 1; i++) {
      statuses.push((await t.http().get('/api/public/consultation-types')).status);
    }
    expect(statuses).toEqual([...Array<number>(PUBLIC_LIMIT - 4).fill(200), 429]);
    // And the sign-in limit: 3 attempts a minute per address and email.
    const logins: number[] = [];
    for (let i = 0; i < 4; i++) {
      logins.push(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ email: 'nobody@firm.ca', password: 'wrong-password-here' })
        ).status,
      );
    }
    expect(logins).toEqual([401, 401, 401, 429]);

    // A few seconds down: several reconnection attempts and failed sweeps later, health still answers at once.
    await new Promise((r) => setTimeout(r, 3 * SWEEP_MS));
    // Health, API and worker, answer at once and say what is wrong.
    const apiHealth = await timed(() => t.http().get('/api/health'));
    expect(apiHealth.ms).toBeLessThan(1000);
    // The API still serves: 200, `degraded`, naming Redis and the per-process limits.
    expect(apiHealth.res.status).toBe(200);
    expect(apiHealth.res.body.status).toBe('degraded');
    expect(apiHealth.res.body.details.rateLimits).toMatchObject({
      status: 'degraded',
      counted: 'per process',
    });
    expect(apiHealth.res.body.details.redis).toMatchObject({ status: 'degraded' });
    const down = await timed(() => workerHealth());
    expect(down.ms).toBeLessThan(1000);
    expect(down.res.status).toBe(503);
    expect(down.res.body.error.redis).toMatchObject({ status: 'down' });
    expect(down.res.body.error.redis.message).toMatch(/Redis is not connected/);
    figures.push(
      `Redis down: /api/health ${apiHealth.ms} ms (${apiHealth.res.status}), worker /health ${down.ms} ms (${down.res.status})`,
    );

    // The bookings made while Redis was down are in PostgreSQL, their reminder jobs are not in Redis yet.
    const reminders = [
      await reminderOf(first.res.body.id as string),
      await reminderOf(second.res.body.id as string),
    ];
    figures.push(`Redis down for ${Date.now() - stoppedAt} ms`);

    await redis.start();
    const startedAt = Date.now();
    // Without a restart: the sweep adds their jobs, the limits go back to Redis, both healths are 200.
    await waitFor(
      async () =>
        (await Promise.all(reminders.map((r) => queue().getJob(r.id)))).every((job) => job !== null),
      4 * SWEEP_MS,
      'the jobs of the bookings made while Redis was down',
    );
    const jobsBackIn = Date.now() - startedAt;
    await waitFor(async () => (await workerHealth()).status === 200, 4 * SWEEP_MS, 'a healthy worker');
    const workerBackIn = Date.now() - startedAt;
    await waitFor(
      async () => (await t.http().get('/api/health')).body.status === 'ok',
      4 * SWEEP_MS,
      'a healthy API',
    );
    const recovered = await t.http().get('/api/health').expect(200);
    expect(recovered.body.info.rateLimits).toMatchObject({ status: 'up' });
    const apiBackIn = Date.now() - startedAt;
    figures.push(
      `Redis back: booking jobs restored in ${jobsBackIn} ms, worker /health 200 in ${workerBackIn} ms, /api/health 200 in ${apiBackIn} ms`,
    );

    // Counting in Redis again: a fresh shared window.
    await t.http().get('/api/public/consultation-types').expect(200);
    expect(await redis.send('KEYS', `${t.config.queuePrefix}:throttle:public:*`)).not.toBe('*0');
    // A booking now gets its job straight away, from the API.
    const after = await book();
    expect(after.status).toBe(201);
    const reminder = await reminderOf(after.body.id as string);
    expect(await queue().getJob(reminder.id)).not.toBeNull();
  });
});
