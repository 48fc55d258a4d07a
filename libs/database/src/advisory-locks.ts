import type { DataSource, EntityManager } from 'typeorm';

/**
 * PostgreSQL advisory locks named by a string (`consultant-schedule:<id>`, `reminder-sweep`): the one way writers
 * that no row or constraint serialises wait for each other. Keys become lock ids through hashtextextended (64 bits,
 * so two different keys practically never share a lock).
 */

/** Holds the lock `key` until the transaction of `manager` ends; waits while another transaction holds it. */
export async function lockUntilCommit(manager: EntityManager, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/**
 * Runs `work` while holding the session-level lock `key` on a connection of its own, released when `work` ends
 * (or with the connection, if the process dies mid-way). With `wait: true` it waits for the lock; with
 * `wait: false` it answers null at once when another session holds it.
 */
export function withSessionLock<T>(
  dataSource: DataSource,
  key: string,
  options: { wait: true },
  work: () => Promise<T>,
): Promise<T>;
export function withSessionLock<T>(
  dataSource: DataSource,
  key: string,
  options: { wait: false },
  work: () => Promise<T>,
): Promise<T | null>;
export async function withSessionLock<T>(
  dataSource: DataSource,
  key: string,
  { wait }: { wait: boolean },
  work: () => Promise<T>,
): Promise<T | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (wait) {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    } else {
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [key],
      )) as { locked: boolean }[];
      if (!locked) {
        return null;
      }
    }
    try {
      return await work();
    } finally {
      // A lost connection has released the lock already; the error of `work`, if any, is the one to report.
      await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
