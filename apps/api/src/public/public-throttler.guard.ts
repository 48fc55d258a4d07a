import { applyDecorators, Injectable, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { tooManyRequests } from '../http/too-many-requests';

/** The named throttler (configured in app.module.ts with PUBLIC_RATE_LIMIT per minute) that public routes share. */
export const PUBLIC_THROTTLER = 'public';
const PUBLIC_RATE_LIMITED = 'permitdesk:public-rate-limited';

/** Whether a route is one of the rate-limited public routes (the `public` throttler skips every other route). */
export function isPublicRateLimited(context: ExecutionContext): boolean {
  return [context.getHandler(), context.getClass()].some(
    (target) => Reflect.getMetadata(PUBLIC_RATE_LIMITED, target) === true,
  );
}

/**
 * Counts every public request per client address in one bucket across all public routes (Redis-backed, so every
 * API replica counts together): someone guessing manage tokens or hammering bookings is held off at the limit, with
 * a 429, a `Retry-After` header and a message saying how long to wait.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((throttler) => throttler.name === PUBLIC_THROTTLER);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const res = context.switchToHttp().getResponse<Response>();
    throw tooManyRequests(res, detail.timeToBlockExpire, 'Too many requests from your network.');
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}

/** Marks a public controller or route as rate-limited by the `public` throttler. */
export const PublicRateLimited = () =>
  applyDecorators(SetMetadata(PUBLIC_RATE_LIMITED, true), UseGuards(PublicThrottlerGuard));
