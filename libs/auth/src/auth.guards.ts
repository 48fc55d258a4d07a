import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '@app/database';
import {
  PORTAL_ROUTE_KEY,
  PORTAL_SESSION_PROPERTY,
  PUBLIC_KEY,
  ROLES_KEY,
  type PortalSessionOfRequest,
} from './auth.decorators';
import type { StaffRole, StaffUser } from './staff-role';
import { LOGIN_FAILED } from './strategies';

function isPublic(reflector: Reflector, ctx: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]) === true;
}

/** Whether a route is a client-portal route (`@PortalRoute()`), which staff tokens never reach. */
export function isPortalRoute(reflector: Reflector, ctx: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(PORTAL_ROUTE_KEY, [ctx.getHandler(), ctx.getClass()]) === true;
}

/**
 * Global: every route needs a valid access token unless marked @Public() (or a portal route, which the portal
 * session guard checks instead: a staff token is never looked at there). Passport's default handleRequest rethrows
 * an error of the session check as it is, so a database that cannot be reached answers 503 (exception filter),
 * never a 401 telling the person their session ended.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    return isPublic(this.reflector, ctx) || isPortalRoute(this.reflector, ctx)
      ? true
      : super.canActivate(ctx);
  }
}

/**
 * Global: the signed-in role must be one the route names. A route with neither @Roles nor @Public is
 * refused for everyone, so a forgotten decorator fails closed. A route the role may not use answers 404,
 * as a record the user may not see does. A portal route passes only once the portal session guard (which runs
 * before this one) has signed a client in, and never when it also names staff roles or public access.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const portal = isPortalRoute(this.reflector, ctx);
    if (portal) {
      if (isPublic(this.reflector, ctx) || this.rolesOf(ctx)) {
        throw new ForbiddenException('A portal route cannot also be public or name staff roles');
      }
      const request = ctx.switchToHttp().getRequest<Record<string, PortalSessionOfRequest | undefined>>();
      if (!request[PORTAL_SESSION_PROPERTY]) {
        throw new UnauthorizedException('Sign in to the client portal first');
      }
      return true;
    }
    if (isPublic(this.reflector, ctx)) {
      return true;
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!roles || roles.length === 0) {
      throw new ForbiddenException('This route declares no roles');
    }
    const user = ctx.switchToHttp().getRequest<{ user?: StaffUser }>().user;
    if (!user || !roles.includes(user.role)) {
      throw new NotFoundException('Not found');
    }
    return true;
  }

  private rolesOf(ctx: ExecutionContext): StaffRole[] | undefined {
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    return roles && roles.length > 0 ? roles : undefined;
  }
}

/**
 * Checks email and password; every failure, even a missing field, answers the same 401. A database that cannot be
 * reached is not a failed sign-in: that error goes on to the exception filter (503), uncounted by the sign-in limits.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, user: T): T {
    if (isDatabaseUnavailable(error)) {
      throw error;
    }
    if (error || !user) {
      throw new UnauthorizedException(LOGIN_FAILED);
    }
    return user;
  }
}
