/** A cell value as exports write it: text, a number, a flag already put into words, or nothing. */
export type CsvValue = string | number | null | undefined;

/** Text a spreadsheet would read as a formula (OWASP "CSV injection"): =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative amount written as text ("-300.00"): a number to a spreadsheet, nothing to evaluate. */
const NEGATIVE_DECIMAL = /^-\d+(\.\d+)?$/;

/**
 * One CSV cell per RFC 4180 (quoted when it holds a comma, a quote, CR or LF; quotes doubled), made safe to open in
 * a spreadsheet: text that starts like a formula gets a leading single quote, so it is shown, never evaluated.
 * Numbers, and negative decimals given as text, are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NEGATIVE_DECIMAL.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated) of cells. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
