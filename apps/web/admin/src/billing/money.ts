/** The largest amount the API takes on one line or payment: $10,000,000.00. */
export const MAX_CENTS = 1_000_000_000;

/**
 * Whole cents from dollars as staff type them, in English or French: `1500`, `1,500.00`, `1 500,00`, `$1,500.5`,
 * `1500,50 $`. Null for anything that is not an amount of at most two decimals (the caller says so beside the field).
 */
export function centsOf(text: string): number | null {
  const bare = text.replace(/[\s\u00a0\u202f$]/g, '');
  if (bare === '') {
    return null;
  }
  // A comma followed by one or two digits at the end is a decimal comma (fr); other commas group thousands (en).
  const decimalComma = /^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/.test(bare);
  const normal = decimalComma ? bare.replace(/\./g, '').replace(',', '.') : bare.replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(normal);
  if (!match) {
    return null;
  }
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/** Cents as a plain amount to edit (`1500.00`, `1500,00` in French), without a currency sign or grouping. */
export function dollarsOf(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** A tax rate in thousandths of a percent as the UI shows it: 13000 → `13 %` (fr) / `13%`, 9975 → `9.975%`. */
export function rateText(rate: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    maximumFractionDigits: 3,
  }).format(rate / 1000);
  return locale === 'fr' ? `${number} %` : `${number}%`;
}

/** Dollars and cents in the UI's language (an Intl locale: en-CA `$1,234.50`, fr-CA `1 234,50 $`). */
export function moneyText(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}
