import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';

/**
 * helmet's headers on every response (API, web apps, queue board, docs): a CSP that loads only our own
 * scripts (images and frames also from blob: addresses the page made itself), no framing by anyone (the
 * booking page alone relaxes frame-ancestors, see web-apps.ts), nosniff, no Referer sent anywhere (a manage
 * link's token must not travel to another site), no X-Powered-By, and HSTS when the app is served over https.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // blob: lets the staff UI show a document it fetched with the session (an image, or a PDF in a frame).
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.appUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
}

/**
 * `Cache-Control: no-store` on every answer of the API unless its route says otherwise (the firm's logo may be
 * cached): answers hold client records, which no browser cache or proxy may keep. Express's ETag is turned off
 * with it (bootstrap.ts): it hashed every answer's body for revalidations a stored-nowhere answer never gets.
 */
export const apiAnswersNotStored: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
