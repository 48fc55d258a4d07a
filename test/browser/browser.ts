import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { consultationType, setHours } from '../support/bookable';
import { portalInviteToken } from '../support/portal';
import type { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { StaffRole } from '@app/auth';
import type { Clock } from '@app/shared';

export const CHROMIUM = '/usr/bin/chromium';
const REPO = resolve(__dirname, '../..');
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');
export const STAFF_PASSWORD = 'a-long-test-password';
/** The narrowest phone the UIs are held to. */
export const PHONE = { width: 390, height: 844 };

let launched: Promise<Browser> | null = null;

/**
 * One Chromium per test file (jest gives each file its own module registry), started by its first harness and
 * closed after its last test: a start costs about 2 s of CPU, and the parts of a suite file run one after the
 * other. Harnesses get contexts of their own, which share no cookies, storage or cache.
 */
function sharedBrowser(): Promise<Browser> {
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  // A failed start is not kept: the next harness tries again.
  launched.catch(() => {
    launched = null;
  });
  return launched;
}

afterAll(async () => {
  const browser = await launched?.catch(() => null);
  await browser?.close();
  launched = null;
});

/** The real API on a fresh database, listening on an ephemeral port of 127.0.0.1, and Debian's Chromium. */
export interface BrowserHarness {
  test: TestApp;
  baseUrl: string;
  browser: Browser;
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests need Debian's Chromium. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (.ci/run does this), then run the tests again.',
    );
  }
  if (['admin', 'book', 'portal'].some((app) => !existsSync(join(REPO, 'dist', 'web', app, 'index.html')))) {
    throw new Error('The web bundles are not built: run `npm run build` (npm test does it first).');
  }
  const test = await createTestApp({ clock: options.clock, env: options.env });
  await test.app.listen(0, '127.0.0.1');
  const { port } = test.app.getHttpServer().address() as AddressInfo;
  const browser = await sharedBrowser().catch(async (error: unknown) => {
    await test.close();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  return {
    test,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async context(contextOptions = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'en-CA',
        // Staff asking for less motion see no transitions or ripples (theme.ts), and neither do the tests: every
        // frame of an animation costs Chromium's CPU (a third of a staff suite's). `reducedMotion: 'no-preference'`
        // gives a test the motion back.
        reducedMotion: 'reduce',
        ...contextOptions,
      });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) {
        await context.close().catch(() => undefined);
      }
      await test.close();
    },
  };
}

/** The admin of most browser parts: Amélie Tremblay, amelie@firm.test. */
export function amelieAdmin(h: BrowserHarness): Promise<SignedInClient> {
  return h.test.signedInAs(StaffRole.Admin, { name: 'Amélie Tremblay', email: 'amelie@firm.test' });
}

/**
 * Signs a staff member in and opens the staff UI at `path` (the dashboard unless named): a real sign-in through the API, its token kept where
 * the sign-in form keeps it, then the UI loads once. For the tests about something else than the sign-in page,
 * which would pay for the form's render and a second round of the UI's start (about 2 s of Chromium's CPU each).
 */
export async function signIn(page: Page, baseUrl: string, email: string, path = '/admin/'): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: STAFF_PASSWORD }),
  });
  if (!response.ok) {
    throw new Error(`signing ${email} in answered ${response.status}: ${await response.text()}`);
  }
  const { accessToken, user } = (await response.json()) as { accessToken: string; user: unknown };
  // Any page of the origin will do to reach its storage; the health check is the cheapest. The keys are
  // apps/web/admin/src/session.ts's.
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(
    ([token, profile]) => {
      localStorage.setItem('permitdesk.token', token);
      localStorage.setItem('permitdesk.user', profile);
    },
    [accessToken, JSON.stringify(user)],
  );
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId('who-am-i').waitFor({ state: 'attached' });
}

/**
 * Moves a loaded web app to `path` (its prefix included, e.g. `/admin/clients`) the way its own links do: a new
 * history entry and a popstate event, which the router follows, without loading the page again. Returns when the
 * page's requests are answered and none has started for 300 ms (a load's "networkidle", which a move within the
 * page does not wait for). A full load of the staff UI costs Chromium about half a second of CPU: this is for the
 * tests that walk through many pages, not for those about loading one.
 */
