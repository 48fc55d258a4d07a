import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import {
  describeViolations,
  screenshot,
  seriousViolations,
  signIn,
  startHarness,
  type BrowserHarness,
} from './browser';

jest.setTimeout(60_000);

/** A consultant sets where their consultations take place and subscribes their calendar, then revokes it. */
describe('availability: meeting places and the calendar subscription (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let consultant: { id: string; email: string };

  beforeAll(async () => {
    h = await startHarness();
    const signedIn = await h.test.signedInAs(StaffRole.Consultant, {
      name: 'Rajesh Patel',
      email: 'rajesh@firm.test',
    });
    consultant = { id: signedIn.user.id, email: signedIn.user.email };
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, h.baseUrl, consultant.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('saves a video link (refusing a bad one beside the field)', async () => {
    await page.goto(`${h.baseUrl}/admin/availability`);
    const link = page.getByLabel('Video link (https://…)');
    await link.fill('http://insecure.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('videoLink must be an https:// link').waitFor();
    await link.fill('https://meet.example.ca/rajesh');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    // The notice shows once the API answered; read the row until it is there (a second or so at most).
    let saved: Array<{ video_link: string | null }> = [];
    for (let tries = 0; tries < 50 && saved[0]?.video_link !== 'https://meet.example.ca/rajesh'; tries++) {
      saved = await h.test.dataSource.query(
        'SELECT video_link FROM consultant_availability WHERE consultant_id = $1',
        [consultant.id],
      );
      if (saved[0]?.video_link !== 'https://meet.example.ca/rajesh') {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(saved[0]?.video_link).toBe('https://meet.example.ca/rajesh');
  });

  it('creates the subscription address, shows it once, and revokes it', async () => {
    await page.getByRole('button', { name: 'Create subscription address' }).click();
    const url = await page.getByTestId('feed-url').inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url).pathname;
    const feed = await page.request.get(`${h.baseUrl}${path}`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    // The status re-reads after the address is shown: wait for it rather than read it at once.
    await page.getByTestId('feed-status').filter({ hasText: 'Active since' }).waitFor();
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await screenshot(page, 'availability-calendar-feed');

    // Shown once: after a reload only the status remains.
    await page.reload();
    await page.getByTestId('feed-status').waitFor();
    expect(await page.getByTestId('feed-url').count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No subscription address yet.').waitFor();
    expect((await page.request.get(`${h.baseUrl}${path}`)).status()).toBe(404);
  });
});
