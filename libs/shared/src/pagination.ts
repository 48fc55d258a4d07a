import { ValidationFailedError } from './domain-error';
import { isUuid } from './uuid';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset position: the sort key values of the last row seen, newest sort key first, id last. */
export type CursorValues = (string | number)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const CURSOR_REFUSED = 'cursor is not one this API returned; start again without it';

export function decodeCursor(cursor: string | undefined, arity: number): CursorValues | undefined {
  if (cursor === undefined || cursor === '') {
    return undefined;
  }
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the validation error
  }
  throw ValidationFailedError.field('cursor', CURSOR_REFUSED);
}

/**
 * What one value of a keyset cursor must be: `timestamp` an ISO instant, `date` a YYYY-MM-DD day, `uuid` an id,
 * `text` any string, `integer` a whole number (a bigint column comes back as a string of digits).
 */
export type CursorPart = 'timestamp' | 'date' | 'uuid' | 'text' | 'integer';

type CursorValue<P extends CursorPart> = P extends 'integer' ? string | number : string;
export type KeysetPosition<P extends readonly CursorPart[]> = { [K in keyof P]: CursorValue<P[K]> };

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^-?\d+$/;

function fits(part: CursorPart, value: string | number): boolean {
  switch (part) {
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'date':
      return (
        typeof value === 'string' &&
        CALENDAR_DATE.test(value) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
      );
    case 'uuid':
      return isUuid(value);
    case 'text':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' ? Number.isSafeInteger(value) : INTEGER.test(value);
  }
}

/**
 * Decodes a keyset cursor and checks each value against the sort key it stands for, so a forged or stale
 * cursor is one VALIDATION_FAILED on `cursor` rather than a database error. Undefined without a cursor.
 */
export function decodeKeysetCursor<const P extends readonly CursorPart[]>(
  cursor: string | undefined,
  parts: P,
): KeysetPosition<P> | undefined {
  const values = decodeCursor(cursor, parts.length);
  if (values === undefined) {
    return undefined;
  }
  if (!parts.every((part, i) => fits(part, values[i]))) {
    throw ValidationFailedError.field('cursor', CURSOR_REFUSED);
  }
  return values as KeysetPosition<P>;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that there is a next page.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => CursorValues,
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(cursorOf(pageRows[pageRows.length - 1])) : null,
  };
}
