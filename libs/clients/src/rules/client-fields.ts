import { isEmail, isISO31661Alpha2 } from 'class-validator';
import { addFieldError, isUuid, type FieldErrors } from '@app/shared';
import { PreferredLanguage, StatusInCanada } from '../entities/client.entity';
import { dateOfBirthProblem, isCalendarDate } from './calendar-date';
import { normalizePassportNumber } from './passport-number';
import { normalizePhone } from './phone';
import { normalizeUci } from './uci';

/** What a client is created from. Optional fields may be null (not known). */
export interface CreateClientInput {
  firstName: string;
  lastName: string;
  email?: string | null;
  /** Any usual way of writing it; stored in E.164. Numbers without a country code are Canadian. */
  phone?: string | null;
  dateOfBirth?: string | null;
  /** ISO 3166-1 alpha-2, any case. */
  citizenship?: string | null;
  countryOfResidence?: string | null;
  statusInCanada?: StatusInCanada;
  statusExpiresOn?: string | null;
  statusAppliedOn?: string | null;
  statusLostOn?: string | null;
  /** In clear here; encrypted before it is stored. */
  passportNumber?: string | null;
  passportExpiresOn?: string | null;
  /** 8 or 10 digits, dashes and spaces allowed. */
  uci?: string | null;
  preferredLanguage?: PreferredLanguage;
  /** An active consultant (or admin); consultants may only name themselves. */
  consultantId?: string | null;
}

/** A partial change: absent fields stay, null clears a nullable field. */
export type UpdateClientInput = Partial<CreateClientInput>;

/** The input with every value in its stored form (trimmed, E.164, upper-case codes, digits-only UCI). */
export type NormalizedClientFields = UpdateClientInput;

export const NAME_MAX_LENGTH = 100;
const LATEST_DATE = '2199-12-31';
const EARLIEST_DATE = '1900-01-01';

const DATE_FIELDS = ['statusExpiresOn', 'statusAppliedOn', 'statusLostOn', 'passportExpiresOn'] as const;
const COUNTRY_FIELDS = ['citizenship', 'countryOfResidence'] as const;

/**
 * Checks and normalises the fields present in `input`. `creating` makes the names required.
 * `today` (`YYYY-MM-DD`, the firm's day) bounds the date of birth. Returns the stored forms and the problems,
 * keyed by field.
 */
export function normalizeClientFields(
  input: UpdateClientInput,
  options: { creating: boolean; today: string },
): { values: NormalizedClientFields; errors: FieldErrors } {
  const values: NormalizedClientFields = {};
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => addFieldError(errors, field, message);

  for (const field of ['firstName', 'lastName'] as const) {
    const value = input[field];
    if (value === undefined && !options.creating) {
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      fail(field, `${field} must not be empty`);
    } else if (value.trim().length > NAME_MAX_LENGTH) {
      fail(field, `${field} must be at most ${NAME_MAX_LENGTH} characters`);
    } else {
      values[field] = value.trim().replace(/\s+/g, ' ');
    }
  }

  if (input.email !== undefined) {
    const email = input.email?.trim() || null;
    if (email !== null && (!isEmail(email) || email.length > 254)) {
      fail('email', 'email must be an email address');
    } else {
      values.email = email;
    }
  }

  if (input.phone !== undefined) {
    const phone = input.phone?.trim() || null;
    const normalized = phone === null ? null : normalizePhone(phone);
    if (phone !== null && normalized === null) {
      fail('phone', 'phone must be a valid phone number, e.g. +16045550123 or 604-555-0123');
    } else {
      values.phone = normalized;
    }
  }

  if (input.dateOfBirth !== undefined) {
    const problem = input.dateOfBirth === null ? null : dateOfBirthProblem(input.dateOfBirth, options.today);
    if (problem) {
      fail('dateOfBirth', problem);
    } else {
      values.dateOfBirth = input.dateOfBirth;
    }
  }

  for (const field of COUNTRY_FIELDS) {
    const value = input[field];
    if (value === undefined) {
      continue;
    }
    if (value !== null && !isISO31661Alpha2(value)) {
      fail(field, `${field} must be an ISO 3166-1 alpha-2 country code, e.g. IN`);
    } else {
      values[field] = value === null ? null : value.toUpperCase();
    }
  }

  if (input.statusInCanada !== undefined) {
    if (!Object.values(StatusInCanada).includes(input.statusInCanada)) {
      fail('statusInCanada', `statusInCanada must be one of ${Object.values(StatusInCanada).join(', ')}`);
    } else {
      values.statusInCanada = input.statusInCanada;
    }
  }

  for (const field of DATE_FIELDS) {
    const value = input[field];
    if (value === undefined) {
      continue;
    }
    if (value !== null && (!isCalendarDate(value) || value < EARLIEST_DATE || value > LATEST_DATE)) {
      fail(field, `${field} must be a date (YYYY-MM-DD) between ${EARLIEST_DATE} and ${LATEST_DATE}`);
    } else {
      values[field] = value;
    }
  }

  if (input.passportNumber !== undefined) {
    const normalized = input.passportNumber === null ? null : normalizePassportNumber(input.passportNumber);
    if (input.passportNumber !== null && normalized === null) {
      fail('passportNumber', 'passportNumber must be 6 to 12 letters and digits');
    } else {
      values.passportNumber = normalized;
    }
  }

  if (input.uci !== undefined) {
    const normalized = input.uci === null ? null : normalizeUci(input.uci);
    if (input.uci !== null && normalized === null) {
      fail('uci', 'uci must be 8 or 10 digits, e.g. 1234-5678 or 12-3456-7890');
    } else {
      values.uci = normalized;
    }
  }

  if (input.preferredLanguage !== undefined) {
    if (!Object.values(PreferredLanguage).includes(input.preferredLanguage)) {
      fail('preferredLanguage', 'preferredLanguage must be en or fr');
    } else {
      values.preferredLanguage = input.preferredLanguage;
    }
  }

  if (input.consultantId !== undefined) {
    if (input.consultantId !== null && !isUuid(input.consultantId)) {
      fail('consultantId', 'consultantId must be a UUID');
    } else {
      values.consultantId = input.consultantId;
    }
  }

  return { values, errors };
}
