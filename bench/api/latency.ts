import { Agent, request } from 'node:http';
import type { PlannedRequest, RequestSource } from './load';

/** Latency percentiles of the answered 2xx requests, in ms (nearest rank). */
export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export interface LatencyResult {
  latency: LatencySummary;
  /** Requests sent, and of them answered (any status) before the run ended. */
  sent: number;
  answered: number;
  non2xx: number;
  /** Connection errors. */
  errors: number;
  /** Non-2xx responses by status, e.g. {409: 3}. */
  statuses: Record<string, number>;
  /** True when the source ran out before the run was over. */
  exhausted: boolean;
}

export interface FixedRateResult extends LatencyResult {
  ratePerSecond: number;
  /** How late the generator sent its requests after their scheduled time, on average (its own share). */
  meanSendLagMs: number;
}

interface Target {
  origin: string;
  headers: Record<string, string>;
}

/** Answers still in flight when a fixed-rate schedule ends are waited for this long at most. */
const DRAIN_MS = 10_000;
/** Sockets of the fixed-rate generator: far more than half of a peak rate ever keeps busy at once. */
const FIXED_RATE_SOCKETS = 256;

/**
 * `count` requests one after the other on one keep-alive connection: the latency of a request alone, apart
 * from saturation.
 */
export async function runSequential(
  target: Target,
  count: number,
  next: RequestSource,
): Promise<LatencyResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const tally = new Tally();
  try {
    for (let i = 0; i < count; i++) {
      const planned = next();
      if (!planned) {
        tally.exhausted = true;
        break;
      }
      const startedAt = performance.now();
      tally.sent++;
      tally.record(await send(agent, target, planned), startedAt);
    }
  } finally {
    agent.destroy();
  }
  return tally.result();
}

/**
 * Open-loop load: request n is due at start + n / rate whatever the answers before it, and its latency runs from
 * that due time, so a server that stalls is charged for the requests that queue up behind the stall (no
 * coordinated omission). Requests go out over a pool of keep-alive sockets; the schedule is checked on every
 * timer tick, so sends can run late by about a millisecond: the result says how late on average.
 */
export async function runFixedRate(
  target: Target,
  ratePerSecond: number,
  seconds: number,
  next: RequestSource,
): Promise<FixedRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: FIXED_RATE_SOCKETS, scheduling: 'lifo' });
  const tally = new Tally();
  const interval = 1000 / ratePerSecond;
  const total = Math.round(ratePerSecond * seconds);
  const inFlight = new Set<Promise<void>>();
  let sendLag = 0;
  const start = performance.now();
  try {
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (tally.sent < total && start + tally.sent * interval <= now) {
          const planned = next();
          if (!planned) {
            tally.exhausted = true;
            break;
          }
          const due = start + tally.sent * interval;
          sendLag += now - due;
          tally.sent++;
          const answer = send(agent, target, planned).then((outcome) => tally.record(outcome, due));
          inFlight.add(answer);
          void answer.finally(() => inFlight.delete(answer));
        }
        if (tally.sent >= total || tally.exhausted) {
          resolve();
          return;
        }
        setTimeout(tick, Math.max(0, start + tally.sent * interval - performance.now()));
      };
      tick();
    });
    await Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((resolve) => setTimeout(resolve, DRAIN_MS)),
    ]);
  } finally {
    agent.destroy();
  }
  return { ...tally.result(), ratePerSecond, meanSendLagMs: tally.sent > 0 ? sendLag / tally.sent : 0 };
}

/** A response's status, or null on a connection error. */
type Outcome = number | null;

function send(agent: Agent, target: Target, planned: PlannedRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      `${target.origin}${planned.path}`,
      { agent, method: planned.method, headers: target.headers },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(planned.body);
  });
}

class Tally {
  sent = 0;
  exhausted = false;
  private readonly latencies: number[] = [];
  private answered = 0;
  private errors = 0;
  private readonly statuses: Record<string, number> = {};

  /** One outcome, its latency running from `since` (performance.now() time). */
  record(outcome: Outcome, since: number): void {
    if (outcome === null) {
      this.errors++;
      return;
    }
    this.answered++;
    if (outcome >= 200 && outcome < 300) {
      this.latencies.push(performance.now() - since);
    } else {
      this.statuses[outcome] = (this.statuses[outcome] ?? 0) + 1;
    }
  }

  result(): LatencyResult {
    const sorted = Float64Array.from(this.latencies).sort();
    const at = (quantile: number) =>
      sorted.length === 0
        ? NaN
        : sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    return {
      latency: { p50Ms: at(0.5), p99Ms: at(0.99), p999Ms: at(0.999), maxMs: at(1) },
      sent: this.sent,
      answered: this.answered,
      non2xx: Object.values(this.statuses).reduce((sum, n) => sum + n, 0),
      errors: this.errors,
      statuses: { ...this.statuses },
      exhausted: this.exhausted,
    };
  }
}
