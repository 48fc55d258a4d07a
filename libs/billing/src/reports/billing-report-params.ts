import { throwIfFieldErrors, type FieldErrors } from '@app/shared';

export const BILLING_REPORT_SECTIONS = ['revenue', 'collections', 'receivables', 'trust'] as const;
export type BillingReportSection = (typeof BILLING_REPORT_SECTIONS)[number];
export const BILLING_REPORT_FORMATS = ['json', 'csv'] as const;
export type BillingReportFormat = (typeof BILLING_REPORT_FORMATS)[number];
/** Invoices start with the billing feature; earlier years hold nothing to report. */
export const FIRST_BILLING_YEAR = 2020;

export interface BillingReportParams {
  year: number;
  format: BillingReportFormat;
  /** Which table a CSV holds: a CSV is one table. */
  section?: BillingReportSection;
}

export interface TrustReconciliationParams {
  /** `YYYY-MM`, a month in the firm's zone. */
  month: string;
  format: BillingReportFormat;
}

/** Reads a query's single-valued text fields and collects unknown or repeated fields as errors. */
function queryReader(raw: Record<string, unknown>, known: readonly string[], fields: FieldErrors) {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      fields[key] = [`${key} is not a known field`];
    }
  }
  return (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === '') {
      return undefined;
    }
    if (typeof value !== 'string') {
      fields[key] = [`${key} must be given once`];
      return undefined;
    }
    return value.trim();
  };
}

function formatOf(text: (key: string) => string | undefined, fields: FieldErrors): BillingReportFormat {
  const format = text('format')?.toLowerCase() ?? 'json';
  if (!(BILLING_REPORT_FORMATS as readonly string[]).includes(format)) {
    fields.format = [`format must be one of ${BILLING_REPORT_FORMATS.join(', ')}`];
  }
  return format as BillingReportFormat;
}

/**
 * The billing report's query: `year` (default and latest: this year), `format`, and `section` (required for a
 * CSV, which holds one table). Each problem is keyed by its field.
 */
export function parseBillingReportParams(
  raw: Record<string, unknown>,
  currentYear: number,
): BillingReportParams {
  const fields: FieldErrors = {};
  const text = queryReader(raw, ['year', 'format', 'section'], fields);
  const format = formatOf(text, fields);
  const yearText = text('year');
  let year = currentYear;
  if (yearText !== undefined) {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= FIRST_BILLING_YEAR && year <= currentYear)) {
      fields.year = [`year must be a year from ${FIRST_BILLING_YEAR} to ${currentYear}`];
    }
  }
  const section = text('section')?.toLowerCase();
  if (section !== undefined && !(BILLING_REPORT_SECTIONS as readonly string[]).includes(section)) {
    fields.section = [`section must be one of ${BILLING_REPORT_SECTIONS.join(', ')}`];
  } else if (section === undefined && format === 'csv') {
    fields.section = [`section is required for a CSV: one of ${BILLING_REPORT_SECTIONS.join(', ')}`];
  }
  throwIfFieldErrors(fields);
  return { year, format, section: section as BillingReportSection | undefined };
}

/** The client-account reconciliation's query: `month` (`YYYY-MM`, default and latest: this month), `format`. */
export function parseTrustReconciliationParams(
  raw: Record<string, unknown>,
  currentMonth: string,
): TrustReconciliationParams {
  const fields: FieldErrors = {};
  const text = queryReader(raw, ['month', 'format'], fields);
  const format = formatOf(text, fields);
  const month = text('month') ?? currentMonth;
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (
    !match ||
    Number(match[1]) < FIRST_BILLING_YEAR ||
    Number(match[2]) < 1 ||
    Number(match[2]) > 12 ||
    month > currentMonth
  ) {
    fields.month = [`month must be a month as YYYY-MM, from ${FIRST_BILLING_YEAR}-01 to ${currentMonth}`];
  }
  throwIfFieldErrors(fields);
  return { month, format };
}
