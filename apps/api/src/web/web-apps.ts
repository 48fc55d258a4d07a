import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The browser apps `npm run build:web` writes under dist/web. */
export const WEB_APPS = ['admin', 'book', 'portal'] as const;
export type WebApp = (typeof WEB_APPS)[number];

/** Paths under /admin that belong to the API process, not to the staff UI (bull-board). */
const NOT_THE_UI = ['/admin/queues'];

/**
 * dist/web, found from this file both when compiled (dist/apps/api/src/web) and when run from source by the
 * tests (apps/api/src/web).
 */
export function webDistDir(): string | null {
  const candidates = [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'admin', 'index.html'))) ?? null;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Serves the staff UI at /admin, the booking page at /book and the client portal at /portal from the same origin as
 * the API: hashed assets with a long cache, and index.html for every other GET under the prefix (client-side routes
 * such as /admin/clients/123, /book/manage/<token> or /portal/sign-in?token=...). /admin/queues is left to the
 * queue board. The booking page may be framed by any site (the embed snippet); everything else, the portal
 * included, keeps the API's headers, which forbid framing.
 * Must run before app.init(), which installs the API's 404 handler.
 */
export function mountWebApps(app: INestApplication, dir: string | null = webDistDir()): void {
  if (!dir) {
    return;
  }
  const express = app as NestExpressApplication;
  for (const name of WEB_APPS) {
    const root = join(dir, name);
    if (!existsSync(join(root, 'index.html'))) {
      continue;
    }
    express.useStaticAssets(join(root, 'assets'), {
      prefix: `/${name}/assets`,
      index: false,
      immutable: true,
      maxAge: '1y',
      fallthrough: true,
      setHeaders: (res: Response) => (name === 'book' ? allowFraming(res) : undefined),
    });
    const html = readFileSync(join(root, 'index.html'));
    express.use(`/${name}`, indexHtml(name, html));
  }
  express.use('/', (req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/') {
      res.redirect(302, '/admin/');
      return;
    }
    next();
  });
}

function indexHtml(name: WebApp, html: Buffer) {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.originalUrl.split('?')[0];
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      NOT_THE_UI.some((prefix) => isUnder(path, prefix)) ||
      isUnder(path, `/${name}/assets`)
    ) {
      next();
      return;
    }
    if (name === 'book') {
      allowFraming(res);
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
}

/** Lets another site embed the booking page in an iframe. */
function allowFraming(res: Response): void {
  res.removeHeader('X-Frame-Options');
  const csp = res.getHeader('Content-Security-Policy');
  if (typeof csp === 'string') {
    res.setHeader('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
  }
}
