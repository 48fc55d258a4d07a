import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import {
  axeViolations,
  describeViolations,
  goInApp,
  screenshot,
  signIn,
  startHarness,
  writeResult,
  type BrowserHarness,
} from './browser';
import { consultationType } from '../support/bookable';

jest.setTimeout(120_000);

/**
 * Every main page: no moderate or worse axe violation, a screenshot, and the time until it is interactive written
 * to page-timings.json (a record to compare runs, not a pass/fail budget: on a loaded 2-core machine a wall-clock
 * budget measures the machine, so speed is held by the benchmarks under bench/).
 */
describe('main pages (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;
  let clientId: string;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Amélie Tremblay' });
    const soon = DateTime.now().setZone('America/Toronto').plus({ days: 3 }).toISODate() as string;
    const file = await h.test.given.file({ biometricsDueOn: soon });
    fileId = file.id;
    clientId = file.clientId;
    await h.test.given.file({
      stream: 'TFWP' as never,
      tfwp: { lmiaStream: 'agricultural', lmiaStatus: 'positive' } as never,
      employer: { name: 'Fraser Farms Ltd.' },
    });
    await consultationType(admin, { active: true, priceCents: 15000 });
    page = await (await h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    writeResult('page-timings.json', timings);
    await h?.close();
  });

  const staffPages: [string, string, (p: Page) => ReturnType<Page['getByRole']>][] = [
    [
      'dashboard',
      '/admin/',
      (p) => p.getByRole('region', { name: 'Deadlines in the next 14 days' }).getByRole('link').first(),
    ],
    ['clients', '/admin/clients', (p) => p.getByRole('cell').first()],
    ['client-create', '/admin/clients/create', (p) => p.getByRole('textbox', { name: 'First name' })],
    ['files', '/admin/files', (p) => p.getByRole('cell').first()],
    ['deadlines', '/admin/deadlines', (p) => p.getByRole('button', { name: /^Complete/ }).first()],
    ['deadline-calendar', '/admin/deadlines/calendar', (p) => p.getByRole('button', { name: 'Next month' })],
    ['consultations', '/admin/consultations', (p) => p.getByRole('heading', { name: 'Consultations' })],
    ['consultation-week', '/admin/consultations/calendar', (p) => p.getByText('Times in America/Toronto')],
    ['reminders', '/admin/reminders', (p) => p.getByRole('heading', { name: 'Reminders' })],
    ['outbox', '/admin/emails', (p) => p.getByRole('heading', { name: 'Outbox' })],
    ['reports', '/admin/reports', (p) => p.getByRole('list', { name: 'Files by stream' })],
    ['users', '/admin/users', (p) => p.getByRole('cell', { name: 'Amélie Tremblay' })],
    [
      'consultation-types',
      '/admin/consultation-types',
      (p) => p.getByRole('cell', { name: 'Work permit assessment', exact: true }),
    ],
    ['availability', '/admin/availability', (p) => p.getByRole('button', { name: 'Save' })],
    ['reminder-settings', '/admin/settings/reminders', (p) => p.getByRole('button', { name: 'Save' })],
    ['booking-page', '/admin/booking-page', (p) => p.getByTestId('embed-snippet')],
  ];

  it.each(staffPages)(
    '%s is accessible and captured, its time to interactive recorded',
    async (name, path, ready) => {
      const started = Date.now();
      await page.goto(`${h.baseUrl}${path}`);
      await ready(page).waitFor();
      timings[name] = Date.now() - started;
      await page.waitForLoadState('networkidle');
      await screenshot(page, `admin-${name}`);
      expect(describeViolations(await axeViolations(page, 'moderate'))).toBe('');
    },
  );

  it('the file and client pages are accessible and captured, their time to interactive recorded', async () => {
    for (const [name, path, ready] of [
      [
        'file-show',
        `/admin/files/${fileId}/show`,
        (p: Page) => p.getByRole('button', { name: 'Move to Preparing' }),
      ],
      ['file-edit', `/admin/files/${fileId}`, (p: Page) => p.getByTestId('exemption-code')],
      [
        'client-show',
        `/admin/clients/${clientId}/show`,
        (p: Page) => p.getByRole('region', { name: 'Timeline' }),
      ],
    ] as const) {
      const started = Date.now();
      await page.goto(`${h.baseUrl}${path}`);
      await ready(page).waitFor();
      timings[name] = Date.now() - started;
      await page.waitForLoadState('networkidle');
      await screenshot(page, `admin-${name}`);
      expect(describeViolations(await axeViolations(page, 'moderate'))).toBe('');
    }
  });

  it('every staff page on a 390-px phone in French: no moderate violation, nothing wider than the screen', async () => {
    const phone = await (
      await h.context({
        timezoneId: 'America/Toronto',
        locale: 'fr-CA',
        viewport: { width: 390, height: 844 },
      })
    ).newPage();
    await signIn(
      phone,
      h.baseUrl,
      (await h.test.given.user({ role: StaffRole.Admin, name: 'Chloé Gagnon' })).email,
    );
    const paths: [string, string][] = [
      ...staffPages.map(([name, path]): [string, string] => [name, path]),
      ['file-show', `/admin/files/${fileId}/show`],
      ['file-edit', `/admin/files/${fileId}`],
      ['client-show', `/admin/clients/${clientId}/show`],
    ];
    const problems: string[] = [];
    for (const [name, path] of paths) {
      // Page to page as a user goes, from the menu and links: the desktop parts above load each page afresh.
      await goInApp(phone, path);
      await phone.locator('#react-admin-title').waitFor();
      const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
      if (width > 390) {
        problems.push(`${name}: the page is ${width} px wide and scrolls sideways`);
      }
      await screenshot(phone, `phone-fr-${name}`);
      const violations = describeViolations(await axeViolations(phone, 'moderate'));
      if (violations) {
        problems.push(`${name}: ${violations}`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it('the booking page is accessible, in English and French', async () => {
    const visitor = await (await h.context({ timezoneId: 'Europe/Paris', locale: 'fr-FR' })).newPage();
    const started = Date.now();
    await visitor.goto(`${h.baseUrl}/book`);
    await visitor.getByRole('button', { name: /Évaluation de permis de travail/ }).waitFor();
    timings.book = Date.now() - started;
    expect(await visitor.getAttribute('html', 'lang')).toBe('fr');
    expect(describeViolations(await axeViolations(visitor, 'moderate'))).toBe('');
    await screenshot(visitor, 'book-fr');
    await visitor.getByRole('button', { name: 'Langue: English' }).click();
    await visitor.getByRole('button', { name: /Work permit assessment/ }).waitFor();
    expect(describeViolations(await axeViolations(visitor, 'moderate'))).toBe('');
    // Keyboard only: Tab to the first choice and press Enter.
    await visitor.getByRole('button', { name: /Work permit assessment/ }).focus();
    await visitor.keyboard.press('Enter');
    await visitor.getByRole('heading', { name: 'Who would you like to meet?' }).waitFor();
    expect(await visitor.evaluate('document.activeElement && document.activeElement.tagName')).toBe('H2');
  });

  it('serves the booking page to other sites (embed) and lets no site frame the staff UI', async () => {
    const book = await h.test.http().get('/book/manage/abc').expect(200);
    expect(book.headers['x-frame-options']).toBeUndefined();
    expect(book.headers['content-security-policy']).toContain('frame-ancestors *');
    const admin = await h.test.http().get('/admin/clients/123').expect(200);
    expect(admin.headers['x-frame-options']).toBe('DENY');
    expect(admin.text).toContain('<div id="root">');
    await h.test.http().get('/admin/queues').expect(401);
    await h.test.http().get('/api/nothing-here').expect(404);
    await h.test.http().get('/').expect(302).expect('Location', '/admin/');
  });
});
