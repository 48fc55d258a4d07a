import { csvLine } from '@app/shared';
import type { BillingReport, BillingReportSection, TrustReconciliation } from './billing-report.types';

/** Cents as dollars with two decimals, by integer arithmetic (no binary fractions): -1234 → "-12.34". */
export function dollars(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One table of the billing report as CSV, amounts in dollars (CAD). */
export function billingReportCsv(report: BillingReport, section: BillingReportSection): string {
  const lines: string[] = [];
  switch (section) {
    case 'revenue':
      lines.push(csvLine(['month', 'stream', 'invoices', 'fees_cad', 'tax_cad', 'disbursements_cad']));
      for (const r of report.revenue) {
        lines.push(
          csvLine([
            r.month,
            r.stream,
            r.invoices,
            dollars(r.feesCents),
            dollars(r.taxCents),
            dollars(r.disbursementsCents),
          ]),
        );
      }
      break;
    case 'collections':
      lines.push(csvLine(['month', 'billed_cad', 'collected_cad']));
      for (const r of report.collections) {
        lines.push(csvLine([r.month, dollars(r.billedCents), dollars(r.collectedCents)]));
      }
      break;
    case 'receivables':
      lines.push(
        csvLine([
          'client_id',
          'client',
          'invoices',
          'oldest_issued_on',
          'days_0_30_cad',
          'days_31_60_cad',
          'days_61_90_cad',
          'over_90_cad',
          'total_cad',
          'as_of',
        ]),
      );
      for (const r of report.receivables.clients) {
        lines.push(
          csvLine([
            r.clientId,
            r.clientName,
            r.invoices,
            r.oldestIssuedOn,
            dollars(r.days0to30Cents),
            dollars(r.days31to60Cents),
            dollars(r.days61to90Cents),
            dollars(r.over90Cents),
            dollars(r.totalCents),
            report.asOf,
          ]),
        );
      }
      break;
    case 'trust':
      lines.push(csvLine(['client_id', 'client', 'balance_cad', 'as_of']));
      for (const r of report.trust.clients) {
        lines.push(csvLine([r.clientId, r.clientName, dollars(r.balanceCents), report.asOf]));
      }
      break;
  }
  return lines.join('');
}

/** The month's client-account reconciliation as CSV: a row per client, then the firm's totals. */
export function trustReconciliationCsv(report: TrustReconciliation): string {
  const row = (id: string, name: string, r: TrustReconciliation['totals']) =>
    csvLine([
      report.month,
      id,
      name,
      dollars(r.openingCents),
      dollars(r.depositsCents),
      dollars(r.transfersCents),
      dollars(r.refundsCents),
      dollars(r.closingCents),
      dollars(r.accountClosingCents),
      r.reconciled ? 'yes' : 'NO',
    ]);
  return [
    csvLine([
      'month',
      'client_id',
      'client',
      'opening_cad',
      'deposits_cad',
      'transfers_to_invoices_cad',
      'refunds_cad',
      'closing_cad',
      'account_balance_cad',
      'reconciled',
    ]),
    ...report.clients.map((r) => row(r.clientId, r.clientName, r)),
    row('', 'All clients', report.totals),
  ].join('');
}
