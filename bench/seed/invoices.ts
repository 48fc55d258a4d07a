import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { DAY_MS, isoDay, type Column, type Random, type Row } from './generate';

/** Invoices go back this far: a firm's receivables and collections of the last 18 months. */
export const INVOICE_HISTORY_DAYS = 548;

/** Sales tax on professional fees by province as in force over those months (the product's data holds the dates). */
const TAX: Record<string, { kind: string; rate: number }[]> = {
  ON: [{ kind: 'HST', rate: 13000 }],
  NS: [{ kind: 'HST', rate: 14000 }],
  NB: [{ kind: 'HST', rate: 15000 }],
  NL: [{ kind: 'HST', rate: 15000 }],
  PE: [{ kind: 'HST', rate: 15000 }],
  QC: [
    { kind: 'GST', rate: 5000 },
    { kind: 'QST', rate: 9975 },
  ],
};
const GST = [{ kind: 'GST', rate: 5000 }];

/** The IRCC work permit processing fee billed as a disbursement on each invoice. */
const WORK_PERMIT_FEE_CENTS = 15_500;

export const INVOICE_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['number', 'text'],
  ['status', 'invoice_status'],
  ['file_id', 'uuid'],
  ['client_id', 'uuid'],
  ['country', 'text'],
  ['province', 'text'],
  ['zero_rated_candidate', 'boolean'],
  ['zero_rated_confirmed', 'boolean'],
  ['subtotal_cents', 'int'],
  ['tax_cents', 'int'],
  ['total_cents', 'int'],
  ['paid_cents', 'int'],
  ['taxes', 'jsonb'],
  ['gst_hst_number', 'text'],
  ['qst_number', 'text'],
  ['issued_on', 'date'],
  ['issued_at', 'timestamptz'],
  ['voided_at', 'timestamptz'],
  ['void_reason', 'text'],
  ['created_at', 'timestamptz'],
];

export const INVOICE_LINE_COLUMNS: readonly Column[] = [
  ['invoice_id', 'uuid'],
  ['position', 'smallint'],
  ['kind', 'invoice_line_kind'],
  ['description', 'text'],
  ['quantity', 'int'],
  ['unit_cents', 'int'],
  ['amount_cents', 'int'],
  ['tax_cents', 'int'],
  ['taxes', 'jsonb'],
];

export const PAYMENT_COLUMNS: readonly Column[] = [
  ['invoice_id', 'uuid'],
  ['amount_cents', 'int'],
  ['method', 'payment_method'],
  ['received_on', 'date'],
  ['created_at', 'timestamptz'],
];

/** A seeded file as the invoice generator needs it: its client's country and the file's province. */
export interface InvoicedFile {
  id: string;
  clientId: string;
  country: string;
  province: string | null;
  createdMs: number;
}

/** Every seeded file with its client's country of residence, in a stable order. */
export async function invoicedFiles(db: Client): Promise<InvoicedFile[]> {
  const { rows } = await db.query<{
    id: string;
    client_id: string;
    country: string | null;
    province: string | null;
    created_at: Date;
  }>(
    `SELECT f.id, f.client_id, c.country_of_residence AS country, f.province, f.created_at
       FROM work_permit_files f JOIN clients c ON c.id = f.client_id
      ORDER BY f.file_number`,
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    country: r.country ?? 'CA',
    province: r.province,
    createdMs: r.created_at.getTime(),
  }));
}

export interface GeneratedInvoices {
  invoices: Row[];
  lines: Row[];
  payments: Row[];
  /** The last number given in each year, for the numbering counters. */
  counters: Map<number, number>;
}

/**
 * One invoice per file, issued on a day of the last 18 months (not before the file opened): a professional fee
 * (taxed by the province; zero-rated for a client outside Canada) and the IRCC fee as a disbursement. About 55% are
 * paid (some in two payments), 15% partly paid, 25% unpaid, 3% drafts and 2% void; numbers run without gaps per
 * year in order of issue, as the product gives them.
 */
