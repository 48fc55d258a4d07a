import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { ReminderSweepTimer } from '../../apps/worker/src/reminders/sweep-timer';
import {
  assertNoTestLogLeaks,
  createTestDatabase,
  dropTestDatabase,
  testVariables,
} from '../support/test-app';
import { waitFor } from '../support/smtp-sink';

describe('worker process', () => {
  let worker: INestApplication;
  let database: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await createWorkerApp(AppConfig.fromVariables(testVariables(database)));
  });
  afterAll(async () => {
    await worker.close();
    await dropTestDatabase(database);
    assertNoTestLogLeaks();
  });

  it('boots without business routes and reports PostgreSQL and its queue in /health', async () => {
    // Its queue connects to Redis just after boot: on a loaded machine the first answer may come before that.
    const res = await waitFor(
      async () => {
        const answer = await request(worker.getHttpServer()).get('/health');
        return answer.status === 200 ? answer : null;
      },
      10_000,
      'a healthy worker',
    );
    expect(res.body).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        redis: { status: 'up', queue: 'reminders' },
        emails: { status: 'up', lostJobs: 0 },
      },
    });
    await request(worker.getHttpServer()).get('/api/clients').expect(404);
  });

  it('/health reports a pending email without a delivery job until the sweep restores it', async () => {
    await worker.get(ReminderSweepTimer).runNow();
    // Written while Redis was unreachable (or emptied since): the row is there, its job is not.
    await worker.get(DataSource).query(
      `INSERT INTO emails (kind, "to", subject, text, status, message_id, created_at)
       VALUES ('test', 'lost@example.com', 'Lost job', 'Hello', 'pending', '<lost-${process.pid}@permitdesk.local>', now() - interval '1 minute')`,
    );
    const lost = await request(worker.getHttpServer()).get('/health').expect(503);
    expect(lost.body.error.emails).toMatchObject({ status: 'down', lostJobs: 1 });
    expect(lost.body.error.emails.message).toMatch(/no delivery job in Redis/);
    await worker.get(ReminderSweepTimer).runNow();
    const healed = await request(worker.getHttpServer()).get('/health');
    expect(healed.body.info?.emails ?? healed.body.error?.emails).toMatchObject({
      status: 'up',
      lostJobs: 0,
    });
  });
});
