import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import { DateTime } from 'luxon';
import request from 'supertest';
import { StaffRole, type UserEntity } from '@app/auth';
import { ReminderEntity, REMINDERS_QUEUE, ReminderStatus } from '@app/reminders';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { PrivateRedis } from '../support/private-redis';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { FEW_OFFSETS, reminderPolicy } from '../support/reminder-policy';

const SWEEP_MS = 3000;
jest.setTimeout(90_000);

describe('reminders: Redis emptied while the worker runs', () => {
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplication;
  let consultant: UserEntity;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    sink = await new SmtpSink().start();
    t = await createTestApp({
      env: {
        REDIS_URL: redis.url,
        SMTP_URL: sink.url,
        REMINDER_SWEEP_MS: String(SWEEP_MS),
        REMINDER_BACKOFF_MS: '200',
      },
    });
    const admin = await t.signedInAs(StaffRole.Admin);
    await admin
      .put('/api/settings/reminders')
      .send(reminderPolicy({ offsets: FEW_OFFSETS }))
      .expect(200);
    consultant = await t.given.consultant();
    worker = await createWorkerApp(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.close();
    await redis?.close();
  });

  const health = () => request(worker.getHttpServer()).get('/health');
  const lastSweep = async () => {
    const res = await health();
    return res.body.details?.reminders?.lastSweepAt as string | undefined;
  };

  it('FLUSHALL with reminders due: the sweep restores every job, each reminder is sent once, /health reports the loss until healed', async () => {
    // 20 deadlines 40 days out: each has two reminders (7 and 1 days before), both still ahead, each with its job.
    const dueOn = DateTime.now().setZone(t.config.firmTimeZone).plus({ days: 40 }).toISODate() as string;
    const file = await t.given.file({ consultantId: consultant.id });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const deadline = await t.given.deadline(file.id, { dueOn, title: `Document ${i}` });
      ids.push(
        ...(await t.dataSource.manager.findBy(ReminderEntity, { subjectId: deadline.id })).map((r) => r.id),
      );
    }
    expect(ids).toHaveLength(40);
    expect(Number((await redis.send('DBSIZE')).slice(1))).toBeGreaterThan(40);
    await waitFor(async () => (await health()).status === 200, 10_000, 'a healthy worker');

    // Rows older than the moment a job may lag its commit, which the lost-jobs check leaves alone.
    await new Promise((r) => setTimeout(r, 2500));
    // Empty Redis right after a sweep, so the next one is a whole period away: the loss is seen before it heals.
    const before = await lastSweep();
    await waitFor(async () => (await lastSweep()) !== before, 2 * SWEEP_MS, 'a sweep to finish');
    await redis.flushall();
    const flushedAt = Date.now();
    // Half of them fall due now: only a restored job can send them.
    const due = ids.slice(0, 20);
    await t.dataSource.query(
      `UPDATE reminders SET send_at = now() - interval '1 minute' WHERE id = ANY($1)`,
      [due],
    );

    const lost = await health();
    expect(lost.status).toBe(503);
    expect(lost.body.error.reminders).toMatchObject({ status: 'down' });
    expect(lost.body.error.reminders.message).toMatch(/no job in Redis/);
    expect(lost.body.error.reminders.lostJobs).toBeGreaterThan(0);

    const statuses = async () => {
      const rows = await t.dataSource.manager
        .createQueryBuilder(ReminderEntity, 'r')
        .where('r.id IN (:...ids)', { ids: due })
        .getMany();
      return rows.filter((r) => r.status === ReminderStatus.Sent).length;
    };
    // Healed by the sweeps that follow, not by chance: the bound is a few sweep periods (sending 20 emails on a
    // loaded machine takes part of one).
    await waitFor(async () => (await statuses()) === due.length, 3 * SWEEP_MS, 'every due reminder sent');
    const healedIn = Date.now() - flushedAt;
    const deliveries = (id: string) =>
      sink.received.filter((m) => m.messageId.startsWith(`<reminder-${id}@`)).length;
    expect(due.map(deliveries)).toEqual(due.map(() => 1));
    expect(sink.received).toHaveLength(due.length);

    // The ones still ahead have their jobs back too, and /health is healthy again.
    const healthy = await waitFor(
      async () => {
        const res = await health();
        return res.status === 200 ? res : null;
      },
      2 * SWEEP_MS,
      'a healthy worker again',
    );
    expect(healthy.body.info.reminders).toMatchObject({ status: 'up', lostJobs: 0 });
    expect(Number((await redis.send('DBSIZE')).slice(1))).toBeGreaterThan(20);
    // A later sweep sends nothing more.
    await new Promise((r) => setTimeout(r, SWEEP_MS + 500));
    expect(sink.received).toHaveLength(due.length);
    process.stdout.write(
      `FLUSHALL: ${due.length} due reminders sent once, ${healedIn} ms after the flush (sweep every ${SWEEP_MS} ms)\n`,
    );
  });

  it('Redis restarted without persistence: every scheduled reminder has its job again within two sweep periods', async () => {
    const dueOn = DateTime.now().setZone(t.config.firmTimeZone).plus({ days: 50 }).toISODate() as string;
    const file = await t.given.file({ consultantId: consultant.id });
    for (let i = 0; i < 30; i++) {
      await t.given.deadline(file.id, { dueOn, title: `Restart ${i}` });
    }
    const scheduled = async () =>
      (await t.dataSource.query(`SELECT id FROM reminders WHERE status = 'scheduled'`)).map(
        (r: { id: string }) => r.id,
      ) as string[];
    const ids = await scheduled();
    expect(ids.length).toBeGreaterThanOrEqual(60);
    const queue = worker.get<Queue>(getQueueToken(REMINDERS_QUEUE));
    const withJobs = async () =>
      (await Promise.all(ids.map((id) => queue.getJob(id)))).filter((job) => job !== null).length;
    expect(await withJobs()).toBe(ids.length);

    await redis.restart();
    const restartedAt = Date.now();
    await waitFor(async () => (await withJobs()) === ids.length, 2 * SWEEP_MS, 'every job back');
    const healedIn = Date.now() - restartedAt;
    await waitFor(async () => (await health()).status === 200, 2 * SWEEP_MS, 'a healthy worker');
    process.stdout.write(
      `Redis restart: ${ids.length} scheduled reminders had their jobs again ${healedIn} ms after the restart\n`,
    );
  });
});
