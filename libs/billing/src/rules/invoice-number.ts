/** `INV-2026-00042`: the year the invoice was issued (firm time zone) and its place in that year, gap-free. */
export const INVOICE_NUMBER_PATTERN = /^INV-\d{4}-\d{5,}$/;

export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(sequence) || sequence < 1) {
    throw new Error(`Cannot number invoice ${sequence} of ${year}`);
  }
  return `INV-${year}-${String(sequence).padStart(5, '0')}`;
}
