import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlConditions, type StaffScope } from '@app/shared';
import type {
  CollectionsRow,
  ReceivablesRow,
  RevenueRow,
  TrustBalanceRow,
  TrustReconciliationRow,
} from './billing-report.types';

type Numeric = string | number;
const cents = (value: Numeric | null): number => Number(value ?? 0);

/** The scope as one SQL condition on `column` after the statement's own parameters ($1…), and all parameters. */
function scopeCondition(
  column: string,
  scope: StaffScope,
  params: unknown[],
): { condition: string; params: unknown[] } {
  return scope.consultantId === undefined
    ? { condition: 'TRUE', params }
    : { condition: `${column} = $${params.length + 1}`, params: [...params, scope.consultantId] };
}

/**
 * The billing reports' aggregates, each one GROUP BY statement within the staff member's scope: a consultant
 * sees invoices of the files assigned to them and the accounts of their clients.
 */
@Injectable()
export class BillingReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issued invoices by month of issue and stream: fees, tax and disbursements from their lines. */
  async revenue(from: string, to: string, scope: StaffScope): Promise<RevenueRow[]> {
    const where = new SqlConditions();
    where.addScope('f.consultant_id', scope);
    where.add(`i.status IN ('issued', 'paid')`);
    where.add('i.issued_on >= $1', from);
    where.add('i.issued_on < $1', to);
    const rows: {
      month: string;
      stream: 'TFWP' | 'IMP';
      invoices: Numeric;
      fees: Numeric | null;
      tax: Numeric | null;
      disbursements: Numeric | null;
    }[] = await this.dataSource.query(
      `SELECT to_char(i.issued_on, 'YYYY-MM') AS month, f.stream::text AS stream,
              COUNT(DISTINCT i.id) AS invoices,
              SUM(l.amount_cents) FILTER (WHERE l.kind = 'professional_fee') AS fees,
              SUM(l.tax_cents) AS tax,
              SUM(l.amount_cents) FILTER (WHERE l.kind = 'disbursement') AS disbursements
       FROM invoices i
       JOIN work_permit_files f ON f.id = i.file_id
       JOIN invoice_lines l ON l.invoice_id = i.id${where.where()}
       GROUP BY 1, 2
       ORDER BY 1, 2`,
      where.params,
    );
    return rows.map((r) => ({
      month: r.month,
      stream: r.stream,
      invoices: Number(r.invoices),
      feesCents: cents(r.fees),
      taxCents: cents(r.tax),
      disbursementsCents: cents(r.disbursements),
    }));
  }

  /** Per month: totals of invoices issued (void ones left out) and of payments received. */
  async collections(from: string, to: string, scope: StaffScope): Promise<CollectionsRow[]> {
    const { condition, params } = scopeCondition('f.consultant_id', scope, [from, to]);
    const rows: { month: string; billed: Numeric; collected: Numeric }[] = await this.dataSource.query(
      `WITH billed AS (
         SELECT to_char(i.issued_on, 'YYYY-MM') AS month, SUM(i.total_cents) AS cents
         FROM invoices i JOIN work_permit_files f ON f.id = i.file_id
         WHERE ${condition} AND i.status IN ('issued', 'paid') AND i.issued_on >= $1 AND i.issued_on < $2
         GROUP BY 1
       ), collected AS (
         SELECT to_char(p.received_on, 'YYYY-MM') AS month, SUM(p.amount_cents) AS cents
         FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id JOIN work_permit_files f ON f.id = i.file_id
         WHERE ${condition} AND p.received_on >= $1 AND p.received_on < $2
         GROUP BY 1
       )
       SELECT COALESCE(b.month, c.month) AS month, COALESCE(b.cents, 0) AS billed, COALESCE(c.cents, 0) AS collected
       FROM billed b FULL JOIN collected c ON c.month = b.month
       ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({
      month: r.month,
      billedCents: cents(r.billed),
      collectedCents: cents(r.collected),
    }));
  }

  /** What each client owes on issued invoices on `asOf`, in 30-day buckets of age since the issue date. */
  async receivables(asOf: string, scope: StaffScope): Promise<ReceivablesRow[]> {
    const where = new SqlConditions();
    where.addScope('f.consultant_id', scope);
    where.add(`i.status = 'issued'`);
    where.add('i.total_cents > i.paid_cents');
    where.add('i.issued_on <= $1', asOf);
    const age = `(${where.param(asOf)}::date - i.issued_on)`;
    const owing = '(i.total_cents - i.paid_cents)';
    const rows: {
      client_id: string;
      client_name: string;
      invoices: Numeric;
      oldest: string;
      d0: Numeric | null;
      d31: Numeric | null;
      d61: Numeric | null;
      d91: Numeric | null;
      total: Numeric;
    }[] = await this.dataSource.query(
      `SELECT c.id AS client_id, c.first_name || ' ' || c.last_name AS client_name, COUNT(*) AS invoices,
              to_char(MIN(i.issued_on), 'YYYY-MM-DD') AS oldest,
              SUM(${owing}) FILTER (WHERE ${age} <= 30) AS d0,
              SUM(${owing}) FILTER (WHERE ${age} BETWEEN 31 AND 60) AS d31,
              SUM(${owing}) FILTER (WHERE ${age} BETWEEN 61 AND 90) AS d61,
              SUM(${owing}) FILTER (WHERE ${age} > 90) AS d91,
              SUM(${owing}) AS total
       FROM invoices i
       JOIN work_permit_files f ON f.id = i.file_id
       JOIN clients c ON c.id = i.client_id${where.where()}
       GROUP BY c.id
       ORDER BY total DESC, client_name, c.id`,
      where.params,
    );
    return rows.map((r) => ({
      clientId: r.client_id,
      clientName: r.client_name,
      invoices: Number(r.invoices),
      oldestIssuedOn: r.oldest,
      days0to30Cents: cents(r.d0),
      days31to60Cents: cents(r.d31),
      days61to90Cents: cents(r.d61),
      over90Cents: cents(r.d91),
      totalCents: cents(r.total),
    }));
  }

  /** Clients whose account holds money, largest balance first. */
  async trustBalances(scope: StaffScope): Promise<TrustBalanceRow[]> {
    const where = new SqlConditions();
    where.addScope('c.consultant_id', scope);
    where.add('a.balance_cents > 0');
    const rows: { client_id: string; client_name: string; balance: Numeric }[] = await this.dataSource.query(
      `SELECT c.id AS client_id, c.first_name || ' ' || c.last_name AS client_name, a.balance_cents AS balance
       FROM client_accounts a JOIN clients c ON c.id = a.client_id${where.where()}
       ORDER BY a.balance_cents DESC, client_name, c.id`,
      where.params,
    );
    return rows.map((r) => ({
      clientId: r.client_id,
      clientName: r.client_name,
      balanceCents: cents(r.balance),
    }));
  }

  /**
   * Each client account over the days [from, to), by the date money was received or paid out: the sum of movements
   * before (opening), the month's deposits, transfers and refunds, and the balance the account records less what
   * moved after the month. Clients with neither an opening balance nor a movement in the month are left out.
   */
  async trustReconciliation(from: string, to: string, scope: StaffScope): Promise<TrustReconciliationRow[]> {
    const { condition, params } = scopeCondition('c.consultant_id', scope, [from, to]);
    const rows: {
      client_id: string;
      client_name: string;
      opening: Numeric;
      deposits: Numeric;
      transfers: Numeric;
      refunds: Numeric;
      later: Numeric;
      balance: Numeric;
    }[] = await this.dataSource.query(
      `WITH movements AS (
         SELECT e.client_id,
                COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on < $1), 0) AS opening,
                COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on >= $1 AND e.received_on < $2
                  AND e.kind = 'deposit'), 0) AS deposits,
                COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on >= $1 AND e.received_on < $2
                  AND e.kind = 'transfer'), 0) AS transfers,
                COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on >= $1 AND e.received_on < $2
                  AND e.kind = 'refund'), 0) AS refunds,
                COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on >= $2), 0) AS later
         FROM client_account_entries e
         GROUP BY e.client_id
         HAVING bool_or(e.received_on >= $1 AND e.received_on < $2)
             OR COALESCE(SUM(e.amount_cents) FILTER (WHERE e.received_on < $1), 0) <> 0
       )
       SELECT c.id AS client_id, c.first_name || ' ' || c.last_name AS client_name, m.opening, m.deposits,
              m.transfers, m.refunds, m.later, COALESCE(a.balance_cents, 0) AS balance
       FROM movements m
       JOIN clients c ON c.id = m.client_id
       LEFT JOIN client_accounts a ON a.client_id = m.client_id
       WHERE ${condition}
       ORDER BY client_name, c.id`,
      params,
    );
    return rows.map((r) => {
      const openingCents = cents(r.opening);
      const depositsCents = cents(r.deposits);
      const transfersCents = cents(r.transfers);
      const refundsCents = cents(r.refunds);
      const closingCents = openingCents + depositsCents + transfersCents + refundsCents;
      const accountClosingCents = cents(r.balance) - cents(r.later);
      return {
        clientId: r.client_id,
        clientName: r.client_name,
        openingCents,
        depositsCents,
        transfersCents,
        refundsCents,
        closingCents,
        accountClosingCents,
        reconciled: closingCents === accountClosingCents,
      };
    });
  }
}
