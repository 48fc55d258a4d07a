export * from './billing.module';
export * from './billing.errors';
export * from './invoices.service';
export * from './invoice-pdf.service';
export * from './client-billing.service';
export type { InvoicePdfLanguage } from './rules/invoice-pdf';
export * from './payments.service';
export * from './client-accounts.service';
export * from './billing-settings.service';
export * from './entities/invoice.entity';
export * from './entities/invoice-line.entity';
export * from './entities/payment.entity';
export * from './entities/client-account-entry.entity';
export type { InvoiceListItem } from './invoice-rows';
export type { ListInvoicesQuery } from './invoices.repository';
export type * from './invoice.types';
export { governmentFeesOn, type GovernmentFeeOn } from './rules/government-fees';
export { GOVERNMENT_FEES_CHECKED_ON } from './data/government-fees.data';
export { INVOICE_NUMBER_PATTERN, formatInvoiceNumber } from './rules/invoice-number';
export * from './reports/billing-reports.service';
export { billingReportCsv, trustReconciliationCsv } from './reports/billing-report-csv';
export type * from './reports/billing-report.types';
export { BILLING_REPORT_SECTIONS } from './reports/billing-report-params';
export * from './fee-schedule/fee-schedule.service';
export type { FeeScheduleService as FeeScheduleServiceRecord } from './fee-schedule/fee-schedule.repository';
export * from './entities/fee-schedule-service.entity';
export * from './entities/fee-schedule-milestone.entity';
export {
  GOVERNMENT_FEE_KEYS,
  type FeeScheduleServiceInput,
  type MilestoneInput,
} from './fee-schedule/rules/milestones';
export type { FeeTerms } from './fee-schedule/rules/fee-terms';
