import autocannon from 'autocannon';

/** One HTTP request of a load. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * Gives the requests of one run, one call per request sent, in order; null when it has none left (the run
 * then stops early).
 */
export type RequestSource = () => PlannedRequest | null;

export interface LoadOptions {
  /** Origin of the server, e.g. http://127.0.0.1:3000. */
  origin: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  next: RequestSource;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received. */
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Non-2xx responses by status, e.g. {409: 3}. */
  statuses: Record<string, number>;
  seconds: number;
  /** True when the source ran out before the time was up. */
  exhausted: boolean;
}

/**
 * `connections` keep-alive connections sending requests back to back for `seconds` (autocannon, in this
 * process). Every request is built when it is sent, from `next`, so runs see distinct requests.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  let exhausted = false;
  let last: PlannedRequest | null = null;
  let instance: autocannon.Instance | undefined;
  return new Promise((resolve, reject) => {
    instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers,
        requests: [
          {
            setupRequest: (request) => {
              const planned = options.next();
              if (planned === null) {
                // autocannon needs a request even now: repeat the last one and stop the run.
                if (!exhausted) {
                  exhausted = true;
                  setImmediate(() => instance?.stop());
                }
              } else {
                last = planned;
              }
              const chosen = planned ?? last;
              if (!chosen) {
                throw new Error('The request source gave no request at all');
              }
              return { ...request, method: chosen.method, path: chosen.path, body: chosen.body };
            },
          },
        ],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
          return;
        }
        resolve(summarize(result, exhausted));
      },
    );
  });
}

function summarize(result: autocannon.Result, exhausted: boolean): LoadResult {
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2') && count) {
      statuses[status] = count;
    }
  }
  const responses = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    // The mean of the per-second counts; on a run stopped early, responses over its length.
    requestsPerSecond: exhausted ? responses / Math.max(result.duration, 0.001) : result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
    seconds: result.duration,
    exhausted,
  };
}

/** Requests from a fixed list, round and round: the i-th request of a run is the same on every server. */
export function cycle(requests: PlannedRequest[], offset = 0): RequestSource {
  let i = offset;
  return () => requests[i++ % requests.length];
}
