import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@app/clients';

/** `YYYY-MM-DD` naming a real day; null passes (the field is then cleared or left empty). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date (YYYY-MM-DD)`, ...options },
      validator: { validate: (value: unknown) => value === null || isCalendarDate(value) },
    });
}
