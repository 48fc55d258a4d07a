import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { PORTAL_ROUTE_KEY, PORTAL_SESSION_PROPERTY, type PortalSessionOfRequest } from '@app/auth';

/**
 * A client-portal route (on a handler or a whole controller): only a portal session's bearer token reaches it, a
 * staff token never does (401), and staff routes refuse portal tokens. Never combine with @Roles or @Public.
 */
export const PortalRoute = () => applyDecorators(SetMetadata(PORTAL_ROUTE_KEY, true));

function sessionOf(ctx: ExecutionContext): PortalSessionOfRequest {
  const request = ctx.switchToHttp().getRequest<Record<string, PortalSessionOfRequest | undefined>>();
  const session = request[PORTAL_SESSION_PROPERTY];
  if (!session) {
    // Unreachable on a @PortalRoute(): the guards refuse the request first. Fails closed elsewhere.
    throw new Error('@PortalClient() used outside a portal route');
  }
  return session;
}

/** The id of the client signed in to the portal (on @PortalRoute() handlers). */
export const PortalClient = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return sessionOf(ctx).clientId;
});

/** The portal session of the request (its id and the client's), for sign-out. */
export const CurrentPortalSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PortalSessionOfRequest => sessionOf(ctx),
);
