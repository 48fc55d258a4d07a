import { Pool } from 'pg';
import { createApiClient, unwrap } from '@app/api-client';
import type { BenchContext, SectionResult } from '../support/context';
import { ms, num, seconds } from '../support/format';
import { builtMain, freePort, startNode } from '../support/processes';
import { requestJson } from '../reminders/http';
import { invoiceTargets, issueRaw, issueThroughApi, type IssuingRun } from './issuing';
import { explainReceivables, timeReceivablesSql, timeReports, type ReportTiming } from './reports';

/** Invoices in flight at once, through the API and through the raw baseline alike. */
const CONCURRENCY = 8;

/**
 * Billing on the seeded firm (one invoice per file over 18 months): the billing report with its aged
 * receivables, timed one request at a time beside the receivables SQL alone, with its plan; then issuing invoices
 * (draft + issue through the API, as staff do) beside a raw baseline writing the same rows with plain `pg`.
 */
export async function runBillingBench(ctx: BenchContext): Promise<SectionResult[]> {
  const seed = ctx.seed;
  if (!seed) {
    throw new Error('The billing benchmark needs the seed: run it first (--only=seed)');
  }
  const count = ctx.quick ? 200 : 10_000;
  const db = new Pool({ connectionString: ctx.databaseUrl, max: CONCURRENCY });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api`;
  ctx.log('billing: starting the API process');
  const api = await startNode(builtMain('api'), ctx.appEnv({ PORT: String(port) }), `${base}/health`);
  try {
    const { accessToken } = await unwrap(
      createApiClient({ baseUrl: `http://127.0.0.1:${port}` }).POST('/api/auth/login', {
        body: { email: seed.adminEmail, password: seed.password },
      }),
    );
    await requestJson(
      'PUT',
      `${base}/settings/billing`,
      { gstHstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' },
      accessToken,
    );
    const { rows } = await db.query<{ n: number; open: number }>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE status = 'issued'))::int AS open FROM invoices`,
    );
    const runs = ctx.quick ? 5 : 20;
    ctx.log(`billing: the billing report over ${num(rows[0].n, 0)} invoices, ${runs} requests`);
    const reports = await timeReports(`http://127.0.0.1:${port}`, accessToken, runs);
    const bare = await timeReceivablesSql(db, runs);
    const plan = await explainReceivables(db);

    const targets = await invoiceTargets(db, count);
    ctx.log(`billing: issuing ${num(count, 0)} invoices through the API, ${CONCURRENCY} at a time`);
    const viaApi = await issueThroughApi(base, accessToken, targets, CONCURRENCY);
    ctx.log(`billing: the same ${num(count, 0)} invoices with plain pg`);
    const raw = await issueRaw(db, viaApi.ids, CONCURRENCY);
    return [reportSection(reports, bare, plan, rows[0].n, rows[0].open), issuingSection(viaApi, raw, count)];
  } finally {
    await api.stop();
    await db.end();
  }
}

function reportSection(
  reports: ReportTiming[],
  bare: ReportTiming,
  plan: string[],
  invoices: number,
  open: number,
): SectionResult {
  return {
    title: `Billing report with aged receivables (${num(invoices, 0)} invoices, ${num(open, 0)} open; one request at a time, after 2 warm-up)`,
    headers: ['Report', 'Request', 'Median', 'Max', 'Answer size'],
    rows: [...reports, bare].map((r) => [
      r.name,
      r.path,
      ms(r.medianMs),
      ms(r.maxMs),
      r.bytes ? `${num(r.bytes / 1024, 1)} KB` : '',
    ]),
    checks: reports.map((r) => ({
      label: `Report ${r.name}: max`,
      value: ms(r.maxMs),
      budget: '< 200 ms',
      pass: r.maxMs < 200,
    })),
    notes: [
      'The JSON report computes all four sections (revenue, billed vs collected, aged receivables, trust balances); the CSV holds the aged receivables alone but is computed from the same report.',
      'Bare: the aged-receivables statement of the billing reports repository, sent with plain pg (no HTTP, no sign-in, no other section).',
      `Its plan (EXPLAIN ANALYZE, admin scope): ${plan.join(' / ')}`,
    ],
  };
}

function issuingSection(api: IssuingRun, raw: IssuingRun, count: number): SectionResult {
  const perSecond = (run: IssuingRun) => run.invoices / (run.ms / 1000);
  const ratio = perSecond(api) / perSecond(raw);
  return {
    title: `Issuing ${num(count, 0)} invoices (draft + issue, ${CONCURRENCY} in flight)`,
    headers: ['Path', 'Invoices', 'Time', 'Invoices/s', 'p50 per invoice', 'p99 per invoice'],
    rows: [
      [
        'API: POST /files/:id/invoices, POST /invoices/:id/issue',
        num(api.invoices, 0),
        seconds(api.ms),
        num(perSecond(api), 0),
        ms(api.p50),
        ms(api.p99),
      ],
      [
        'Raw pg: the same rows, two transactions',
        num(raw.invoices, 0),
        seconds(raw.ms),
        num(perSecond(raw), 0),
        ms(raw.p50),
        ms(raw.p99),
      ],
      ['Ratio (API ÷ raw)', '', '', num(ratio), '', ''],
    ],
    checks: [
      {
        label: 'Issuing invoices: API ÷ raw',
        value: num(ratio),
        budget: '≥ 0.5',
        pass: ratio >= 0.5,
      },
    ],
    notes: [
      'Each invoice: a professional fee of $2,500 and the IRCC fee of $155, taxed by the client’s province (zero-rated and confirmed for a client outside Canada); every issue takes the next number of the year from one counter row, so issues queue on that row lock.',
      'The API also validates, checks the caller’s scope, computes the taxes, writes two audit events and reads the invoice back for each answer; the raw baseline writes the API’s amounts with no checks.',
    ],
  };
}
