// Test databases: one template migrated per run, one copy per test file. Imported by jest's globalSetup,
// which does not apply path aliases, hence the relative imports.
import Redis from 'ioredis';
import { Client } from 'pg';

export const SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function runPrefix(): string {
  const run = process.env.PERMITDESK_TEST_RUN;
  if (!run) {
    throw new Error('PERMITDESK_TEST_RUN is not set: run the tests through jest (npm test)');
  }
  return `permitdesk_test_${run}`;
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabases(pattern: string): Promise<void> {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

/** Deletes the Redis keys matching `pattern` (a run's queues and rate-limit counters). */
export async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const stream = redis.scanStream({ match: pattern, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        await redis.unlink(...keys);
      }
    }
  } finally {
    redis.disconnect();
  }
}
