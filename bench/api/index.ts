import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createApiClient, unwrap } from '@app/api-client';
import type { BenchContext, Check, SectionResult, SeedInfo } from '../support/context';
import { mb, ms, num } from '../support/format';
import { builtMain, freePort, residentBytes, startNode, type Started } from '../support/processes';
import { listBookableSlots, removeBenchBookings, SlotSupply, waitForBookingsToSettle } from './bookings';
import { runLoad, type LoadResult } from './load';
import { BOOKINGS, scenarios, type Phase, type Scenario } from './scenarios';

const WARM_UP_SECONDS = 1;
const REPORT_RUNS = 10;
const REPORT_BUDGET_MS = 200;
const MEMORY_BUDGET_BYTES = 300 * 1024 * 1024;
/** Outbox emails the API writes per public booking: the client's confirmation and the consultant's notice. */
const EMAILS_PER_BOOKING = 2;

type ServerName = 'API' | 'bare';

interface Server {
  name: ServerName;
  origin: string;
  process: Started;
}

interface Measured {
  scenario: Scenario;
  api: LoadResult;
  bare: LoadResult;
}

/**
 * HTTP load on the hot paths of the built API (production mode, logs at warn) beside a bare node:http + pg
 * server running the same SQL; then the reports timed one request at a time, and the API's memory.
 */
export async function runApiBench(ctx: BenchContext): Promise<SectionResult[]> {
  const seed = requireSeed(ctx);
  const db = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const started: Started[] = [];
  try {
    const [api, bare] = await startServers(ctx, started);
    const headers = {
      authorization: `Bearer ${await signIn(api.origin, seed)}`,
      'content-type': 'application/json',
    };

    await removeBenchBookings(db, ctx.redisUrl, ctx.queuePrefix);
    const slots = await listBookableSlots(api.origin, seed.consultationTypeId, db);
    const supply = new SlotSupply(slots, seed.consultationTypeId);
    ctx.log(
      `api: ${num(slots.length, 0)} bookable slots that do not overlap (${seed.consultants.length} consultants)`,
    );

    const list = scenarios(seed, supply);
    await probe(
      list.filter((s) => s.name !== BOOKINGS),
      [api, bare],
      headers,
    );

    const measured: Measured[] = [];
    let bookingsUsed = 0;
    for (const scenario of list) {
      const results = {} as Record<ServerName, LoadResult>;
      for (const server of [api, bare]) {
        results[server.name] = await measure(ctx, server, headers, scenario, db);
        if (scenario.name === BOOKINGS) {
          bookingsUsed = Math.max(bookingsUsed, supply.used);
          await putBookingsBack(ctx, server, db, supply);
        }
      }
      measured.push({ scenario, api: results.API, bare: results.bare });
    }
    const memory = residentBytes(api.process.child.pid as number);
    const bareMemory = residentBytes(bare.process.child.pid as number);

    ctx.log('api: reports, one request at a time');
    const reports = await timeReports(api.origin, headers);
    return [
      loadSection(ctx, measured, slots.length, bookingsUsed),
      reportsSection(reports, memory, bareMemory),
    ];
  } finally {
    await Promise.allSettled(started.map((s) => s.stop()));
    await db.end();
  }
}

function requireSeed(ctx: BenchContext): SeedInfo {
  if (!ctx.seed) {
    throw new Error('The API benchmark needs the seed: run it first (--only=seed)');
  }
  return ctx.seed;
}

/** The API and the bare server, each its own process, started once and left running for every scenario. */
async function startServers(ctx: BenchContext, started: Started[]): Promise<[Server, Server]> {
  const apiPort = await freePort();
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  ctx.log('api: starting the API and the bare server');
  const api = await startNode(
    builtMain('api'),
    ctx.appEnv({ PORT: String(apiPort) }),
    `${apiOrigin}/api/health`,
  );
  started.push(api);
  const barePort = await freePort();
  const bareOrigin = `http://127.0.0.1:${barePort}`;
  const bare = await startNode(
    join(__dirname, 'bare-server.js'),
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(barePort),
      DATABASE_URL: ctx.databaseUrl,
    },
    `${bareOrigin}/api/health`,
  );
  started.push(bare);
  return [
    { name: 'API', origin: apiOrigin, process: api },
    { name: 'bare', origin: bareOrigin, process: bare },
  ];
}

