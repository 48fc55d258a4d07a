import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** What the sweeps ask of a bull queue: its Redis client and where it keeps a job. */
export interface JobStore {
  client: Redis;
  toKey(id: string): string;
}

/** The ids among these that have no job in Redis (one pipeline of EXISTS per call). */
export async function jobsMissing(queue: JobStore, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const pipeline = queue.client.pipeline();
  for (const id of ids) {
    pipeline.exists(queue.toKey(id));
  }
  const results = (await pipeline.exec()) ?? [];
  return ids.filter((_, i) => {
    const [error, exists] = results[i] ?? [null, 0];
    if (error) {
      throw error;
    }
    return exists === 0;
  });
}

/** The ids among these whose job a live worker holds: bull renews a job's lock while a worker processes it. */
export async function jobsLocked(queue: JobStore, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const pipeline = queue.client.pipeline();
  for (const id of ids) {
    pipeline.exists(`${queue.toKey(id)}:lock`);
  }
  const results = (await pipeline.exec()) ?? [];
  return new Set(ids.filter((_, i) => results[i]?.[1] === 1));
}

/**
 * Writes queue jobs after their rows are committed, on a best-effort basis: it never throws (PostgreSQL holds the
 * rows and the sweep restores a lost job), returns at once while Redis is not connected, waits at most
 * `timeoutMs` on a slow one, and logs an outage once and its end once, not once per request.
 */
export class BestEffortJobWrites {
  private failing = false;

  constructor(
    private readonly logger: Logger,
    /** What the jobs are, for the log lines: "Reminder jobs", "Email delivery jobs". */
    private readonly what: string,
    private readonly timeoutMs = 1000,
  ) {}

  async write(connected: boolean, work: () => Promise<void>): Promise<void> {
    if (!connected) {
      this.failed(new Error('Redis is not connected'));
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const done = work().then(
      () => null,
      (error: unknown) => error,
    );
    const timeout = new Promise<Error>((resolve) => {
      timer = setTimeout(
        () => resolve(new Error(`Redis did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    const failure = await Promise.race([done, timeout]);
    clearTimeout(timer);
    if (failure) {
      this.failed(failure);
    } else if (this.failing) {
      this.failing = false;
      this.logger.log(`${this.what} are written to Redis again`);
    }
  }

  private failed(failure: unknown): void {
    if (this.failing) {
      return;
    }
    this.failing = true;
    this.logger.warn(
      `${this.what} not written to Redis (the sweep will add them once Redis is back): ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
}
