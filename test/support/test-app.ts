import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorkerContext } from '../../apps/worker/src/bootstrap';
import { type StaffRole, StaffSessionsService, type UserEntity } from '@app/auth';
import { AppConfig } from '@app/config';
import type { Clock } from '@app/shared';
import { Given } from './given';
import { assertNoLogLeaks, testFileLog } from './log-scanner';
import { databaseUrl, REDIS_URL, runPrefix, withServer } from './test-databases';

/** An HTTP client that sends a real access token with every request. */
export interface SignedInClient {
  user: UserEntity;
  token: string;
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** This app's database name. */
  database: string;
  /** Where this app logs: test-results/logs/<test file>.log, shared by every process of the test file. */
  logFile: string;
  dataSource: DataSource;
  given: Given;
  /** Unauthenticated requests. */
  http(): ReturnType<typeof request>;
  signedInAs(role: StaffRole, attrs?: Partial<{ name: string; email: string }>): Promise<SignedInClient>;
  close(): Promise<void>;
}

export const TEST_ENCRYPTION_KEY = randomBytes(32).toString('base64');
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** Secrets of the test configuration that must never be logged (with the tests' passwords and passport numbers). */
export const TEST_CONFIG_SECRETS = [TEST_JWT_SECRET, TEST_ENCRYPTION_KEY];

/**
 * Fails the calling test file when a secret reached its logs. Every process built from `testVariables(database)`
 * logs at debug level to test-results/logs/<test file>.log; TestApp.close() calls this, and specs that build apps
 * without createTestApp call it in their afterAll.
 */
export function assertNoTestLogLeaks(file = testFileLog()): void {
  assertNoLogLeaks(file, TEST_CONFIG_SECRETS);
}

export function testVariables(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(database),
    REDIS_URL,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    // Logged as in production, to a file per test database, then scanned for secrets when the test file ends.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'debug',
    LOG_FILE: testFileLog(),
    DEMO_DATA: 'false',
    // OWASP's minimum cost for password hashes, the least the configuration takes: the product's default (64 MiB,
    // 3 passes, 4 lanes) made the sign-ins, password changes and user creations of a run cost about 50 s of CPU more
    // on 2 cores. The default's own hash is tested in libs/auth/src/passwords.spec.ts.
    PASSWORD_HASH_MEMORY_KIB: '19456',
    PASSWORD_HASH_PASSES: '2',
    PASSWORD_HASH_LANES: '1',
    QUEUE_PREFIX: `${database}`,
    ...extra,
  };
}

/**
 * The next database of this test file, copied while the part that asked for the last one runs. A copy takes about
 * a third of a second, mostly waiting on PostgreSQL's disk: the end-to-end and browser suites make a hundred or so
 * apps a run, each on a database of its own. Only there: an int-spec asks for one, and a timed suite holds the
 * machine to a wall-clock budget that a copy in the background would disturb.
 */
let spare: Promise<string> | null = null;

/** A fresh database copied from the run's migrated template. */
export async function createTestDatabase(): Promise<string> {
  const ready = spare ?? copyTemplate();
  spare = preparesAhead() ? copyTemplate() : null;
  // A spare that fails reports to the part that takes it; one that is never taken must not be an unhandled rejection.
  spare?.catch(() => undefined);
  return ready;
}

/** Drops a database that createTestDatabase() made (connections to it closed by force). */
export async function dropTestDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function copyTemplate(): Promise<string> {
  // Random, not a counter: test files that run one after another in the same worker must not share a
  // database name, since it is also their Redis prefix (queues, rate-limit counters).
  const name = `${runPrefix()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return withServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${runPrefix()}_tpl"`)).then(
    () => name,
  );
}

function preparesAhead(): boolean {
  const file = expect.getState().testPath ?? '';
  return /\/test\/(e2e|browser)\/suites\//.test(file) && !/\/timed-[^/]*$/.test(file);
}

afterAll(async () => {
  const unused = await spare?.catch(() => null);
  spare = null;
  if (unused) {
    await dropTestDatabase(unused);
  }
});

/**
 * The API as production builds it, on its own fresh database; or, given `databaseUrl`, on that (already migrated)
 * database, which close() then leaves alone.
 */
export async function createTestApp(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    webDir?: string | null;
    databaseUrl?: string;
    emailSender?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? `${runPrefix()}_${process.pid}_${randomBytes(4).toString('hex')}`
    : await createTestDatabase();
  const env = options.databaseUrl ? { ...options.env, DATABASE_URL: options.databaseUrl } : options.env;
  const config = AppConfig.fromVariables(testVariables(database, env));
  const app = await createApiApp(config, { clock: options.clock, webDir: options.webDir });
  // The API only writes emails to the outbox; the worker's sender delivers them. Unless a test runs its own
  // worker or sender, it runs here, in-process, as it runs in the worker (`emailSender: false` to leave it out).
  const sender: INestApplicationContext | null =
    options.emailSender === false
      ? null
      : await createWorkerContext(config, { clock: options.clock, only: 'emails' });
  const server = app.getHttpServer();
  const sessions = app.get(StaffSessionsService);
  const given = new Given(app);
  let people = 0;

  return {
    app,
    config,
    database,
    logFile: config.logFile ?? testFileLog(),
    dataSource: app.get(DataSource),
    given,
    http: () => request(server),
    async signedInAs(role, attrs = {}) {
      people += 1;
      const user = await given.user({
        email: attrs.email ?? `${role}${people}@test.permitdesk.ca`,
        name: attrs.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${people}`,
        role,
      });
      // A real session, as a login starts one: signing out or a password change ends it.
      const { accessToken: token } = await sessions.start(user, {
        ipAddress: '127.0.0.1',
        userAgent: 'test',
      });
      const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
      return {
        user,
        token,
        get: (url) => auth(request(server).get(url)),
        post: (url) => auth(request(server).post(url)),
        put: (url) => auth(request(server).put(url)),
        patch: (url) => auth(request(server).patch(url)),
        delete: (url) => auth(request(server).delete(url)),
      };
    },
    async close() {
      await sender?.close();
      await app.close();
      if (!options.databaseUrl) {
        await dropTestDatabase(database);
      }
      assertNoTestLogLeaks(config.logFile);
    },
  };
}
