import type { PgErrorInfo } from '@app/database';
import type { FieldErrors } from '@app/shared';

/** What the API answers when PostgreSQL refused a write that validation let through. */
export interface DatabaseErrorAnswer {
  statusCode: 400 | 409;
  code: 'VALIDATION_FAILED' | 'CONFLICT' | 'INVALID_VALUE';
  message: string;
  fields: FieldErrors | null;
}

/** `consultant_id` -> `consultantId`: the API's name for a column. */
export function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The columns in a detail such as `Key (lower(email), consultant_id)=(...) already exists.` */
function keyColumns(detail: string | undefined): string[] {
  const match = /^Key \((.+?)\)=/.exec(detail ?? '');
  if (!match) {
    return [];
  }
  return match[1]
    .split(',')
    .map((part) => /^(?:\w+\()*(\w+)(?:::[\w ]+)?\)*$/.exec(part.trim())?.[1])
    .filter((part): part is string => part !== undefined)
    .map(fieldOfColumn);
}

function fieldsOf(names: string[], message: (field: string) => string): FieldErrors | null {
  return names.length > 0 ? Object.fromEntries(names.map((name) => [name, [message(name)]])) : null;
}

/**
 * Maps integrity and data errors (SQLSTATE 23xxx, 22xxx) to a 400 or 409 naming the field when PostgreSQL says
 * which; null for anything else, which stays a 500. Never echoes the offending value.
 */
export function databaseErrorAnswer(pg: PgErrorInfo): DatabaseErrorAnswer | null {
  switch (pg.code) {
    case '23502': {
      const fields = fieldsOf(
        pg.column ? [fieldOfColumn(pg.column)] : [],
        (field) => `${field} is required and may not be null`,
      );
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: fields
          ? `Check these fields: ${Object.keys(fields).join(', ')}`
          : 'A required value is missing',
        fields,
      };
    }
    case '23503': {
      const columns = keyColumns(pg.detail);
      if (/still referenced/.test(pg.detail ?? '')) {
        return {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'Other records still refer to this one',
          fields: null,
        };
      }
      const fields = fieldsOf(columns, (field) => `${field} does not refer to an existing record`);
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: fields
          ? `Check these fields: ${Object.keys(fields).join(', ')}`
          : 'A referenced record does not exist',
        fields,
      };
    }
    case '23505': {
      const fields = fieldsOf(keyColumns(pg.detail), (field) => `${field} is already taken`);
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: fields
          ? `Already taken: ${Object.keys(fields).join(', ')}`
          : 'A record like this already exists',
        fields,
      };
    }
    case '23P01':
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'This conflicts with an existing record',
        fields: null,
      };
    case '23514': {
      const fields = fieldsOf(
        pg.column ? [fieldOfColumn(pg.column)] : [],
        (field) => `${field} is out of range`,
      );
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `A value breaks the rule ${pg.constraint ?? 'of this record'}`,
        fields,
      };
    }
    default:
      if (pg.code.startsWith('22')) {
        const fields = fieldsOf(
          pg.column ? [fieldOfColumn(pg.column)] : [],
          (field) => `${field} is out of range or malformed`,
        );
        return {
          statusCode: 400,
          code: 'INVALID_VALUE',
          message: 'A value in the request is out of range or malformed',
          fields,
        };
      }
      return null;
  }
}
