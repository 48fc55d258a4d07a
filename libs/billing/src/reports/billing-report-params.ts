import { queryFieldReader, queryYear, throwIfFieldErrors, type FieldErrors } from '@app/shared';

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
  const text = queryFieldReader(raw, ['year', 'format', 'section'], fields);
  const format = formatOf(text, fields);
  const year = queryYear(text('year'), FIRST_BILLING_YEAR, currentYear, fields);
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
  const text = queryFieldReader(raw, ['month', 'format'], fields);
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
