import { QueryFailedError } from 'typeorm';

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE and constraint name of a failed query, when it is a PostgreSQL error. */
export function pgError(error: unknown): { code: string; constraint?: string } | undefined {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (typeof driverError?.code === 'string') {
      return { code: driverError.code, constraint: driverError.constraint };
    }
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === PG_UNIQUE_VIOLATION && (constraint === undefined || pg.constraint === constraint);
}
