import { Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LocalAuthGuard } from '@app/auth';
import { tooManyRequests } from '../http/too-many-requests';
import { LoginAttempts, type LoginHold } from './login-attempts';

const REASONS: Record<LoginHold['reason'], string> = {
  pair: 'Too many sign-in attempts for this email from your network.',
  address: 'Too many failed sign-ins from your network.',
  account: 'Too many failed sign-ins on this account.',
};

/**
 * Checks the sign-in limits (LoginAttempts) before the password is checked, so a held attempt costs no hashing, then
 * checks email and password and records the outcome: a failure counts against the address and the account, a
 * success clears the account's failures.
 */
@Injectable()
export class LoginThrottleGuard extends LocalAuthGuard {
  constructor(private readonly attempts: LoginAttempts) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    // An IPv6 client is counted by its /64, as the public routes count it: one host usually holds the whole /64.
    const address = req.ip ? normalizeIp(req.ip) : 'unknown';
    const body = req.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    const held = await this.attempts.hold(address, email);
    if (held) {
      throw tooManyRequests(res, held.retryAfterMs / 1000, REASONS[held.reason]);
    }
    try {
      const allowed = (await super.canActivate(ctx)) as boolean;
      await this.attempts.succeeded(address, email);
      return allowed;
    } catch (error) {
      if (error instanceof UnauthorizedException) {
        await this.attempts.failed(address, email);
      }
      throw error;
    }
  }
}
