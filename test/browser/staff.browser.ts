import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { amelieAdmin, type BrowserHarness, screenshot, signInThroughForm, startHarness } from './browser';

jest.setTimeout(60_000);

/** A staff member's day in the admin UI: sign in, a new client, an IMP file, its deadline on the dashboard. */
describe('staff UI (browser)', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('signs in, shows who is signed in, and refuses a wrong password', async () => {
    const admin = await amelieAdmin(h);
    await page.goto(`${h.baseUrl}/admin/`);
    await page.locator('input[name=username]').fill(admin.user.email);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();

    await signInThroughForm(page, h.baseUrl, admin.user.email);
    expect(await page.getByTestId('who-am-i').textContent()).toBe('Amélie Tremblay · Admin');
  });

  it('creates a client, showing the API field errors beside the fields', async () => {
    await page.goto(`${h.baseUrl}/admin/clients/create`);
    await page.getByLabel('First name').fill('Priya');
    await page.getByLabel('Last name').fill('Sharma');
    await page.getByRole('textbox', { name: 'Email' }).fill('priya@example.com');
    await page.getByLabel('Passport number').fill('Z12-bad');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API refuses the passport number; the message appears under that field.
    const passport = page.getByLabel('Passport number');
    await page.getByText('passportNumber must be 6 to 12 letters and digits').waitFor();
    expect(await passport.getAttribute('aria-invalid')).toBe('true');

    await passport.fill('Z1234567');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Priya Sharma', exact: true }).waitFor();
    await screenshot(page, 'client-show');
  });

  it('opens an IMP file with an exemption code from the client page and sees its deadline on the dashboard', async () => {
    const biometricsDue = DateTime.now().setZone('America/Toronto').plus({ days: 5 }).toISODate() as string;
    await page.getByRole('link', { name: 'Open a file' }).click();
    await page.getByRole('combobox', { name: 'Stream' }).click();
    await page.getByRole('option', { name: 'IMP' }).click();
    await page.getByRole('combobox', { name: 'Application type' }).click();
    await page.getByRole('option', { name: 'Initial' }).click();

    const code = page.getByTestId('exemption-code');
    await code.fill('C10');
    await page.getByRole('option', { name: /^C10 — .*employer-specific/ }).click();
    await page.getByTestId('permit-type').getByText('employer-specific').waitFor();
    await page.getByLabel('Offer of employment number').fill('A1234567');
    await page.getByLabel('Employer', { exact: true }).fill('Maple Software Inc.');
    await page.getByLabel('NOC 2021').fill('software dev');
    await page.getByRole('option', { name: /^21232 — Software developers/ }).click();
    await page.getByLabel('Biometrics due').fill(biometricsDue);
    await screenshot(page, 'file-create');
    await page.getByRole('button', { name: 'Save' }).click();

    const heading = page.getByRole('heading', { name: /^WP-\d{4}-\d{5} — Priya Sharma/ });
    await heading.waitFor();
    const fileNumber = ((await heading.textContent()) ?? '').split(' ')[0];
    await page.getByRole('cell', { name: 'Biometrics due', exact: true }).waitFor();
    // Only the legal next statuses are offered.
    await page.getByRole('button', { name: 'Move to Preparing' }).waitFor();
    expect(await page.getByRole('button', { name: 'Move to Approved' }).count()).toBe(0);
    await screenshot(page, 'file-show');

    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    const upcoming = page.getByRole('region', { name: 'Deadlines in the next 14 days' });
    await upcoming.getByText(`Biometrics due — ${fileNumber} (Priya Sharma)`).waitFor();
    await screenshot(page, 'dashboard');
  });

  it('moves the file to the next status with a status button and switches to French', async () => {
    await page.getByRole('menuitem', { name: 'Files' }).click();
    await page.getByRole('cell', { name: 'Priya Sharma' }).click();
    // Without a signed service agreement the file stays in intake (CICC Code s.24) until an admin records why.
    await page.getByRole('button', { name: 'Move to Preparing' }).click();
    await page.getByText(/cannot leave intake without a signed service agreement/).waitFor();
    const agreement = page.getByRole('region', { name: 'Service agreement' });
    await agreement.getByText('No agreement yet').waitFor();
    await agreement.getByRole('button', { name: 'Record an override' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('Signed on paper before PermitDesk');
    await page.getByRole('dialog').getByRole('button', { name: 'Record override' }).click();
    await agreement
      .getByText(/Override recorded by an admin on .*: Signed on paper before PermitDesk/)
      .waitFor();
    await screenshot(page, 'file-agreement-override');
    await page.getByRole('button', { name: 'Move to Preparing' }).click();
    await page.getByRole('button', { name: 'Move to Submitted' }).waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Passer à « Soumis »' }).waitFor();
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Move to Submitted' }).waitFor();
  });
});