export async function goInApp(page: Page, path: string): Promise<void> {
  let inFlight = 0;
  let changedAt = Date.now();
  const started = () => {
    inFlight += 1;
    changedAt = Date.now();
  };
  const ended = () => {
    inFlight -= 1;
    changedAt = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    // A string, as for axe below: the tests are typed for Node, which has no PopStateEvent.
    await page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    const deadline = Date.now() + 15_000;
    while (inFlight > 0 || Date.now() - changedAt < 300) {
      if (Date.now() > deadline) {
        throw new Error(`${path}: ${inFlight} request(s) still unanswered after 15 s`);
      }
      await page.waitForTimeout(50);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** Signs a staff member in through the sign-in page, in English or French. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password = STAFF_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/admin/`);
  await page.locator('input[name=username]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: /^(Sign in|Connexion)$/ }).click();
  await page.getByTestId('who-am-i').waitFor({ state: 'attached' });
}

/** A new page on a 390-px phone in French (Canada), on Toronto time: how most portal tests see the portal. */
export async function frenchPhonePage(h: BrowserHarness): Promise<Page> {
  const context = await h.context({
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/**
 * The portal intake's first step, "Renseignements personnels", answered in French for Zoé Côté, born in Lyon, single,
 * living in France; `otherName` answers "Avez-vous déjà utilisé un autre nom?" (null: non).
 */
export async function fillPersonalDetailsFr(page: Page, otherName: string | null): Promise<void> {
  await page.getByLabel('Nom de famille').fill('Côté');
  await page.getByLabel('Prénom(s)').fill('Zoé');
  const otherNames = page.getByRole('group', { name: 'Avez-vous déjà utilisé un autre nom?' });
  await otherNames.getByLabel(otherName ? 'Oui' : 'Non').check();
  if (otherName) {
    await page.getByLabel('Autres noms utilisés').fill(otherName);
  }
  await page.getByLabel('Sexe').selectOption('F');
  await page.getByLabel('Date de naissance').fill('1991-04-12');
  await page.getByLabel('Ville de naissance').fill('Lyon');
  await page.getByLabel('Pays de naissance').selectOption('FR');
  await page.getByLabel('Citoyenneté').selectOption('FR');
  await page.getByLabel('Pays où vous habitez actuellement').selectOption('FR');
  await page.getByLabel('État matrimonial').selectOption('single');
}

/** Staff invite the client to the portal; the one-time sign-in link of the invite email. */
export async function portalLink(
  h: BrowserHarness,
  sink: SmtpSink,
  inviter: SignedInClient,
  client: { id: string; email: string | null },
): Promise<string> {
  return `${h.baseUrl}/portal/sign-in?token=${await portalInviteToken(sink, inviter, client)}`;
}

/** Who takes bookings and when: by default Inès Gagnon, every day from 09:00 to 17:00 Toronto time. */
export interface BookableSetup {
  name?: string;
  email?: string;
  timezone?: string;
  /** Opening and closing time, every day of the week. */
  hours?: [string, string];
  minNoticeHours?: number;
  /** Adds to (or replaces) the "Work permit assessment" of 30 minutes. */
  type?: Record<string, unknown>;
}

/**
 * A consultant who signs in with STAFF_PASSWORD and takes bookings every day (30 days ahead, 30-minute steps, no
 * buffer), and a consultation type to book.
 */
export async function bookableStaffConsultant(
  admin: SignedInClient,
  setup: BookableSetup = {},
): Promise<{ id: string; email: string }> {
  const timezone = setup.timezone ?? 'America/Toronto';
  const [start, end] = setup.hours ?? ['09:00', '17:00'];
  const created = await admin
    .post('/api/users')
    .send({
      email: setup.email ?? 'ines@firm.test',
      name: setup.name ?? 'Inès Gagnon',
      role: 'consultant',
      password: STAFF_PASSWORD,
      timezone,
      isBookable: true,
      languages: ['en', 'fr'],
    })
    .expect(201);
  await setHours(admin, created.body.id as string, {
    timezone,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end })),
    minNoticeHours: setup.minNoticeHours ?? 72,
    maxDaysAhead: 30,
  });
  await consultationType(admin, { active: true, ...setup.type });
  return { id: created.body.id as string, email: created.body.email as string };
}

/**
 * Screenshots are for people reviewing the UI, not assertions: `npm run test:screenshots` (TEST_SCREENSHOTS=1) takes
 * them, a plain `npm test` does not. A full-page capture costs Chromium about 0.3 s of CPU (the page laid out and
 * painted at its full height, then encoded), some 45 s of CPU for the 145 of a run on 2 cores.
 */
const TAKE_SCREENSHOTS = process.env.TEST_SCREENSHOTS === '1';

/** The whole page, to test-results/screenshots/<name>.png (with TEST_SCREENSHOTS=1). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (TAKE_SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

/** One element (a dialog, a panel), to test-results/screenshots/<name>.png (with TEST_SCREENSHOTS=1). */
export async function elementScreenshot(element: Locator, name: string): Promise<void> {
  if (TAKE_SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await element.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const IMPACTS = ['minor', 'moderate', 'serious', 'critical'];

/**
 * axe-core's violations of at least an impact on the page (injected over CDP, so CSP does not apply). A page found
 * wanting is read again a second later: on a loaded machine axe can catch React between two renders (the app bar's
 * title, say, unmounted for a moment), while a real problem is still there the second time.
 */
export async function axeViolations(
  page: Page,
  atLeast: 'moderate' | 'serious' = 'serious',
): Promise<AxeViolation[]> {
  const run = async () => {
    // Injected once per document (a reload drops it): parsing axe costs about 0.15 s of Chromium's CPU.
    if (!(await page.evaluate('typeof axe !== "undefined"'))) {
      await page.evaluate(axeSource);
    }
    const result = await page.evaluate<{ violations: AxeViolation[] }>(
      'axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })',
    );
    return result.violations.filter((v) => IMPACTS.indexOf(v.impact ?? 'minor') >= IMPACTS.indexOf(atLeast));
  };
  const first = await run();
  if (first.length === 0) {
    return first;
  }
  await page.waitForTimeout(1000);
  return run();
}

/** axe-core's serious and critical violations on the page as it is now. */
export function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return axeViolations(page, 'serious');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
    .join('\n');
}

export function writeResult(name: string, data: unknown): void {
  mkdirSync(join(REPO, 'test-results'), { recursive: true });
  writeFileSync(join(REPO, 'test-results', name), `${JSON.stringify(data, null, 2)}\n`);
}
