import { createServer, type Server } from 'node:net';
import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailableReason, isDatabaseUnavailable } from './connection-errors';

/** A pg error as the driver builds it: an Error with the SQLSTATE in `code`. */
function pgDriverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

function queryFailed(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

/** A port with nothing listening: connecting there is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('databaseUnavailableReason', () => {
  it('recognises the real error of a connect that is refused, bare and from a pool', async () => {
    const port = await closedPort();
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'secret' });
    const refused = await client.connect().catch((error: unknown) => error);
    expect(databaseUnavailableReason(refused)).toBe('ECONNREFUSED');

    const pool = new Pool({ connectionString: `postgres://postgres:secret@127.0.0.1:${port}/permitdesk` });
    const fromPool = await pool.query('SELECT 1').catch((error: unknown) => error);
    await pool.end();
    expect(databaseUnavailableReason(fromPool)).toBe('ECONNREFUSED');
  });

  it('recognises a server that accepts the socket but never answers (connect timeout)', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const client = new Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 100 });
      const error = await client.connect().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
      const pool = new Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 100 });
      const fromPool = await pool.query('SELECT 1').catch((e: unknown) => e);
      await pool.end();
      expect(isDatabaseUnavailable(fromPool)).toBe(true);
    } finally {
      silent.close();
    }
  });

  it('recognises a server shutting down, crashed or starting up (57P01-57P03), in a QueryFailedError or bare', () => {
    expect(
      databaseUnavailableReason(
        queryFailed(pgDriverError('57P01', 'terminating connection due to administrator command')),
      ),
    ).toBe('57P01');
    expect(
      databaseUnavailableReason(
        pgDriverError('57P02', 'terminating connection because of crash of another server process'),
      ),
    ).toBe('57P02');
    expect(databaseUnavailableReason(pgDriverError('57P03', 'the database system is starting up'))).toBe(
      '57P03',
    );
    expect(databaseUnavailableReason(pgDriverError('53300', 'sorry, too many clients already'))).toBe(
      '53300',
    );
  });

  it('recognises every connection exception of SQLSTATE class 08', () => {
    for (const code of ['08000', '08003', '08006', '08001', '08004', '08P01']) {
      expect(databaseUnavailableReason(queryFailed(pgDriverError(code, 'connection failure')))).toBe(code);
    }
  });

  it('recognises the driver messages that carry no code: a dropped connection, a pool or query timeout', () => {
    expect(databaseUnavailableReason(queryFailed(new Error('Connection terminated unexpectedly')))).toBe(
      'connection terminated unexpectedly',
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(databaseUnavailableReason(new Error('timeout exceeded when trying to connect'))).toBe(
      'timeout exceeded when trying to connect',
    );
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
  });

  it('looks through causes and AggregateErrors (a refused connect to several addresses)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(databaseUnavailableReason(new AggregateError([refused], 'connect failed'))).toBe('ECONNREFUSED');
    expect(
      databaseUnavailableReason(new Error('wrapped', { cause: pgDriverError('57P01', 'terminating') })),
    ).toBe('57P01');
  });

  it('leaves everything else alone: refusals of the data, slow queries, programming errors, non-errors', () => {
    expect(
      isDatabaseUnavailable(
        queryFailed(pgDriverError('23505', 'duplicate key value violates unique constraint')),
      ),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(queryFailed(pgDriverError('22P02', 'invalid input syntax for type uuid'))),
    ).toBe(false);
    expect(isDatabaseUnavailable(queryFailed(pgDriverError('42P01', 'relation "nope" does not exist')))).toBe(
      false,
    );
    expect(
      isDatabaseUnavailable(
        queryFailed(pgDriverError('57014', 'canceling statement due to statement timeout')),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('gives a reason without the host, port or password of the connection', async () => {
    const port = await closedPort();
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'secret' });
    const reason = databaseUnavailableReason(await client.connect().catch((error: unknown) => error)) ?? '';
    expect(reason).not.toMatch(/127\.0\.0\.1|secret|\d{4,}/);
  });
});
