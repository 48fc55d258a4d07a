import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Characters people write phone numbers with; anything else (letters, extensions) is refused. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]{4,30}$/;

/**
 * A phone number in E.164 (`+16045550123`), or null when it is not a valid number. Numbers without a country
 * code are read as `defaultCountry` numbers (Canada: `604-555-0123`).
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'CA'): string | null {
  const trimmed = input.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) {
    return null;
  }
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/** The digits of a search term that looks like (part of) a phone number or UCI, else null. */
export function searchDigits(term: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(term)) {
    return null;
  }
  const digits = term.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}