export function generateInvoices(random: Random, files: InvoicedFile[], todayMs: number): GeneratedInvoices {
  const since = todayMs - INVOICE_HISTORY_DAYS * DAY_MS;
  const planned = files.map((file) => {
    const from = Math.max(since, Math.floor(file.createdMs / DAY_MS) * DAY_MS);
    const issuedMs = from + random.int(0, Math.max(0, Math.floor((todayMs - from) / DAY_MS))) * DAY_MS;
    const status = random.weighted([
      ['paid', 55],
      ['partial', 15],
      ['issued', 25],
      ['draft', 3],
      ['void', 2],
    ] as const);
    return { file, issuedMs, status, feeCents: random.int(15, 40) * 10_000 };
  });
  planned.sort((a, b) => a.issuedMs - b.issuedMs);

  const out: GeneratedInvoices = { invoices: [], lines: [], payments: [], counters: new Map() };
  for (const { file, issuedMs, status, feeCents } of planned) {
    const id = randomUUID();
    const abroad = file.country !== 'CA';
    const province = abroad ? null : (file.province ?? 'ON');
    const rates = abroad ? [] : (TAX[province!] ?? GST);
    const taxes = rates.map(({ kind, rate }) => ({
      kind,
      rate,
      cents: Math.round((feeCents * rate) / 100_000),
    }));
    const taxCents = taxes.reduce((sum, t) => sum + t.cents, 0);
    const subtotal = feeCents + WORK_PERMIT_FEE_CENTS;
    const total = subtotal + taxCents;
    const issued = status !== 'draft';
    let number: string | null = null;
    if (issued) {
      const year = new Date(issuedMs).getUTCFullYear();
      const sequence = (out.counters.get(year) ?? 0) + 1;
      out.counters.set(year, sequence);
      number = `INV-${year}-${String(sequence).padStart(5, '0')}`;
    }
    const paidCents =
      status === 'paid' ? total : status === 'partial' ? Math.round((total * random.int(20, 80)) / 100) : 0;
    const issuedAt = new Date(issuedMs + 15 * 3_600_000).toISOString();
    out.invoices.push([
      id,
      number,
      status === 'partial' ? 'issued' : status,
      file.id,
      file.clientId,
      file.country,
      province,
      abroad,
      abroad && issued,
      subtotal,
      taxCents,
      total,
      paidCents,
      JSON.stringify(taxes),
      issued && !abroad ? '123456789RT0001' : null,
      issued && province === 'QC' ? '1234567890TQ0001' : null,
      issued ? isoDay(issuedMs) : null,
      issued ? issuedAt : null,
      status === 'void' ? issuedAt : null,
      status === 'void' ? 'Issued in error' : null,
      issuedAt,
    ]);
    out.lines.push(
      [
        id,
        1,
        'professional_fee',
        'Work permit application',
        1,
        feeCents,
        feeCents,
        taxCents,
        JSON.stringify(taxes),
      ],
      [
        id,
        2,
        'disbursement',
        'IRCC work permit processing fee',
        1,
        WORK_PERMIT_FEE_CENTS,
        WORK_PERMIT_FEE_CENTS,
        0,
        '[]',
      ],
    );
    // Paid in one payment, or in two (a deposit then the rest); each within 60 days, never after today.
    const parts = status === 'paid' && random.next() < 0.3 ? [Math.round(paidCents / 2)] : [];
    parts.push(paidCents - parts.reduce((sum, p) => sum + p, 0));
    let receivedMs = issuedMs;
    for (const amount of paidCents > 0 ? parts : []) {
      receivedMs = Math.min(todayMs, receivedMs + random.int(0, 30) * DAY_MS);
      const method = random.weighted([
        ['e_transfer', 50],
        ['card', 25],
        ['cheque', 15],
        ['cash', 10],
      ] as const);
      out.payments.push([
        id,
        amount,
        method,
        isoDay(receivedMs),
        new Date(receivedMs + 16 * 3_600_000).toISOString(),
      ]);
    }
  }
  return out;
}
