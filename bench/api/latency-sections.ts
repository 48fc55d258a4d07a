import type { Check, SectionResult } from '../support/context';
import { ms, num } from '../support/format';
import type { FixedRateResult, LatencyResult } from './latency';
import type { Scenario } from './scenarios';

export interface LatencyMeasured<R extends LatencyResult = LatencyResult> {
  scenario: Scenario;
  api: R;
  bare: R;
}

/** "3 (409: 3)" or "0"; with errors and requests left unanswered. */
function failures(result: LatencyResult): string {
  const statuses = Object.entries(result.statuses).map(([status, count]) => `${status}: ${count}`);
  const errors = result.errors > 0 ? [`errors: ${result.errors}`] : [];
  const detail = [...statuses, ...errors];
  return detail.length > 0 ? `${result.non2xx + result.errors} (${detail.join(', ')})` : '0';
}

function exhaustedNotes(measured: LatencyMeasured[], run: string): string[] {
  return measured.flatMap(({ scenario, api, bare }) =>
    (
      [
        ['API', api],
        ['bare server', bare],
      ] as const
    )
      .filter(([, result]) => result.exhausted)
      .map(
        ([name, result]) =>
          `${scenario.name} on the ${name} ran out of requests (free slots) after ${num(result.sent, 0)} in the ${run} run.`,
      ),
  );
}

export function oneConnectionSection(measured: LatencyMeasured[], requests: number): SectionResult {
  const checks: Check[] = [];
  const rows = measured.map(({ scenario, api, bare }) => {
    const budget = scenario.budget?.oneConnectionP50Ms;
    if (budget !== undefined) {
      checks.push({
        label: `${scenario.name}: API p50, one connection`,
        value: ms(api.latency.p50Ms),
        budget: `< ${budget} ms`,
        pass: api.latency.p50Ms < budget,
      });
    }
    return [
      scenario.name,
      ms(api.latency.p50Ms),
      ms(api.latency.p99Ms),
      ms(api.latency.maxMs),
      ms(bare.latency.p50Ms),
      ms(bare.latency.p99Ms),
      ms(bare.latency.maxMs),
      ms(api.latency.p50Ms - bare.latency.p50Ms),
      `${failures(api)} / ${failures(bare)}`,
    ];
  });
  return {
    title: `API latency on one connection: ${requests} requests one after the other per scenario and server`,
    headers: [
      'Scenario',
      'API p50',
      'API p99',
      'API max',
      'Bare p50',
      'Bare p99',
      'Bare max',
      'API − bare p50',
      'Failed (API / bare)',
    ],
    rows,
    checks,
    notes: [
      'One keep-alive connection, each request sent when the previous answer has arrived: what one request costs when nothing else runs, apart from saturation. The same requests in the same order on both servers, after the closed-loop runs (both servers warm); bookings are put back after each server.',
      ...exhaustedNotes(measured, 'one-connection'),
    ],
  };
}

export function fixedRateSection(
  measured: LatencyMeasured<FixedRateResult>[],
  seconds: number,
): SectionResult {
  const checks: Check[] = [];
  const rows = measured.map(({ scenario, api, bare }) => {
    const budget = scenario.budget?.fixedRateP99Ms;
    if (budget !== undefined) {
      checks.push({
        label: `${scenario.name}: API p99 at a fixed rate of ${num(api.ratePerSecond, 0)}/s`,
        value: ms(api.latency.p99Ms),
        budget: `< ${budget} ms`,
        pass: api.latency.p99Ms < budget,
      });
    }
    const sentAnswered = (r: FixedRateResult) => `${num(r.sent, 0)} / ${num(r.answered, 0)}`;
    return [
      scenario.name,
      num(api.ratePerSecond, 0),
      ms(api.latency.p50Ms),
      ms(api.latency.p99Ms),
      ms(api.latency.p999Ms),
      sentAnswered(api),
      ms(bare.latency.p50Ms),
      ms(bare.latency.p99Ms),
      ms(bare.latency.p999Ms),
      sentAnswered(bare),
      `${failures(api)} / ${failures(bare)}`,
    ];
  });
  const lag = measured.flatMap(({ api, bare }) => [api.meanSendLagMs, bare.meanSendLagMs]);
  return {
    title: `API latency at a fixed rate: half of the bare server's peak, ${seconds} s per scenario and server`,
    headers: [
      'Scenario',
      'Rate (req/s)',
      'API p50',
      'API p99',
      'API p99.9',
      'API sent / answered',
      'Bare p50',
      'Bare p99',
      'Bare p99.9',
      'Bare sent / answered',
      'Failed (API / bare)',
    ],
    rows,
    checks,
    notes: [
      "Open loop: requests leave on a fixed timeline (rate = half of the bare server's req/s in this run's closed-loop table), whether or not the earlier ones were answered, over as many keep-alive sockets as needed; each latency runs from the request's scheduled time, so a stall is charged to every request that queued behind it. The same requests in the same order on both servers.",
      `The generator sent its requests ${num(Math.min(...lag), 2)} to ${num(Math.max(...lag), 2)} ms after their scheduled time on average (timer granularity and its own CPU share); that lag is inside every latency above, on both servers alike.`,
      ...exhaustedNotes(measured, 'fixed-rate'),
    ],
  };
}
