/** How many trailing characters are kept in clear for masked display. */
export const PASSPORT_HINT_LENGTH = 3;

/** Passport numbers: 6 to 12 letters and digits, stored upper-case. Null when the value is not one. */
export function normalizePassportNumber(input: string): string | null {
  const compact = input.trim().toUpperCase();
  return /^[A-Z0-9]{6,12}$/.test(compact) ? compact : null;
}

export function passportNumberHint(passportNumber: string): string {
  return passportNumber.slice(-PASSPORT_HINT_LENGTH);
}

/** `•••••567`: always five dots, so the mask does not reveal the length. */
export function maskPassportNumber(hint: string | null): string | null {
  return hint === null ? null : `•••••${hint}`;
}
