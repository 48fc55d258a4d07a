import type { Pool } from 'pg';
import { requestJson } from '../reminders/http';

/** The year the raw baseline numbers its invoices in, so they never meet the product's numbers; removed after. */
const RAW_YEAR = 2999;

/** A file to invoice, with its client's place of supply as the staff UI would send it. */
export interface InvoiceTarget {
  fileId: string;
  country: string;
  province: string | null;
}

export interface IssuingRun {
  ms: number;
  invoices: number;
  /** Latency of one invoice (its draft, then its issue), per invoice. */
  p50: number;
  p99: number;
}

/** The first `count` files by number, with their clients' country and the file's province. */
export async function invoiceTargets(db: Pool, count: number): Promise<InvoiceTarget[]> {
  const { rows } = await db.query<{ id: string; country: string | null; province: string | null }>(
    `SELECT f.id, c.country_of_residence AS country, f.province
       FROM work_permit_files f JOIN clients c ON c.id = f.client_id
      ORDER BY f.file_number LIMIT $1`,
    [count],
  );
  return rows.map((r) => {
    const country = r.country ?? 'CA';
    return { fileId: r.id, country, province: country === 'CA' ? (r.province ?? 'ON') : null };
  });
}

/** The lines every benchmark invoice carries: a professional fee (taxed) and the IRCC fee (a disbursement). */
const LINES = [
  { kind: 'professional_fee', description: 'Work permit application', quantity: 1, unitCents: 250_000 },
  { kind: 'disbursement', description: 'IRCC work permit processing fee', quantity: 1, unitCents: 15_500 },
];

/** Runs `work` over `items` with `concurrency` of them in flight; returns each item's latency in ms. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = performance.now();
        await work(item);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

function timedRun(started: number, latencies: number[]): IssuingRun {
  const ms = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { ms, invoices: latencies.length, p50: at(0.5), p99: at(0.99) };
}

/**
 * What staff do, through the API: POST /api/files/:id/invoices (a draft, taxed by the client's province, audited),
 * then POST /api/invoices/:id/issue (the gap-free number from the year's counter row, today's rates, audited), with
 * `concurrency` invoices in flight. Returns the timing and the ids of the invoices issued.
 */
export async function issueThroughApi(
  base: string,
  token: string,
  targets: InvoiceTarget[],
  concurrency: number,
): Promise<IssuingRun & { ids: string[] }> {
  const ids: string[] = [];
  const started = performance.now();
  const latencies = await inParallel(targets, concurrency, async (target) => {
    const draft = await requestJson<{ id: string }>(
      'POST',
      `${base}/files/${target.fileId}/invoices`,
      {
        lines: LINES,
        country: target.country,
        province: target.province,
        zeroRatedConfirmed: target.province === null,
      },
      token,
    );
    await requestJson('POST', `${base}/invoices/${draft.id}/issue`, undefined, token);
    ids.push(draft.id);
  });
  return { ...timedRun(started, latencies), ids };
}

interface WrittenInvoice {
  file_id: string;
  client_id: string;
  country: string;
  province: string | null;
  zero_rated_candidate: boolean;
  zero_rated_confirmed: boolean;
  subtotal_cents: number;
  tax_cents: number;
  total_cents: number;
  taxes: unknown;
  gst_hst_number: string | null;
  lines: {
    kind: string;
    description: string;
    unit_cents: number;
    amount_cents: number;
    tax_cents: number;
    taxes: unknown;
  }[];
}

/**
 * The same rows written with plain `pg` and nothing else, with the same concurrency: per invoice one transaction
 * inserts the draft and its lines (the amounts the API computed), a second locks it, takes the next number from a
 * counter row (INSERT … ON CONFLICT DO UPDATE, as the product does) and marks it issued. No HTTP, no sign-in, no
 * validation, no tax rules, no audit events. Its invoices are numbered in a year of their own and deleted after.
 */
export async function issueRaw(db: Pool, apiIds: string[], concurrency: number): Promise<IssuingRun> {
  const { rows: written } = await db.query<WrittenInvoice>(
    `SELECT i.file_id, i.client_id, i.country, i.province, i.zero_rated_candidate, i.zero_rated_confirmed,
            i.subtotal_cents, i.tax_cents, i.total_cents, i.taxes, i.gst_hst_number,
            (SELECT json_agg(json_build_object('kind', l.kind, 'description', l.description, 'unit_cents', l.unit_cents,
                    'amount_cents', l.amount_cents, 'tax_cents', l.tax_cents, 'taxes', l.taxes) ORDER BY l.position)
               FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
       FROM invoices i WHERE i.id = ANY($1::uuid[])`,
    [apiIds],
  );
  try {
    const started = performance.now();
    const latencies = await inParallel(written, concurrency, async (invoice) => {
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO invoices (file_id, client_id, status, country, province, zero_rated_candidate, zero_rated_confirmed,
                                 subtotal_cents, tax_cents, total_cents, taxes)
           VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            invoice.file_id,
            invoice.client_id,
            invoice.country,
            invoice.province,
            invoice.zero_rated_candidate,
            invoice.zero_rated_confirmed,
            invoice.subtotal_cents,
            invoice.tax_cents,
            invoice.total_cents,
            JSON.stringify(invoice.taxes),
          ],
        );
        const id = rows[0].id;
        await client.query(
          `INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_cents, amount_cents, tax_cents, taxes)
           SELECT $1, n, k, d, 1, u, a, t, x
             FROM unnest($2::int[], $3::invoice_line_kind[], $4::text[], $5::int[], $6::int[], $7::int[], $8::jsonb[])
                  AS l(n, k, d, u, a, t, x)`,
          [
            id,
            invoice.lines.map((_, i) => i + 1),
            invoice.lines.map((l) => l.kind),
            invoice.lines.map((l) => l.description),
            invoice.lines.map((l) => l.unit_cents),
            invoice.lines.map((l) => l.amount_cents),
            invoice.lines.map((l) => l.tax_cents),
            invoice.lines.map((l) => JSON.stringify(l.taxes)),
          ],
        );
        await client.query('COMMIT');
        await client.query('BEGIN');
        await client.query('SELECT id FROM invoices WHERE id = $1 FOR UPDATE', [id]);
        const counter = await client.query<{ last_value: number }>(
          `INSERT INTO invoice_number_counters (year, last_value) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last_value = invoice_number_counters.last_value + 1
           RETURNING last_value`,
          [RAW_YEAR],
        );
        await client.query(
          `UPDATE invoices SET status = 'issued', number = $2, issued_on = current_date, issued_at = now(),
                  gst_hst_number = $3, updated_at = now()
            WHERE id = $1`,
          [
            id,
            `INV-${RAW_YEAR}-${String(counter.rows[0].last_value).padStart(5, '0')}`,
            invoice.gst_hst_number,
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
    return timedRun(started, latencies);
  } finally {
    await db.query(`DELETE FROM invoices WHERE number LIKE $1`, [`INV-${RAW_YEAR}-%`]);
    await db.query(`DELETE FROM invoice_number_counters WHERE year = $1`, [RAW_YEAR]);
  }
}
