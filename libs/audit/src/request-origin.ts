import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request came from, as an audit event records it ("who, when, from where"). */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 300;
const origins = new AsyncLocalStorage<RequestOrigin>();

/**
 * Runs the rest of a request with its origin known to every audit event it records, without passing it through
 * each service. Work outside a request (the worker, the command line) has none.
 */
export function runWithRequestOrigin(
  origin: { ipAddress?: string | null; userAgent?: string | null },
  next: () => void,
): void {
  origins.run(
    {
      ipAddress: origin.ipAddress ?? null,
      userAgent: origin.userAgent ? origin.userAgent.slice(0, MAX_USER_AGENT) : null,
    },
    next,
  );
}

export function currentRequestOrigin(): RequestOrigin | undefined {
  return origins.getStore();
}
