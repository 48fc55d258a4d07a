import { QueryFailedError } from 'typeorm';

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export const PG_NOT_NULL_VIOLATION = '23502';
export const PG_CHECK_VIOLATION = '23514';

/** What PostgreSQL said about a failed query: SQLSTATE, and where it knows them, constraint, table, column, detail. */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/** The SQLSTATE (and what else PostgreSQL named) of a failed query, when it is a PostgreSQL error. */
export function pgError(error: unknown): PgErrorInfo | undefined {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as Partial<Record<keyof PgErrorInfo, unknown>> | undefined;
    if (typeof driverError?.code === 'string') {
      const text = (key: keyof PgErrorInfo) =>
        typeof driverError[key] === 'string' ? driverError[key] : undefined;
      return {
        code: driverError.code,
        constraint: text('constraint'),
        table: text('table'),
        column: text('column'),
        detail: text('detail'),
      };
    }
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === PG_UNIQUE_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}
