import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import {
  axeViolations,
  describeViolations,
  goInApp,
  screenshot,
  signIn,
  startHarness,
  STAFF_PASSWORD,
  type BrowserHarness,
  PHONE,
} from './browser';

jest.setTimeout(180_000);

/** Email addresses are shown as they are (the recipient's, beneath the name): not keys. */
const withoutEmails = (text: string) => text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;
/** Keys as the API stores them: snake_case words, dotted event names, reminder offsets. */
const KEYS = /\b[a-z]+_[a-z_]+\b|\b[a-z]{2,}\.[a-z_]{2,}\b|\b\d+[dh]@|\b(overdue|daily)@/;

/**
 * What staff read of a record's history and take away from the lists: timelines and reminders in words (names,
 * labels, dates in the reader's language, never ids or keys), CSV exports of the filtered list, and the top
 * occupations with their province.
 */
describe('staff UI: history in words, CSV exports, occupations by province (browser)', () => {
  let h: BrowserHarness;
  let adminEmail: string;
  let fileId: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Marc Roy', email: 'marc@firm.test' });
    adminEmail = admin.user.email;
    const consultant = await h.test.given.consultant({ name: 'Amélie Tremblay', email: 'amelie@firm.test' });
    const client = await h.test.given.client({
      firstName: 'Zoé',
      lastName: 'Côté',
      preferredLanguage: 'fr',
      consultantId: consultant.id,
    } as never);
    const file = await h.test.given.file({
      clientId: client.id,
      consultantId: consultant.id,
      nocCode: '21232',
      province: 'BC',
    });
    fileId = file.id;
    await h.test.given.file({ consultantId: consultant.id, nocCode: '21232', province: 'ON' });
    // A deadline assigned to the consultant: its reminders go to her.
    await admin
      .post(`/api/files/${file.id}/deadlines`)
      .send({
        kind: 'custom',
        title: 'Send the offer letter',
        dueOn: '2027-06-01',
        assigneeId: consultant.id,
      })
      .expect(201);
    await admin
      .patch(`/api/files/${file.id}`)
      .send({ jobTitle: 'Software developer', submittedOn: '2026-11-20' })
      .expect(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function newPage(options: { phone?: boolean; locale?: string } = {}): Promise<Page> {
    const context = await h.context({
      timezoneId: 'America/Toronto',
      acceptDownloads: true,
      ...(options.phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    return context.newPage();
  }

  function expectInWords(text: string, where: string): void {
    for (const [name, pattern] of [
      ['a UUID', UUID],
      ['an ISO date', ISO],
      ['a key', KEYS],
    ] as const) {
      const found = pattern.exec(text);
      expect(
        found
          ? `${where} shows ${name}: ${found[0]} in …${text.slice(Math.max(0, found.index - 60), found.index + 40)}…`
          : null,
      ).toBeNull();
    }
  }

  async function expectNoModerateViolations(page: Page): Promise<void> {
    const violations = await axeViolations(page, 'moderate');
    expect(describeViolations(violations)).toBe('');
  }

  it('in English on a desktop: the export downloads a CSV, a failed one says so; timeline, reminders and occupations read as words', async () => {
    const page = await newPage();
    // Clients: the export downloads the server's CSV.
    await signIn(page, h.baseUrl, adminEmail, '/admin/clients');
    await page.getByText('Zoé Côté').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFLast name,First name,Email')).toBe(true);
    expect(csv).toContain('Côté,Zoé');
    expect(csv).toContain('Amélie Tremblay');
    await screenshot(page, 'history-clients-export');

    // A failed export says so.
    await page.route('**/api/clients/export.csv*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: 'The database is not answering',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByText(/The export failed: The database is not answering/).waitFor();
    await page.unroute('**/api/clients/export.csv*');

    // The file's timeline: who, what, when, in words.
    await goInApp(page, `/admin/files/${fileId}/show`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Deadline added').waitFor();
    const timelineText = await timeline.innerText();
    expect(timelineText).toContain('Marc Roy');
    expect(timelineText).toContain('Assignee: Amélie Tremblay');
    expect(timelineText).toMatch(/Due: \w{3}, Jun 1, 2027/);
    expectInWords(timelineText, 'the file timeline');
    await screenshot(page, 'history-file-timeline');
    await expectNoModerateViolations(page);

    // Reminders: the person, the reminder in words.
    await goInApp(page, '/admin/reminders');
    await page
      .getByText(/days before/)
      .first()
      .waitFor();
    const table = await page.locator('table').first().innerText();
    expect(table).toContain('Amélie Tremblay');
    expect(table).toContain('amelie@firm.test');
    expect(table).toContain('Send the offer letter');
    expectInWords(withoutEmails(table), 'the reminders list');
    await screenshot(page, 'history-reminders');
    await expectNoModerateViolations(page);

    // Top occupations: the same NOC twice, once per province, each province shown.
    await goInApp(page, '/admin/reports');
    const occupations = page.getByRole('table', { name: 'Top occupations by province' });
    await occupations.getByText('(BC)').waitFor();
    const rows = await occupations.locator('tbody tr').allInnerTexts();
    expect(rows.filter((r) => r.includes('21232'))).toEqual([
      expect.stringMatching(/\((BC|ON)\)/),
      expect.stringMatching(/\((BC|ON)\)/),
    ]);
    expect(rows.join('\n')).toContain('(ON)');
    await screenshot(page, 'history-occupations');
    await expectNoModerateViolations(page);
  });

  it('in French on a phone: timeline and reminders in French words, occupations with their province', async () => {
    const page = await newPage({ phone: true, locale: 'fr-CA' });
    await page.goto(`${h.baseUrl}/admin/`);
    await page.locator('input[name=username]').fill(adminEmail);
    await page.locator('input[name=password]').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();

    await goInApp(page, `/admin/files/${fileId}/show`);
    const timeline = page.getByRole('region', { name: 'Historique' });
    await timeline.getByText('Échéance ajoutée').waitFor();
    const timelineText = await timeline.innerText();
    expect(timelineText).toContain('Responsable: Amélie Tremblay');
    expect(timelineText).toMatch(/2027/);
    expectInWords(timelineText, 'the French file timeline');
    await screenshot(page, 'history-file-timeline-fr-phone');
    await expectNoModerateViolations(page);

    await goInApp(page, '/admin/reminders');
    await page
      .getByText(/jours avant le/)
      .first()
      .waitFor();
    const list = await page.locator('main').innerText();
    expect(list).toContain('Amélie Tremblay');
    expectInWords(withoutEmails(list), 'the French reminders list');
    await screenshot(page, 'history-reminders-fr-phone');
    await expectNoModerateViolations(page);

    await goInApp(page, '/admin/reports');
    const occupations = page.getByRole('table', { name: 'Principales professions par province' });
    await occupations.getByText('(ON)').waitFor();
    await screenshot(page, 'history-occupations-fr-phone');
    // Provinces, LMIA streams and IRCC's notes in French; nothing English left from the reference data's names.
    const reports = await page.locator('main').innerText();
    expect(reports).toContain('Colombie-Britannique (BC)');
    expect(reports).toContain('Île-du-Prince-Édouard');
    expect(reports).toContain('titulaires d');
    expect(reports).not.toMatch(/British Columbia|Not stated|work-permit holders/);
  });
});
