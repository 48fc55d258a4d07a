import { isUUID } from 'class-validator';

/**
 * Whether a value is a UUID in the form the API accepts (class-validator's `isUUID`, any version), so a
 * malformed id from a path, a cursor or a token is refused before PostgreSQL is asked to cast it.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value);
}
