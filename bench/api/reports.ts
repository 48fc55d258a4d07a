import type { SectionResult } from '../support/context';
import { mb, ms, num } from '../support/format';

const REPORT_RUNS = 10;
const REPORT_BUDGET_MS = 200;
const MEMORY_BUDGET_BYTES = 250 * 1024 * 1024;

export interface ReportTiming {
  name: string;
  path: string;
  medianMs: number;
  maxMs: number;
  bytes: number;
}

const REPORTS = [
  { name: 'Overview', path: '/api/reports/overview' },
  { name: 'Occupations, ON', path: '/api/reports/occupations?province=ON' },
  { name: 'Occupations, ON, CSV', path: '/api/reports/occupations?province=ON&format=csv' },
];

/** Each report: 2 warm-up requests, then REPORT_RUNS one after the other. */
export async function timeReports(origin: string, headers: Record<string, string>): Promise<ReportTiming[]> {
  const timings: ReportTiming[] = [];
  for (const report of REPORTS) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPORT_RUNS + 2; i++) {
      const t0 = performance.now();
      const res = await fetch(`${origin}${report.path}`, { headers });
      const body = await res.arrayBuffer();
      const took = performance.now() - t0;
      if (!res.ok) {
        throw new Error(
          `GET ${report.path} answered ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`,
        );
      }
      if (i >= 2) {
        times.push(took);
      }
      bytes = body.byteLength;
    }
    timings.push({ ...report, medianMs: median(times), maxMs: Math.max(...times), bytes });
  }
  return timings;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

export function reportsSection(reports: ReportTiming[], memory: number, bareMemory: number): SectionResult {
  return {
    title: `API reports (${REPORT_RUNS} requests one after the other, after 2 warm-up) and memory`,
    headers: ['Report', 'Request', 'Median', 'Max', 'Answer size'],
    rows: reports.map((r) => [
      r.name,
      `GET ${r.path}`,
      ms(r.medianMs),
      ms(r.maxMs),
      `${num(r.bytes / 1024, 1)} KB`,
    ]),
    checks: [
      ...reports.map((r) => ({
        label: `Report ${r.name}: max of ${REPORT_RUNS}`,
        value: ms(r.maxMs),
        budget: `< ${REPORT_BUDGET_MS} ms`,
        pass: r.maxMs < REPORT_BUDGET_MS,
      })),
      {
        label: 'API memory after the loads (RSS)',
        value: mb(memory),
        budget: `< ${mb(MEMORY_BUDGET_BYTES)}`,
        pass: memory < MEMORY_BUDGET_BYTES,
      },
    ],
    notes: [
      `Resident memory after all the loads: API ${mb(memory)}, bare server ${mb(bareMemory)} (RSS: it also counts the garbage V8 has not collected yet).`,
      `Report budgets apply to the slowest of the ${REPORT_RUNS} requests.`,
    ],
  };
}
