import { ValidationFailedError, type FieldErrors } from './domain-error';

/** The summary of a VALIDATION_FAILED that names its fields: "Check these fields: a, b". */
export function checkTheseFields(fields: FieldErrors): string {
  return `Check these fields: ${Object.keys(fields).join(', ')}`;
}

/** The summary of a VALIDATION_FAILED made of its messages: "a is wrong; b is missing". */
export function joinedMessages(fields: FieldErrors): string {
  return Object.values(fields).flat().join('; ');
}

/**
 * Collects the problems of a request, field by field, so one VALIDATION_FAILED names every bad field at once.
 */
export class FieldErrorList {
  readonly fields: FieldErrors = {};

  add(field: string, message: string): void {
    (this.fields[field] ??= []).push(message);
  }

  merge(other: FieldErrors): void {
    mergeFieldErrors(this.fields, other);
  }

  isEmpty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  /** Throws one ValidationFailedError with every field collected, if any; `summary` writes its message. */
  throwIfAny(summary: (fields: FieldErrors) => string = checkTheseFields): void {
    throwIfFieldErrors(this.fields, summary);
  }
}

/** Throws one ValidationFailedError for `fields` unless it is empty; `summary` writes its message. */
export function throwIfFieldErrors(
  fields: FieldErrors,
  summary: (fields: FieldErrors) => string = checkTheseFields,
): void {
  if (Object.keys(fields).length > 0) {
    throw new ValidationFailedError(fields, summary(fields));
  }
}

/** Adds one message to a field of a plain FieldErrors record. */
export function addFieldError(fields: FieldErrors, field: string, message: string): void {
  (fields[field] ??= []).push(message);
}

/** Adds every message of `more` to `into`, field by field. */
export function mergeFieldErrors(into: FieldErrors, more: FieldErrors): void {
  for (const [field, messages] of Object.entries(more)) {
    (into[field] ??= []).push(...messages);
  }
}
