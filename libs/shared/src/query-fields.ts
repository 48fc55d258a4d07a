import { addFieldError } from './field-errors';
import type { FieldErrors } from './domain-error';

/**
 * Reads the single-valued text fields of a query string (`?year=2026&format=csv`). Every field not in `known` is
 * recorded in `fields` as unknown; the reader it returns gives a field's trimmed text, undefined when absent or
 * empty, and records a field given twice (`?year=1&year=2`, an array once parsed).
 */
export function queryFieldReader(
  raw: Record<string, unknown>,
  known: readonly string[],
  fields: FieldErrors,
): (key: string) => string | undefined {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      addFieldError(fields, key, `${key} is not a known field`);
    }
  }
  return (key) => {
    const value = raw[key];
    if (value === undefined || value === '') {
      return undefined;
    }
    if (typeof value !== 'string') {
      addFieldError(fields, key, `${key} must be given once`);
      return undefined;
    }
    return value.trim();
  };
}

/** A `year` query field: four digits from `first` to `last`, `last` when absent; a bad one is recorded in `fields`. */
export function queryYear(
  text: string | undefined,
  first: number,
  last: number,
  fields: FieldErrors,
): number {
  if (text === undefined) {
    return last;
  }
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= first && year <= last)) {
    addFieldError(fields, 'year', `year must be a year from ${first} to ${last}`);
  }
  return year;
}
