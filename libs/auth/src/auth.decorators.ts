import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { StaffRole, StaffUser } from './staff-role';

export const ROLES_KEY = 'permitdesk:roles';
export const PUBLIC_KEY = 'permitdesk:public';
/**
 * Marks a client-portal route (set by `@PortalRoute()` of `@app/portal`): the staff guards leave it to the portal
 * session guard, and refuse it unless that guard signed a portal client in.
 */
export const PORTAL_ROUTE_KEY = 'permitdesk:portal-route';
/** The request property the portal session guard writes the signed-in portal session to. */
export const PORTAL_SESSION_PROPERTY = 'portalSession';

/** The portal session a request was signed in with (set by the portal guard on portal routes only). */
export interface PortalSessionOfRequest {
  sessionId: string;
  clientId: string;
}

/** The staff roles allowed on a route. Every route carries this or @Public(); the guard refuses the rest. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without signing in (login, public booking, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => {
  const request = ctx.switchToHttp().getRequest<{ user: StaffUser }>();
  return request.user;
});
