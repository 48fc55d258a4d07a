import { Pool } from 'pg';
import type { BenchContext, Check, SectionResult, SeedInfo } from '../support/context';
import { ms, num } from '../support/format';
import { residentBytes, type Started } from '../support/processes';
import { profileEnv } from '../reminders/profiling';
import { listBookableSlots, removeBenchBookings, SlotSupply, waitForBookingsToSettle } from './bookings';
import { cpuProfilePath, monotonicMicros, profileSection, type ProfileWindow } from './cpu-profile';
import { runFixedRate, runSequential, type FixedRateResult, type LatencyResult } from './latency';
import { fixedRateSection, oneConnectionSection, type LatencyMeasured } from './latency-sections';
import { runLoad, type LoadResult } from './load';
import { reportsSection, timeReports } from './reports';
import { BOOKINGS, chosenScenarios, scenarios, type Phase, type Scenario } from './scenarios';
import { probe, signIn, startServers, waitUntilQuiet, type Server, type ServerName } from './servers';

/** Outbox emails the API writes per public booking: the client's confirmation and the consultant's notice. */
const EMAILS_PER_BOOKING = 2;

interface Measured {
  scenario: Scenario;
  api: LoadResult;
  bare: LoadResult;
}

/** What one server's run gives, from the server it ran on. */
type RunOn<R> = (server: Server) => Promise<R>;

/**
 * HTTP load on the hot paths of the built API (production mode, logs at warn) beside a bare node:http + pg
 * server running the same SQL: per scenario a closed-loop load, the same requests on one connection, then an
 * open-loop load at half of the bare server's peak. Then the reports timed one request at a time, the API's
 * memory and, with BENCH_PROFILE_DIR (--profile), the API's top CPU frames per scenario.
 */
export async function runApiBench(ctx: BenchContext): Promise<SectionResult[]> {
  const seed = requireSeed(ctx);
  const db = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const started: Started[] = [];
  const profiling = profileEnv('api-load');
  const profileFile = cpuProfilePath(profiling);
  try {
    const [api, bare] = await startServers(ctx, started, profiling);
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

    const list = chosenScenarios(scenarios(seed, supply), ctx.scenario);
    await probe(
      list.filter((s) => s.name !== BOOKINGS),
      [api, bare],
      headers,
    );

    const measured: Measured[] = [];
    const oneConnection: LatencyMeasured[] = [];
    const fixedRate: LatencyMeasured<FixedRateResult>[] = [];
    const windows: ProfileWindow[] = [];
    let bookingsUsed = 0;
    for (const scenario of list) {
      // Each run on both servers in turn; bookings are put back after each server's run.
      const onBoth = async <R>(run: RunOn<R>): Promise<Record<ServerName, R>> => {
        const results = {} as Record<ServerName, R>;
        for (const server of [api, bare]) {
          results[server.name] = await run(server);
          await waitUntilQuiet(server, db);
          if (scenario.name === BOOKINGS) {
            bookingsUsed = Math.max(bookingsUsed, supply.used);
            await putBookingsBack(ctx, server, db, supply);
          }
        }
        return results;
      };
      const target = (server: Server) => ({ origin: server.origin, headers });

      const loads = await onBoth((server) =>
        measure(ctx, server, headers, scenario, db, server === api ? windows : undefined),
      );
      measured.push({ scenario, api: loads.API, bare: loads.bare });

      const requests = ctx.sizes.oneConnectionRequests;
      ctx.log(`api: ${scenario.name}, ${requests} requests on one connection, on each server`);
      const sequential = await onBoth<LatencyResult>((server) =>
        runSequential(target(server), requests, scenario.source('measured')),
      );
      oneConnection.push({ scenario, api: sequential.API, bare: sequential.bare });

      const rate = loads.bare.requestsPerSecond / 2;
      ctx.log(
        `api: ${scenario.name} at ${num(rate, 0)} req/s for ${ctx.sizes.fixedRateSeconds} s, on each server`,
      );
      const open = await onBoth((server) =>
        runFixedRate(target(server), rate, ctx.sizes.fixedRateSeconds, scenario.source('measured')),
      );
      fixedRate.push({ scenario, api: open.API, bare: open.bare });
    }
    const memory = residentBytes(api.process.child.pid as number);
    const bareMemory = residentBytes(bare.process.child.pid as number);

    ctx.log('api: reports, one request at a time');
    const reports = await timeReports(api.origin, headers);
    const sections = [
      loadSection(ctx, measured, slots.length, bookingsUsed),
      oneConnectionSection(oneConnection, ctx.sizes.oneConnectionRequests),
      fixedRateSection(fixedRate, ctx.sizes.fixedRateSeconds),
      reportsSection(reports, memory, bareMemory),
    ];
    if (profileFile) {
      // The profile is written when the API exits.
      await api.process.stop();
      sections.push(profileSection(profileFile, windows));
    }
    return sections;
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

/**
 * A warm-up, then the measured load; each time until the requests still in flight have ended. With `windows`,
 * notes when the measured load ran, for the CPU profile.
 */
async function measure(
  ctx: BenchContext,
  server: Server,
  headers: Record<string, string>,
  scenario: Scenario,
  db: Pool,
  windows?: ProfileWindow[],
): Promise<LoadResult> {
  const { loadSeconds, connections } = ctx.sizes;
  ctx.log(
    `api: ${scenario.name} on ${server.name} (${ctx.sizes.warmUpSeconds} s warm-up, ${loadSeconds} s × ${connections} connections)`,
  );
  const run = (seconds: number, phase: Phase) =>
    runLoad({ origin: server.origin, headers, connections, seconds, next: scenario.source(phase) });
  await run(ctx.sizes.warmUpSeconds, 'warm-up');
  // When a load stops, the server still runs the requests in flight: they must not slow down the next one.
  await waitUntilQuiet(server, db);
  const fromMicros = monotonicMicros();
  const result = await run(loadSeconds, 'measured');
  windows?.push({ scenario: scenario.name, fromMicros, toMicros: monotonicMicros() });
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
    if (budget.minRatio !== undefined) {
      const pass = ratio >= budget.minRatio;
      checks.push({
        label: `${scenario.name}: API / bare req/s`,
        value: num(ratio),
        budget: `≥ ${budget.minRatio}`,
        pass,
      });
    }
    if (budget.p99Ms !== undefined) {
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
      `Each scenario runs on the API, then on the bare server (node:http + pg, pool of 10 like the API's, the same SQL, no framework, no sign-in check), after a ${ctx.sizes.warmUpSeconds} s warm-up each; both servers stay up for the whole section. Requests vary over the seed's samples in the same order on both.`,
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
