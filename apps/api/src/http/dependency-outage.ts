import { Logger } from '@nestjs/common';
import { databaseUnavailableReason } from '@app/database';

/** What the API cannot work without; each has its own 503 code. */
export type Dependency = 'database' | 'queue';

export const UNAVAILABLE_CODE: Record<Dependency, 'DATABASE_UNAVAILABLE' | 'QUEUE_UNAVAILABLE'> = {
  database: 'DATABASE_UNAVAILABLE',
  queue: 'QUEUE_UNAVAILABLE',
};

/** Seconds a client should wait before trying again (the Retry-After header of every 503 of an outage). */
export const RETRY_AFTER_SECONDS = 5;

const NAME: Record<Dependency, string> = { database: 'PostgreSQL', queue: 'Redis' };

const MESSAGE: Record<Dependency, string> = {
  database:
    'PermitDesk cannot reach its database at the moment, so this request was not completed. ' +
    'Please try again in a few seconds.',
  queue:
    'PermitDesk cannot reach its job queue at the moment, so this request was not completed. ' +
    'Please try again in a few seconds.',
};

export interface Unavailable {
  dependency: Dependency;
  /** A short token safe to log: a SQLSTATE, a socket error code or a driver's fixed phrase. */
  reason: string;
}

/** The dependency an error says is unreachable (a down or restarting PostgreSQL, an unreachable Redis), or null. */
export function unavailableDependency(error: unknown): Unavailable | null {
  const queue = queueUnavailableReason(error);
  if (queue) {
    return { dependency: 'queue', reason: queue };
  }
  const database = databaseUnavailableReason(error);
  return database ? { dependency: 'database', reason: database } : null;
}

/** ioredis fails commands with these while Redis is unreachable (bull and the API's own client alike). */
function queueUnavailableReason(error: unknown): string | null {
  if (!(error instanceof Error)) {
    return null;
  }
  if (error.name === 'MaxRetriesPerRequestError') {
    return 'max retries per request';
  }
  if (/^Connection is closed\.?$/.test(error.message) || /^Stream isn't writeable/.test(error.message)) {
    return 'connection is closed';
  }
  return null;
}

/** The error body of an outage, in the one error shape. */
export function unavailableBody(dependency: Dependency, message = MESSAGE[dependency]) {
  return { statusCode: 503, code: UNAVAILABLE_CODE[dependency], message, fields: null, errorId: null };
}

/**
 * Logs an outage once when it starts and once when it ends, with how long it lasted and how many requests got a
 * 503 meanwhile; never once per request, and never with a connection string. Per process: each API replica says
 * what it saw.
 */
export class DependencyOutages {
  private readonly down = new Map<Dependency, { since: number; reason: string; refused: number }>();

  constructor(private readonly logger = new Logger('Outage')) {}

  /** A request failed because `dependency` is unreachable. */
  failed(dependency: Dependency, reason: string): void {
    const outage = this.down.get(dependency);
    if (outage) {
      outage.refused += 1;
      return;
    }
    this.down.set(dependency, { since: Date.now(), reason, refused: 1 });
    this.logger.error(
      { dependency, reason },
      `${NAME[dependency]} is unreachable (${reason}): answering 503 ${UNAVAILABLE_CODE[dependency]} until it is back`,
    );
  }

  /** `dependency` answered again (a new connection opened, a health check passed). */
  recovered(dependency: Dependency): void {
    const outage = this.down.get(dependency);
    if (!outage) {
      return;
    }
    this.down.delete(dependency);
    const seconds = Math.round((Date.now() - outage.since) / 1000);
    this.logger.warn(
      { dependency, reason: outage.reason, seconds, refused: outage.refused },
      `${NAME[dependency]} is reachable again after ${seconds} s; ${outage.refused} requests were answered 503 meanwhile`,
    );
  }

  isDown(dependency: Dependency): boolean {
    return this.down.has(dependency);
  }
}
