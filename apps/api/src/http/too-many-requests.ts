import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** "45 seconds", "1 minute", "15 minutes": a wait a person can read. */
export function waitPhrase(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) {
    return s === 1 ? '1 second' : `${s} seconds`;
  }
  const minutes = Math.ceil(s / 60);
  return `${minutes} minutes`;
}

/**
 * The one way a throttled request ends: 429 with a standard `Retry-After` header (seconds) and a message that says
 * why and how long to wait. The exception filter turns it into `{statusCode: 429, code: 'TOO_MANY_REQUESTS', message}`.
 */
export function tooManyRequests(res: Response, retryAfterSeconds: number, reason: string): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  res.setHeader('Retry-After', String(seconds));
  return new HttpException(
    { message: `${reason} Try again in ${waitPhrase(seconds)}.` },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
