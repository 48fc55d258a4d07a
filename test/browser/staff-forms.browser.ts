import type { Page } from 'playwright-core';
import {
  amelieAdmin,
  axeViolations,
  type BrowserHarness,
  describeViolations,
  PHONE,
  screenshot,
  signIn,
  startHarness,
  goInApp,
} from './browser';
import type { SignedInClient } from '../support/test-app';

jest.setTimeout(120_000);

/** A day `years` from today (negative: in the past), written YYYY-MM-DD. */
function yearsFromNow(years: number): string {
  const day = new Date();
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return day.toISOString().slice(0, 10);
}

/**
 * Moderate axe violations once the page is back at its top: the app bar, which holds the page's h1, slides away
 * while a form scrolls to the field in error.
 */
async function settledViolations(page: Page): Promise<string> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.locator('#react-admin-title').waitFor();
  await page.waitForTimeout(400);
  return describeViolations(await axeViolations(page, 'moderate'));
}

/**
 * The staff forms: checks before saving (a past permit expiry, a passport), success messages that name the record,
 * API errors at their input in plain words (an IMP file without its code, a code changed from an employer-specific
 * one, a retired code), a deadline with its kind, assignee and letter date, and whose hours Availability opens on.
 */
describe('staff forms (browser)', () => {
  let h: BrowserHarness;
  let admin: SignedInClient;
  let clientId: string;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    admin = await amelieAdmin(h);
    await h.test.given.consultant({ name: 'Zoe Adams' });
    await h.test.given.consultant({ name: 'Rajesh Patel' });
    clientId = (
      await h.test.given.client({
        firstName: 'Jane',
        lastName: 'Doe',
        passportExpiresOn: yearsFromNow(2),
      })
    ).id;
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function startFile(stream: 'IMP' | 'TFWP'): Promise<void> {
    await goInApp(page, '/admin/files/create');
    await page.getByRole('combobox', { name: 'Client' }).fill('Jane');
    await page.getByRole('option', { name: /^Jane Doe/ }).click();
    await page.getByRole('combobox', { name: 'Stream' }).click();
    await page.getByRole('option', { name: stream, exact: true }).click();
    await page.getByRole('combobox', { name: 'Application type' }).click();
    await page.getByRole('option', { name: 'Initial' }).click();
  }

  async function chooseCode(code: string): Promise<void> {
    const input = page.getByTestId('exemption-code');
    await input.fill('');
    await input.fill(code);
    await page.getByRole('option', { name: new RegExp(`^${code} — `) }).click();
  }

  async function fileNumberOfToast(): Promise<string> {
    const toast = page.getByText(/^File WP-\d{4}-\d{5} created$/);
    await toast.waitFor();
    return ((await toast.textContent()) ?? '').replace(/^File (\S+) created$/, '$1');
  }

  it('puts API errors at their input in plain words, and hints at retired codes', async () => {
    await startFile('IMP');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API answers {fields: {imp: [...]}}: shown at the exemption-code input, not as a bare toast.
    const code = page.getByTestId('exemption-code');
    await page.getByText('Choose the exemption code: an IMP file needs one.').first().waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/^imp: /).count()).toBe(0);
    await page.getByText('Check the fields marked in red: Exemption code.').waitFor();
    await screenshot(page, 'forms-imp-without-code');
    expect(await settledViolations(page)).toBe('');

    await code.fill('C12');
    await page.getByText('C12 was replaced by C61, C62, C63').waitFor();
    await screenshot(page, 'forms-retired-code');

    // An employer-specific code's offer number stays behind when C41 (open) is chosen: it must not reach the API.
    await chooseCode('T34');
    await page.getByLabel('Offer of employment number').fill('A1234567');
    await chooseCode('C41');
    await page.getByTestId('code-status').getByText('restricted from 2025-01-21').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    const fileNumber = await fileNumberOfToast();
    await page.getByRole('heading', { name: new RegExp(`^${fileNumber} — Jane Doe`) }).waitFor();
    const saved = await admin.get(`/api/files?q=${fileNumber}`).expect(200);
    expect(saved.body.items[0].imp).toMatchObject({ exemptionCode: 'C41', offerOfEmploymentNumber: null });
  });

  it('warns before saving a past permit expiry, then names the file created; adds a deadline from a letter', async () => {
    await startFile('IMP');
    await chooseCode('C43');
    const past = yearsFromNow(-1);
    await page.getByLabel('Permit expires').fill(past);
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Before saving, please check' });
    await dialog
      .getByText(
        `The permit expiry (${past}) is in the past: the file’s “Work permit expires” deadline is overdue at once, it shows as Overdue and admins get an overdue email right away.`,
      )
      .waitFor();
    expect(await settledViolations(page)).toBe('');
    await screenshot(page, 'forms-past-expiry-warning');
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    const fileNumber = await fileNumberOfToast();
    await page.getByRole('heading', { name: new RegExp(`^${fileNumber} — Jane Doe`) }).waitFor();
    const fileId = page.url().split('/files/')[1].split('/')[0];

    // A deadline with its kind, assignee and letter date: restoration is 90 days from the day status was lost.
    await page.getByRole('button', { name: 'Add a deadline' }).click();
    const add = page.getByRole('dialog', { name: 'Add a deadline' });
    await add.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Status expiry' }).click();
    await add
      .getByText('Due 90 days after the letter (Apply to restore temporary resident status)')
      .waitFor();
    await add.getByLabel('Letter date').fill('2026-12-01');
    await add.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: /^Zoe Adams/ }).click();
    await add.getByRole('button', { name: 'Save' }).click();
    // Another consultant may not hold a deadline of this file: said at the assignee input.
    await add
      .getByText('This person cannot be assigned: only the file’s consultant, an assistant or an admin.')
      .waitFor();
    expect(await settledViolations(page)).toBe('');
    await screenshot(page, 'forms-deadline-assignee-error');
    await add.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: /^Amélie Tremblay/ }).click();
    await add.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Deadline “Status in Canada expires” added, due 2027-03-01').waitFor();
    const deadlines = await admin.get(`/api/files/${fileId}/deadlines`).expect(200);
    expect(
      (deadlines.body.items as { kind: string; dueOn: string; assigneeId: string | null }[])
        .map((d) => [d.kind, d.dueOn, d.assigneeId])
        .sort(),
    ).toEqual([
      ['permit_expiry', past, null],
      ['status_expiry', '2027-03-01', admin.user.id],
    ]);
  });

  it('opens Availability on the first consultant who takes bookings, with a chooser', async () => {
    await goInApp(page, '/admin/availability');
    const chooser = page.getByRole('combobox', { name: 'Consultant' });
    await page.getByText('Weekly hours').waitFor();
    expect(await chooser.textContent()).toBe('Rajesh Patel');
    await chooser.click();
    await page.getByRole('option', { name: 'Amélie Tremblay — takes no bookings' }).waitFor();
    await page.getByRole('option', { name: 'Zoe Adams' }).click();
    expect(await chooser.textContent()).toBe('Zoe Adams');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    expect(await settledViolations(page)).toBe('');
    await screenshot(page, 'forms-availability');
  });

  it('on a phone in French: a passport expiry in the past is confirmed, then the client is named', async () => {
    const context = await h.context({
      storageState: await page.context().storageState(),
      timezoneId: 'America/Toronto',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await phone.goto(`${h.baseUrl}/admin/`);
    await phone.evaluate("localStorage.setItem('permitdesk.locale', 'fr')");
    await phone.goto(`${h.baseUrl}/admin/clients/${clientId}`);
    const past = yearsFromNow(-1);
    await phone.getByLabel('Expiration du passeport').fill(past);
    await phone.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Avant d’enregistrer, vérifiez' });
    await dialog
      .getByText(`L’expiration du passeport (${past}) est dans le passé : le passeport est expiré.`)
      .waitFor();
    expect(await settledViolations(phone)).toBe('');
    await screenshot(phone, 'forms-phone-fr-passport-warning');
    await dialog.getByRole('button', { name: 'Enregistrer quand même' }).click();
    await phone.getByText('Client Jane Doe enregistré').waitFor();
    await screenshot(phone, 'forms-phone-fr-client-saved');

    // A field error in French, at its input: an email the API refuses.
    await goInApp(phone, '/admin/files/create');
    await phone.getByRole('combobox', { name: 'Client' }).fill('Jane');
    await phone.getByRole('option', { name: /^Jane Doe/ }).click();
    await phone.getByRole('combobox', { name: 'Programme' }).click();
    await phone.getByRole('option', { name: 'IMP', exact: true }).click();
    await phone.getByRole('combobox', { name: 'Type de demande' }).click();
    await phone.getByRole('option', { name: 'Initiale' }).click();
    await phone.getByRole('button', { name: 'Enregistrer' }).click();
    await phone.getByText('Choisissez le code de dispense : un dossier PMI en exige un.').first().waitFor();
    expect(await phone.getByTestId('exemption-code').getAttribute('aria-invalid')).toBe('true');
    await phone.getByTestId('exemption-code').fill('C12');
    await phone.getByText('C12 a été remplacé par C61, C62, C63').waitFor();
    await screenshot(phone, 'forms-phone-fr-imp-error');
    expect(await settledViolations(phone)).toBe('');
  });
});
