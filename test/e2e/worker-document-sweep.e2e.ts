import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DiskStorage } from '@app/documents';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { ReminderSweepTimer } from '../../apps/worker/src/reminders/sweep-timer';
import { everyFile, objectKeys } from '../support/documents';
import {
  assertNoTestLogLeaks,
  createTestDatabase,
  dropTestDatabase,
  testVariables,
} from '../support/test-app';

describe('worker process: the document orphan sweep', () => {
  let worker: INestApplication | undefined;
  let database: string;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'permitdesk-e2e-orphans-'));
  });
  afterAll(async () => {
    await worker?.close();
    await dropTestDatabase(database);
    rmSync(dir, { recursive: true, force: true });
    assertNoTestLogLeaks();
  });

  it('removes stored objects no document names once they are an hour old, and leaves fresh ones', async () => {
    const storage = new DiskStorage(join(dir, 'documents'));
    const old = randomBytes(24).toString('base64url');
    const fresh = randomBytes(24).toString('base64url');
    await storage.put(old, Readable.from([Buffer.from('left by a crash')]));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const path of everyFile(join(dir, 'documents')).filter((p) => p.endsWith(old))) {
      utimesSync(path, twoHoursAgo, twoHoursAgo);
    }
    await storage.put(fresh, Readable.from([Buffer.from('an upload between its steps')]));

    worker = await createWorkerApp(
      AppConfig.fromVariables(testVariables(database, { DOCUMENTS_DIR: join(dir, 'documents') })),
    );
    // The sweep that starts with the worker; runNow joins it.
    await worker.get(ReminderSweepTimer).runNow();
    expect(await objectKeys(storage)).toEqual([fresh]);
  });
});
