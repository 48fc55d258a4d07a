import { createHash, randomBytes } from 'node:crypto';

/** How long an emailed sign-in link works. */
export const SIGN_IN_LINK_MS = 15 * 60_000;

/** 32 random bytes, base64url (43 characters): a sign-in link's token or a portal session's bearer token. */
export function newPortalToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex: all the database keeps of it. */
export function hashPortalToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token this system could have issued: exactly 43 base64url characters. */
export function isWellFormedPortalToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The link a client signs in with: the portal's sign-in page with the token. */
export function signInUrl(appUrl: string, token: string): string {
  return `${appUrl}/portal/sign-in?token=${token}`;
}

/**
 * The instants a session must have been seen after and started after to be open at `now`: PORTAL_IDLE_MINUTES
 * without a request or PORTAL_SESSION_HOURS since sign-in end it.
 */
export function sessionCutoffs(
  now: Date,
  limits: { idleMs: number; sessionMs: number },
): { seenAfter: Date; startedAfter: Date } {
  return {
    seenAfter: new Date(now.getTime() - limits.idleMs),
    startedAfter: new Date(now.getTime() - limits.sessionMs),
  };
}
