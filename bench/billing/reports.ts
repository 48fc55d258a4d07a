import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { ZONE } from '../seed/generate';

export interface ReportTiming {
  name: string;
  path: string;
  medianMs: number;
  maxMs: number;
  bytes: number;
}

const REPORTS = [
  { name: 'Billing, JSON', path: '/api/reports/billing' },
  { name: 'Aged receivables, CSV', path: '/api/reports/billing?format=csv&section=receivables' },
];

/**
 * The aged-receivables statement of libs/billing's reports repository for an admin (no scope condition), as of
 * today: what the report's receivables section costs in PostgreSQL alone.
 */
const RECEIVABLES_SQL = `SELECT c.id AS client_id, c.first_name || ' ' || c.last_name AS client_name, COUNT(*) AS invoices,
       to_char(MIN(i.issued_on), 'YYYY-MM-DD') AS oldest,
       SUM(i.total_cents - i.paid_cents) FILTER (WHERE ($1::date - i.issued_on) <= 30) AS d0,
       SUM(i.total_cents - i.paid_cents) FILTER (WHERE ($1::date - i.issued_on) BETWEEN 31 AND 60) AS d31,
       SUM(i.total_cents - i.paid_cents) FILTER (WHERE ($1::date - i.issued_on) BETWEEN 61 AND 90) AS d61,
       SUM(i.total_cents - i.paid_cents) FILTER (WHERE ($1::date - i.issued_on) > 90) AS d91,
       SUM(i.total_cents - i.paid_cents) AS total
  FROM invoices i
  JOIN work_permit_files f ON f.id = i.file_id
  JOIN clients c ON c.id = i.client_id
 WHERE i.status = 'issued' AND i.total_cents > i.paid_cents AND i.issued_on <= $1
 GROUP BY c.id
 ORDER BY total DESC, client_name, c.id`;

const today = () => DateTime.now().setZone(ZONE).toISODate()!;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

async function timed(
  runs: number,
  once: () => Promise<number>,
): Promise<Omit<ReportTiming, 'name' | 'path'>> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    bytes = await once();
    if (i >= 2) {
      times.push(performance.now() - t0);
    }
  }
  return { medianMs: median(times), maxMs: Math.max(...times), bytes };
}

/** Each report: 2 warm-up requests, then `runs` one after the other, as the API section times its reports. */
export async function timeReports(origin: string, token: string, runs: number): Promise<ReportTiming[]> {
  const timings: ReportTiming[] = [];
  for (const report of REPORTS) {
    const timing = await timed(runs, async () => {
      const res = await fetch(`${origin}${report.path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.arrayBuffer();
      if (!res.ok) {
        throw new Error(
          `GET ${report.path} answered ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`,
        );
      }
      return body.byteLength;
    });
    timings.push({ ...report, ...timing });
  }
  return timings;
}

export async function timeReceivablesSql(db: Pool, runs: number): Promise<ReportTiming> {
  const asOf = today();
  const timing = await timed(runs, async () => {
    await db.query(RECEIVABLES_SQL, [asOf]);
    return 0;
  });
  return { name: 'Bare: receivables SQL', path: 'pg', ...timing };
}

/** The plan's nodes that say how invoices are read, and the execution time. */
export async function explainReceivables(db: Pool): Promise<string[]> {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${RECEIVABLES_SQL}`, [
    today(),
  ]);
  const lines = rows.map((r) => r['QUERY PLAN']);
  return lines
    .filter((line) => / on invoices |Execution Time/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/^->\s*/, '')
        .replace(/\s+\(cost=[^)]*\)/, ''),
    );
}
