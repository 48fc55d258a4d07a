import { HttpException, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { type Dependency, type Unavailable, UNAVAILABLE_CODE } from './dependency-outage';

/** The health checks named after what they check, and the dependency each stands for. */
const DEPENDENCY_OF_CHECK: Record<string, Dependency> = { database: 'database', redis: 'queue' };

/**
 * A failed health check: answered 503 with Retry-After, in the one error shape (code named after the first
 * dependency that is down) plus terminus' own `status`, `info`, `error` and `details`, so a load balancer or a
 * person reads which check failed.
 */
export class HealthCheckFailedException extends HttpException {
  constructor(readonly result: HealthCheckResult) {
    super(result, HttpStatus.SERVICE_UNAVAILABLE);
  }

  /** Turns terminus' ServiceUnavailableException into this; anything else is passed through. */
  static from(error: unknown): unknown {
    if (error instanceof ServiceUnavailableException) {
      const result = error.getResponse() as HealthCheckResult;
      if (typeof result === 'object' && result !== null && 'status' in result) {
        return new HealthCheckFailedException(result);
      }
    }
    return error;
  }

  /** The names of the checks that failed. */
  get failedChecks(): string[] {
    return Object.keys(this.result.error ?? {});
  }

  /** The dependencies those checks stand for, with the reason each check gave. */
  get failed(): Unavailable[] {
    return this.failedChecks.flatMap((check) => {
      const dependency = DEPENDENCY_OF_CHECK[check];
      const reason = (this.result.error?.[check] as { reason?: unknown } | undefined)?.reason;
      return dependency
        ? [{ dependency, reason: typeof reason === 'string' ? reason : 'health check failed' }]
        : [];
    });
  }

  body() {
    const checks = this.failedChecks;
    const [first] = this.failed;
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: first ? UNAVAILABLE_CODE[first.dependency] : 'SERVICE_UNAVAILABLE',
      message: `Not ready: ${checks.length > 0 ? checks.map((check) => `${check} is down`).join(', ') : 'a check failed'}.`,
      fields: null,
      errorId: null,
      ...this.result,
    };
  }
}