async function signIn(origin: string, seed: SeedInfo): Promise<string> {
  const api = createApiClient({ baseUrl: origin });
  const body = { email: seed.adminEmail, password: seed.password };
  return (await unwrap(api.POST('/api/auth/login', { body }))).accessToken;
}

/** The first request of each scenario on each server must succeed, else the loads would measure errors. */
async function probe(list: Scenario[], servers: Server[], headers: Record<string, string>): Promise<void> {
  for (const scenario of list) {
    const request = scenario.source('measured')();
    if (!request) {
      continue;
    }
    for (const server of servers) {
      const res = await fetch(`${server.origin}${request.path}`, {
        method: request.method,
        headers,
        body: request.body,
      });
      if (!res.ok) {
        throw new Error(
          `${scenario.name}: ${request.method} ${request.path} on ${server.name} answered ${res.status}: ${(await res.text()).slice(0, 500)}`,
        );
      }
      await res.arrayBuffer();
    }
  }
}

/** A warm-up, then the measured load; each time until the requests still in flight have ended. */
async function measure(
  ctx: BenchContext,
  server: Server,
  headers: Record<string, string>,
  scenario: Scenario,
  db: Pool,
): Promise<LoadResult> {
  const { loadSeconds, connections } = ctx.sizes;
  ctx.log(
    `api: ${scenario.name} on ${server.name} (${WARM_UP_SECONDS} s warm-up, ${loadSeconds} s × ${connections} connections)`,
  );
  const run = (seconds: number, phase: Phase) =>
    runLoad({ origin: server.origin, headers, connections, seconds, next: scenario.source(phase) });
  await run(WARM_UP_SECONDS, 'warm-up');
  // When a load stops, the server still runs the requests in flight: they must not slow down the next one.
  await waitUntilQuiet(server, db);
  const result = await run(loadSeconds, 'measured');
  await waitUntilQuiet(server, db);
  return result;
}

/** Removes the run's bookings (once the API has written their emails), so the next run books the same slots. */
async function putBookingsBack(
  ctx: BenchContext,
  server: Server,
  db: Pool,
  supply: SlotSupply,
): Promise<void> {
  await waitForBookingsToSettle(db, server.name === 'API' ? EMAILS_PER_BOOKING : 0);
  await removeBenchBookings(db, ctx.redisUrl, ctx.queuePrefix);
  supply.reset();
}

/** CPU time (user + system, in clock ticks) a process has used so far (Linux /proc). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the server process uses almost no CPU and no query of another connection is running in the
 * database, twice in a row 250 ms apart (30 s at most).
 */
