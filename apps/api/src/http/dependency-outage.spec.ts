import { type Logger, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { errorAnswer } from './all-exceptions.filter';
import { DependencyOutages, unavailableDependency } from './dependency-outage';
import { HealthCheckFailedException } from './health-check-failed';

function fakeLogger() {
  return { error: jest.fn(), warn: jest.fn(), log: jest.fn() };
}

const adminShutdown = new QueryFailedError(
  'SELECT 1',
  [],
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
);
const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });

describe('unavailableDependency', () => {
  it('names the database for PostgreSQL connection failures and the queue for Redis ones', () => {
    expect(unavailableDependency(adminShutdown)).toEqual({ dependency: 'database', reason: '57P01' });
    expect(unavailableDependency(refused)).toEqual({ dependency: 'database', reason: 'ECONNREFUSED' });
    const redis = Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(unavailableDependency(redis)).toEqual({ dependency: 'queue', reason: 'max retries per request' });
    expect(unavailableDependency(new Error('Connection is closed.'))).toEqual({
      dependency: 'queue',
      reason: 'connection is closed',
    });
    expect(unavailableDependency(new Error('boom'))).toBeNull();
  });
});

describe('errorAnswer for an outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After in the one error shape, without internals', () => {
    const outages = new DependencyOutages(fakeLogger() as unknown as Logger);
    const { body, retryAfterSeconds } = errorAnswer(refused, fakeLogger() as unknown as Logger, outages);
    expect(body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/database/),
      fields: null,
      errorId: null,
    });
    expect(body.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.5/);
    expect(retryAfterSeconds).toBeGreaterThan(0);
  });

  it('still answers any other unknown error 500 with an errorId', () => {
    const logger = fakeLogger();
    const { body, retryAfterSeconds } = errorAnswer(
      new Error('boom'),
      logger as unknown as Logger,
      new DependencyOutages(fakeLogger() as unknown as Logger),
    );
    expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR', errorId: expect.any(String) });
    expect(retryAfterSeconds).toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('answers a failed health check 503 naming the check, with terminus details and Retry-After', () => {
    const result = {
      status: 'error' as const,
      info: { redis: { status: 'up' as const } },
      error: { database: { status: 'down' as const, reason: 'ECONNREFUSED' } },
      details: {
        redis: { status: 'up' as const },
        database: { status: 'down' as const, reason: 'ECONNREFUSED' },
      },
    };
    const failed = HealthCheckFailedException.from(new ServiceUnavailableException(result));
    const logger = fakeLogger();
    const { body, retryAfterSeconds } = errorAnswer(
      failed,
      fakeLogger() as unknown as Logger,
      new DependencyOutages(logger as unknown as Logger),
    );
    expect(body).toMatchObject({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'Not ready: database is down.',
      ...result,
    });
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'ECONNREFUSED' }),
      expect.stringContaining('PostgreSQL'),
    );
  });
});

describe('DependencyOutages', () => {
  it('logs an outage once when it starts and once when it ends, however many requests failed', () => {
    const logger = fakeLogger();
    const outages = new DependencyOutages(logger as unknown as Logger);
    for (let i = 0; i < 600; i += 1) {
      outages.failed('database', 'ECONNREFUSED');
    }
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(outages.isDown('database')).toBe(true);
    outages.recovered('database');
    outages.recovered('database');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ refused: 600 }),
      expect.stringContaining('reachable again'),
    );
    outages.failed('database', '57P01');
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('keeps the database and the queue apart', () => {
    const logger = fakeLogger();
    const outages = new DependencyOutages(logger as unknown as Logger);
    outages.failed('queue', 'connection is closed');
    outages.recovered('database');
    expect(outages.isDown('queue')).toBe(true);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
