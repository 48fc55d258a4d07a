import type { BillingReportSection } from './billing-report-params';

export type { BillingReportSection };

/** Issued invoices (not void) of one month and stream, by the date they were issued. */
export interface RevenueRow {
  /** `YYYY-MM`. */
  month: string;
  stream: 'TFWP' | 'IMP';
  invoices: number;
  /** Professional fees before tax. */
  feesCents: number;
  taxCents: number;
  /** Government fees paid for the client: never taxed, never revenue, shown apart. */
  disbursementsCents: number;
}

/** One month: what was invoiced (issued that month) and what was received (payments dated that month). */
export interface CollectionsRow {
  month: string;
  billedCents: number;
  collectedCents: number;
}

/** What one client owes on issued invoices, by the age of each invoice since its issue date. */
export interface ReceivablesRow {
  clientId: string;
  clientName: string;
  invoices: number;
  oldestIssuedOn: string;
  days0to30Cents: number;
  days31to60Cents: number;
  days61to90Cents: number;
  over90Cents: number;
  totalCents: number;
}

export type ReceivablesTotals = Omit<ReceivablesRow, 'clientId' | 'clientName' | 'oldestIssuedOn'>;

/** A client whose account (trust) holds money for them. */
export interface TrustBalanceRow {
  clientId: string;
  clientName: string;
  balanceCents: number;
}

export interface BillingReport {
  year: number;
  /** The day receivables are aged to and balances read on: today in the firm's zone. */
  asOf: string;
  revenue: RevenueRow[];
  /** Every month of the year, January first, zeros included. */
  collections: CollectionsRow[];
  receivables: { clients: ReceivablesRow[]; totals: ReceivablesTotals };
  trust: { clients: TrustBalanceRow[]; totalCents: number };
}

/** One client's account over a month: the ledger's movements, and whether they add up to the balance held. */
export interface TrustReconciliationRow {
  clientId: string;
  clientName: string;
  openingCents: number;
  depositsCents: number;
  /** Transfers to pay invoices, as a negative amount. */
  transfersCents: number;
  /** Refunds to the client, as a negative amount. */
  refundsCents: number;
  closingCents: number;
  /** The account's balance as recorded, less what moved after the month: equals `closingCents` when reconciled. */
  accountClosingCents: number;
  reconciled: boolean;
}

export interface TrustReconciliation {
  month: string;
  /** The month's first and last days; movements count by the day money was received or paid out. */
  from: string;
  to: string;
  clients: TrustReconciliationRow[];
  totals: Omit<TrustReconciliationRow, 'clientId' | 'clientName'>;
}
