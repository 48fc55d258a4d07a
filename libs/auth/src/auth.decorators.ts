import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { StaffRole, StaffUser } from './staff-role';

export const ROLES_KEY = 'permitdesk:roles';
export const PUBLIC_KEY = 'permitdesk:public';

/** The staff roles allowed on a route. Every route carries this or @Public(); the guard refuses the rest. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without signing in (login, public booking, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffUser => {
  const request = ctx.switchToHttp().getRequest<{ user: StaffUser }>();
  return request.user;
});