async function waitUntilQuiet(server: Server, db: Pool): Promise<void> {
  const pid = server.process.child.pid as number;
  const deadline = Date.now() + 30_000;
  let quietTimes = 0;
  let ticks = cpuTicks(pid);
  while (quietTimes < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuTicks(pid);
    const { rows } = await db.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active'
         AND pid <> pg_backend_pid()`,
    );
    // 2 ticks in 250 ms: under 10 % of a core at the usual 100 ticks per second.
    quietTimes = now - ticks <= 2 && rows[0].active === 0 ? quietTimes + 1 : 0;
    ticks = now;
  }
}

function non2xx(result: LoadResult): string {
  const statuses = Object.entries(result.statuses).map(([status, count]) => `${status}: ${count}`);
  const errors = result.errors > 0 ? [`errors: ${result.errors}`] : [];
  const detail = [...statuses, ...errors];
  return detail.length > 0 ? `${result.non2xx} (${detail.join(', ')})` : String(result.non2xx);
}

function loadSection(
  ctx: BenchContext,
  measured: Measured[],
  slotCount: number,
  bookingsUsed: number,
): SectionResult {
  const checks: Check[] = [];
  const rows = measured.map(({ scenario, api, bare }) => {
    const ratio = api.requestsPerSecond / bare.requestsPerSecond;
    const { budget } = scenario;
    if (budget?.minRatio !== undefined) {
      const pass = ratio >= budget.minRatio;
      checks.push({
        label: `${scenario.name}: API / bare req/s`,
        value: num(ratio),
        budget: `≥ ${budget.minRatio}`,
        pass,
      });
    }
    if (budget) {
      const pass = api.p99Ms < budget.p99Ms;
      checks.push({
        label: `${scenario.name}: API p99`,
        value: ms(api.p99Ms),
        budget: `< ${budget.p99Ms} ms`,
        pass,
      });
    }
    return [
      scenario.name,
      num(api.requestsPerSecond, 0),
      ms(api.p50Ms),
      ms(api.p99Ms),
      num(bare.requestsPerSecond, 0),
      ms(bare.p50Ms),
      ms(bare.p99Ms),
      num(ratio),
      `${non2xx(api)} / ${non2xx(bare)}`,
    ];
  });
  const bookings = measured.find((m) => m.scenario.name === BOOKINGS);
  return {
    title: `API under load: ${ctx.sizes.connections} connections, ${ctx.sizes.loadSeconds} s per scenario and server`,
    headers: [
      'Scenario',
      'API req/s',
      'API p50',
      'API p99',
      'Bare req/s',
      'Bare p50',
      'Bare p99',
      'Ratio (API/bare req/s)',
      'non-2xx (API / bare)',
    ],
    rows,
    checks,
    notes: [
      `Each scenario runs on the API, then on the bare server (node:http + pg, pool of 10 like the API's, the same SQL, no framework, no sign-in check), after a ${WARM_UP_SECONDS} s warm-up each; both servers stay up for the whole section. Requests vary over the seed's samples in the same order on both.`,
      'The API also looks the signed-in user up on every staff request (one more query than the bare server); slots alternate "any consultant" and one consultant.',
      ...bookingNotes(bookings, slotCount, bookingsUsed, ctx.sizes.loadSeconds),
    ],
  };
}

function bookingNotes(
  bookings: Measured | undefined,
  slotCount: number,
  used: number,
  loadSeconds: number,
): string[] {
  if (!bookings) {
    return [];
  }
  const notes = [
    `Bookings: ${num(slotCount, 0)} free slots that do not overlap (every consultant over the booking horizon), each booked once per server; both servers book the same slots in the same order (the database is put back after each run: clients, consultations, audit events, emails, reminders and their Redis jobs). At most ${num(used, 0)} slots were used in one run (warm-up included).`,
    'The bare server writes what the API writes in the booking transaction (client, 2 audit events, consultation, reminder); it leaves out what the API does after the commit: the reminder job in Redis (awaited) and the 2 outbox emails (in the background).',
  ];
  for (const [name, result] of [
    ['API', bookings.api],
    ['bare server', bookings.bare],
  ] as const) {
    if (result.exhausted) {
      notes.push(
        `Bookings on the ${name} ran out of free slots after ${num(result.seconds)} s of ${loadSeconds} s: the slot supply is too small for this load.`,
      );
    }
    const conflicts = result.statuses['409'] ?? 0;
    if (conflicts > 0) {
      notes.push(
        `Bookings on the ${name}: ${conflicts} answered 409 (slot taken)${result.exhausted ? ', the requests sent after the slots ran out' : ': a bug or overlapping slots'}.`,
      );
    }
  }
  return notes;
}

interface ReportTiming {
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
async function timeReports(origin: string, headers: Record<string, string>): Promise<ReportTiming[]> {
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

function reportsSection(reports: ReportTiming[], memory: number, bareMemory: number): SectionResult {
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
