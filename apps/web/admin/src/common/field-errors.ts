/** Messages by field, as the API's VALIDATION_FAILED answers carry them to a form. */
export type FieldErrors = Record<string, string>;

/** The field errors of a failed request, or none. */
export const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};
