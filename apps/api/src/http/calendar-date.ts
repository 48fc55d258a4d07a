import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@app/work-permits';

/** A real calendar day written YYYY-MM-DD, between 1900 and 2199 (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) && /^(19|20|21)\d{2}-/.test(value) },
    });
}
