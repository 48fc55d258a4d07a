import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { StaffRole } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

/** A stand-in for dist/web: the built apps, an index.html and one asset each. */
function webFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'permitdesk-web-'));
  for (const name of ['admin', 'book', 'portal']) {
    mkdirSync(join(dir, name, 'assets'), { recursive: true });
    writeFileSync(join(dir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(dir, name, 'assets', 'index-Ab12Cd34.js'), 'console.log(1);');
  }
  return dir;
}

function setCookies(res: Response): string[] {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? (header as string[]) : typeof header === 'string' && header ? [header] : [];
}

function csp(res: Response): Map<string, string> {
  const directives = String(res.headers['content-security-policy'] ?? '').split(';');
  return new Map(
    directives
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]),
  );
}

function expectBaseHeaders(res: Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
  const policy = csp(res);
  expect(policy.get('default-src')).toBe("'self'");
  expect(policy.get('script-src')).toBe("'self'");
  expect(policy.get('object-src')).toBe("'none'");
  // The staff UI previews documents it fetched itself from blob: addresses; nothing from elsewhere.
  expect(policy.get('img-src')).toBe("'self' data: blob:");
  expect(policy.get('frame-src')).toBe("'self' blob:");
}

function expectNotFramable(res: Response): void {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(csp(res).get('frame-ancestors')).toBe("'none'");
}

describe('HTTP security', () => {
  const webDir = webFixture();
  let https: TestApp;

  beforeAll(async () => {
    https = await createTestApp({ env: { APP_URL: 'https://desk.example.ca' }, webDir });
  });
  afterAll(async () => {
    await https?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  describe('cookies', () => {
    it('the queue-board cookie is HttpOnly, SameSite=Strict, Secure and scoped to /admin/queues when APP_URL is https; so is its removal', async () => {
      const admin = await https.signedInAs(StaffRole.Admin);
      const [opened] = setCookies(await admin.post('/api/auth/queues-session').expect(200));
      expect(opened).toMatch(/^pd_queues=[^;]+;/);
      for (const attribute of [
        'HttpOnly',
        'SameSite=Strict',
        'Secure',
        'Path=/admin/queues',
        'Max-Age=3600',
      ]) {
        expect(opened.split('; ')).toContain(attribute);
      }
      const [cleared] = setCookies(await admin.delete('/api/auth/queues-session').expect(204));
      expect(cleared).toMatch(/^pd_queues=;/);
      for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/admin/queues']) {
        expect(cleared.split('; ')).toContain(attribute);
      }
    });
  });

  describe('headers', () => {
    it('API responses (success, error, docs) carry the CSP, nosniff, no-referrer, no X-Powered-By, and cannot be framed', async () => {
      for (const res of [
        await https.http().get('/api/health'),
        await https.http().get('/api/no-such-route').expect(404),
        await https.http().get('/api/clients').expect(401),
        await https.http().get('/api/docs-json').expect(200),
        await https.http().get('/admin/queues').expect(401),
      ]) {
        expectBaseHeaders(res);
        expectNotFramable(res);
      }
    });

    it('API answers are stored by no browser or proxy and carry no ETag; the firm logo may be cached', async () => {
      const admin = await https.signedInAs(StaffRole.Admin);
      const answers = {
        'a list': await admin.get('/api/clients').expect(200),
        'the signed-in user': await admin.get('/api/auth/me').expect(200),
        'a refusal': await https.http().get('/api/clients').expect(401),
        'a public list': await https.http().get('/api/public/consultation-types').expect(200),
      };
      for (const [what, res] of Object.entries(answers)) {
        expect([what, res.headers['cache-control'], res.headers.etag]).toEqual([what, 'no-store', undefined]);
      }
      // Static apps keep their own revalidation.
      expect((await https.http().get('/admin/').expect(200)).headers['cache-control']).toBe('no-cache');
    });

    it('sends HSTS when APP_URL is https', async () => {
      const res = await https.http().get('/api/health');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=(\d+); includeSubDomains$/);
      expect(
        Number(/max-age=(\d+)/.exec(String(res.headers['strict-transport-security']))?.[1]),
      ).toBeGreaterThanOrEqual(15_552_000);
    });

    it('the staff UI cannot be framed by any site, its pages nor its assets', async () => {
      for (const path of ['/admin/', '/admin/clients/123', '/admin/assets/index-Ab12Cd34.js']) {
        const res = await https.http().get(path).expect(200);
        expectBaseHeaders(res);
        expectNotFramable(res);
      }
    });

    it('the client portal cannot be framed by any site, its sign-in link, pages nor assets', async () => {
      for (const path of [
        '/portal/',
        '/portal/sign-in?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        '/portal/files/123',
        '/portal/assets/index-Ab12Cd34.js',
      ]) {
        const res = await https.http().get(path).expect(200);
        expectBaseHeaders(res);
        expectNotFramable(res);
      }
    });

    it('the booking page, its manage links and assets may be framed by any site (the embed), with the rest of the CSP kept', async () => {
      for (const path of [
        '/book/',
        '/book/manage/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        '/book/assets/index-Ab12Cd34.js',
      ]) {
        const res = await https.http().get(path).expect(200);
        expectBaseHeaders(res);
        expect(res.headers['x-frame-options']).toBeUndefined();
        expect(csp(res).get('frame-ancestors')).toBe('*');
      }
    });
  });

  describe('CORS', () => {
    it('grants no other origin access to /api: no Access-Control-Allow-Origin on requests or preflights', async () => {
      const admin = await https.signedInAs(StaffRole.Admin);
      const origin = 'https://attacker.example';
      const responses = [
        await https.http().get('/api/public/consultation-types').set('Origin', origin),
        await admin.get('/api/clients').set('Origin', origin),
        await https
          .http()
          .post('/api/auth/login')
          .set('Origin', origin)
          .send({ email: 'a@b.ca', password: 'x' }),
        await https
          .http()
          .options('/api/auth/login')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'authorization,content-type'),
      ];
      for (const res of responses) {
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-allow-headers']).toBeUndefined();
      }
    });
  });

  // Last: a second app in the same process takes over passport's strategies, so the https app is done by now.
  describe('over plain http (a laptop)', () => {
    let http: TestApp;

    beforeAll(async () => {
      http = await createTestApp({ env: { APP_URL: 'http://localhost:3000' }, webDir: null });
    });
    afterAll(async () => {
      await http?.close();
    });

    it('the cookie is HttpOnly and SameSite=Strict, without Secure, so it still works', async () => {
      const admin = await http.signedInAs(StaffRole.Admin);
      const [opened] = setCookies(await admin.post('/api/auth/queues-session').expect(200));
      expect(opened.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict']));
      expect(opened.split('; ')).not.toContain('Secure');
    });

    it('sends no HSTS', async () => {
      expect((await http.http().get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    });
  });
});
