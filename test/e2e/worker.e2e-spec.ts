import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig } from '@app/config';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { assertNoTestLogLeaks, createTestDatabase, testVariables } from '../support/test-app';
import { withServer } from '../support/test-databases';

describe('worker process', () => {
  let worker: INestApplication;
  let database: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await createWorkerApp(AppConfig.fromVariables(testVariables(database)));
  });
  afterAll(async () => {
    await worker.close();
    await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    assertNoTestLogLeaks(database);
  });

  it('boots without business routes and reports PostgreSQL and its queue in /health', async () => {
    const res = await request(worker.getHttpServer()).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up', queue: 'reminders' } },
    });
    await request(worker.getHttpServer()).get('/api/clients').expect(404);
  });
});
