import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '@app/config';

export interface CookieScope {
  /** The narrowest path that needs the cookie. */
  path: string;
  /** Strict unless a cross-site top-level navigation must carry it. */
  sameSite?: 'strict' | 'lax';
}

/**
 * The attributes of every cookie PermitDesk sets or clears: HttpOnly (no script reads it), SameSite, and Secure
 * whenever the app is served over https (APP_URL) or the request came in over TLS. Clearing uses the same
 * attributes, so browsers match and drop the cookie (and a Secure-only site never sends a non-Secure header).
 */
export function cookieAttributes(
  config: AppConfig,
  req: Request | undefined,
  scope: CookieScope,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: scope.sameSite ?? 'strict',
    secure: config.appUrl.startsWith('https:') || req?.secure === true,
    path: scope.path,
  };
}

/** Sets a cookie: the only way the API sets one. */
export function setCookie(
  res: Response,
  config: AppConfig,
  req: Request | undefined,
  name: string,
  value: string,
  scope: CookieScope & { maxAgeSeconds: number },
): void {
  res.cookie(name, value, { ...cookieAttributes(config, req, scope), maxAge: scope.maxAgeSeconds * 1000 });
}

/** Clears a cookie set with setCookie. */
export function clearCookie(
  res: Response,
  config: AppConfig,
  req: Request | undefined,
  name: string,
  scope: CookieScope,
): void {
  res.clearCookie(name, cookieAttributes(config, req, scope));
}
