import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AppConfig } from '@app/config';
import { Clock, type StaffScope } from '@app/shared';
import {
  parseBillingReportParams,
  parseTrustReconciliationParams,
  type BillingReportParams,
  type TrustReconciliationParams,
} from './billing-report-params';
import type {
  BillingReport,
  CollectionsRow,
  ReceivablesTotals,
  TrustReconciliation,
} from './billing-report.types';
import { BillingReportsRepository } from './billing-reports.repository';

/**
 * The firm's money over a year (revenue by month and stream, billed against collected, aged receivables, client
 * account balances) and the monthly client-account reconciliation. Months and "today" are the firm's zone.
 */
@Injectable()
export class BillingReportsService {
  constructor(
    private readonly reports: BillingReportsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private today(): DateTime {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.config.firmTimeZone }).startOf('day');
  }

  parseQuery(raw: Record<string, unknown>): BillingReportParams {
    return parseBillingReportParams(raw, this.today().year);
  }

  parseReconciliationQuery(raw: Record<string, unknown>): TrustReconciliationParams {
    return parseTrustReconciliationParams(raw, this.today().toFormat('yyyy-MM'));
  }

  async report(year: number, scope: StaffScope): Promise<BillingReport> {
    const asOf = this.today().toISODate()!;
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const [revenue, collected, receivables, trust] = await Promise.all([
      this.reports.revenue(from, to, scope),
      this.reports.collections(from, to, scope),
      this.reports.receivables(asOf, scope),
      this.reports.trustBalances(scope),
    ]);
    const byMonth = new Map(collected.map((r) => [r.month, r]));
    const collections: CollectionsRow[] = Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      return byMonth.get(month) ?? { month, billedCents: 0, collectedCents: 0 };
    });
    const totals: ReceivablesTotals = {
      invoices: 0,
      days0to30Cents: 0,
      days31to60Cents: 0,
      days61to90Cents: 0,
      over90Cents: 0,
      totalCents: 0,
    };
    for (const row of receivables) {
      for (const key of Object.keys(totals) as (keyof ReceivablesTotals)[]) {
        totals[key] += row[key];
      }
    }
    return {
      year,
      asOf,
      revenue,
      collections,
      receivables: { clients: receivables, totals },
      trust: { clients: trust, totalCents: trust.reduce((sum, r) => sum + r.balanceCents, 0) },
    };
  }

  async reconciliation(month: string, scope: StaffScope): Promise<TrustReconciliation> {
    const start = DateTime.fromISO(`${month}-01`);
    const end = start.plus({ months: 1 });
    const clients = await this.reports.trustReconciliation(start.toISODate()!, end.toISODate()!, scope);
    const totals = {
      openingCents: 0,
      depositsCents: 0,
      transfersCents: 0,
      refundsCents: 0,
      closingCents: 0,
      accountClosingCents: 0,
      reconciled: true,
    };
    for (const row of clients) {
      totals.openingCents += row.openingCents;
      totals.depositsCents += row.depositsCents;
      totals.transfersCents += row.transfersCents;
      totals.refundsCents += row.refundsCents;
      totals.closingCents += row.closingCents;
      totals.accountClosingCents += row.accountClosingCents;
      totals.reconciled &&= row.reconciled;
    }
    return {
      month,
      from: start.toISODate()!,
      to: end.minus({ days: 1 }).toISODate()!,
      clients,
      totals,
    };
  }
}
