// Whether an error means "PostgreSQL cannot be reached right now" rather than "this query is wrong". The one
// place that knows the shapes such failures take: a refused or reset socket (pg connect), a connection the server
// closed (pg "Connection terminated"), SQLSTATE class 08 and 57P01-57P03 (shut down, crashed, starting up), and
// a pool that could not hand out a connection in time. TypeORM passes some of these bare and wraps others in a
// QueryFailedError (driverError); Node wraps a refused multi-address connect in an AggregateError.

/** Socket errors that mean the server is not there (or went away). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going, gone or not yet there: 57P01 admin_shutdown (terminating connection due
 * to administrator command), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down,
 * recovering), 53300 too_many_connections; class 08 is connection exceptions.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages of pg and pg-pool that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // "Connection terminated unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect/i, // pg-pool: no connection within connectionTimeoutMillis
  /^timeout expired$/i, // pg Client.connect: no answer within connectionTimeoutMillis
  /^Query read timeout/i, // pg: query_timeout elapsed with no answer
  /is not queryable/i, // "Client has encountered a connection error and is not queryable"
  /^Cannot use a pool after calling end/i,
];

/** Why the database is unreachable, as a short token safe to log (a code, never a host or a password); or null. */
export function databaseUnavailableReason(error: unknown): string | null {
  for (const candidate of causes(error)) {
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
        return code;
      }
    }
    const message = (candidate as { message?: unknown }).message;
    if (typeof message === 'string') {
      const known = UNAVAILABLE_MESSAGES.find((pattern) => pattern.test(message));
      if (known) {
        return message.split(/[.:(]/)[0].trim().toLowerCase();
      }
    }
  }
  return null;
}

/** True when the error says PostgreSQL cannot be reached now (down, restarting, unreachable, pool exhausted). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}

/** The error and what it wraps (driverError, cause, an AggregateError's errors), a few levels deep. */
function* causes(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 4) {
    return;
  }
  yield error;
  const wrapped = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  yield* causes(wrapped.driverError, depth + 1);
  yield* causes(wrapped.cause, depth + 1);
  if (Array.isArray(wrapped.errors)) {
    for (const inner of wrapped.errors) {
      yield* causes(inner, depth + 1);
    }
  }
}
