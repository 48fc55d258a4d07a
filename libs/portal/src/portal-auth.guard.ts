import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPortalRoute, PORTAL_SESSION_PROPERTY, type PortalSessionOfRequest } from '@app/auth';
import { PortalAuthService } from './portal-auth.service';

const SESSION_ENDED = 'Your portal session has ended; ask for a new sign-in link';

/**
 * Global, registered before the staff RolesGuard: on a @PortalRoute() it signs the request in with the portal
 * session its bearer token names (server-side, open, client active), or answers 401. Other routes pass through to
 * the staff guards untouched. The RolesGuard refuses a portal route this guard did not sign in, so the portal
 * fails closed even without it.
 */
@Injectable()
export class PortalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: PortalAuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (!isPortalRoute(this.reflector, ctx)) {
      return true;
    }
    const request = ctx.switchToHttp().getRequest<{
      headers: Record<string, string | string[] | undefined>;
      [PORTAL_SESSION_PROPERTY]?: PortalSessionOfRequest;
    }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(header.trim()) : null;
    if (!match) {
      throw new UnauthorizedException('Sign in to the client portal first');
    }
    const session = await this.auth.authenticate(match[1]);
    if (!session) {
      throw new UnauthorizedException(SESSION_ENDED);
    }
    request[PORTAL_SESSION_PROPERTY] = session;
    return true;
  }
}
