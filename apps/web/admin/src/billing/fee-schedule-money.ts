/**
 * Dollars typed in a form as whole cents, by string arithmetic (no binary fractions): "1250" → 125000,
 * "12.5" → 1250, "0.07" → 7. Anything else (more than two decimals, a sign, letters) is NaN, which the API refuses
 * naming the field.
 */
export function centsOf(dollars: string): number {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(dollars.trim());
  if (!match) {
    return Number.NaN;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Cents as the dollars a form shows: 125000 → "1250", 1250 → "12.50". */
export function dollarsOf(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
