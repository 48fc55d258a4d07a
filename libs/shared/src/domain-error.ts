/** Field name → messages, as returned to API callers in `fields`. */
export type FieldErrors = Record<string, string[]>;

/**
 * Base of every business error. Services throw these, never HTTP exceptions; the API maps `code` to a
 * status in one exhaustive switch (apps/api/src/http/error-status.ts).
 */
export abstract class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
}

/** Input that passed the shape checks but breaks a business rule; always names the field. */
export class ValidationFailedError extends DomainError<CommonErrorCode.ValidationFailed> {
  constructor(fields: FieldErrors, message?: string) {
    super(CommonErrorCode.ValidationFailed, message ?? Object.values(fields).flat().join('; '), fields);
  }

  static field(field: string, message: string): ValidationFailedError {
    return new ValidationFailedError({ [field]: [message] });
  }
}
