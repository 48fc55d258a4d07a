import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isDay, isInstant } from '@app/consultations';

/** An ISO 8601 instant with an offset, e.g. 2026-12-01T17:00:00Z (a time without a zone is refused). */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T17:00:00Z`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) && /^(19|20|21)\d{2}-/.test(value) },
    });
}

/** A calendar day (YYYY-MM-DD) or an ISO 8601 instant with an offset. */
export function IsDayOrInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDayOrInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => (isDay(value) || isInstant(value)) && /^(19|20|21)\d{2}-/.test(value),
      },
    });
}
