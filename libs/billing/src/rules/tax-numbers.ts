/**
 * The firm's tax registration numbers as the CRA and Revenu Québec write them: a GST/HST account is the 9-digit
 * business number, `RT` and a 4-digit reference (`123456789RT0001`); a QST number is 10 digits, `TQ` and 4 digits
 * (`1234567890TQ0001`). Spaces are dropped and letters upper-cased before checking.
 */
export const GST_HST_NUMBER = /^\d{9}RT\d{4}$/;
export const QST_NUMBER = /^\d{10}TQ\d{4}$/;

export function normalizeTaxNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
