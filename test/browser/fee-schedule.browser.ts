import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import {
  amelieAdmin,
  axeViolations,
  type BrowserHarness,
  describeViolations,
  elementScreenshot,
  PHONE,
  screenshot,
  seriousViolations,
  signIn,
  startHarness,
  goInApp,
} from './browser';

jest.setTimeout(60_000);

/** axe on the page once any notice has finished fading in (mid-fade its text would fail the contrast rule). */
async function accessibilityProblems(page: Page): Promise<string> {
  // A function, not a string: the admin's CSP forbids eval. The test's TypeScript has no DOM types.
  await page.waitForFunction(() => {
    const w = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<object> };
      getComputedStyle(element: object): { opacity: string };
    };
    return Array.from(w.document.querySelectorAll('.MuiSnackbarContent-root')).every(
      (e) => w.getComputedStyle(e).opacity === '1',
    );
  });
  return describeViolations(await seriousViolations(page));
}

/**
 * An admin adds a service to the fee schedule with a two-payment plan, watching what is left to allocate; a draft
 * agreement then draws its fee sections from that service.
 */
describe('the fee schedule (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await amelieAdmin(h);
    const client = await h.test.given.client({
      firstName: 'Ana',
      lastName: 'Silva',
      preferredLanguage: PreferredLanguage.En,
    });
    fileId = (await h.test.given.file({ clientId: client.id })).id;
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('adds a service with two milestones, showing what is left to allocate', async () => {
    await page.getByRole('menuitem', { name: 'Fee schedule' }).click();
    await page.getByText('No service yet').waitFor();
    await page.getByRole('button', { name: 'Add a service' }).click();
    const form = page.getByRole('form', { name: 'Add a service' });
    await form.getByLabel('Name (English)').fill('Open work permit for a spouse');
    await form.getByLabel('Name (French)').fill('Permis de travail ouvert pour l’époux');
    await form.getByRole('combobox', { name: 'Stream' }).click();
    await page.getByRole('option', { name: 'IMP' }).click();
    await form.getByLabel(/^Professional fee/).fill('1800');
    await form.getByLabel(/^Work permit processing fee/).check();
    await form.getByLabel(/^Open work permit holder fee/).check();
    await form.getByText('Left to allocate: $1,800.00').waitFor();

    await form.getByRole('button', { name: 'Add a payment' }).click();
    const first = form.getByRole('group', { name: 'Payment 1' });
    await first.getByLabel('When (English)').fill('On signing the agreement');
    await first.getByLabel('When (French)').fill('À la signature de la convention');
    await first.getByLabel('Amount (CAD)').fill('900');
    await form.getByRole('status').getByText('Left to allocate: $900.00').waitFor();

    await form.getByRole('button', { name: 'Add a payment' }).click();
    const second = form.getByRole('group', { name: 'Payment 2' });
    expect(await second.getByLabel('Amount (CAD)').inputValue()).toBe('900');
    await second.getByLabel('When (English)').fill('On submission of the application');
    await second.getByLabel('When (French)').fill('Au dépôt de la demande');
    await second.getByLabel('Amount (CAD)').fill('1000');
    await form.getByText('Over the fee by $100.00').waitFor();
    // Saving now is refused by the API, naming the milestones.
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/milestones must add up to the professional fee/).waitFor();
    await second.getByLabel('Amount (CAD)').fill('900');
    await form.getByText('The payments add up to the fee.').waitFor();
    await form.getByText(/milestones must add up/).waitFor({ state: 'detached' });
    expect(await accessibilityProblems(page)).toBe('');
    await screenshot(page, 'fee-schedule-form');

    await form.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /Open work permit for a spouse/ });
    await row.getByText('$1,800.00').waitFor();
    await row.getByText('On signing the agreement — $900.00').waitFor();
    await row.getByText('Work permit processing fee, Open work permit holder fee').waitFor();
    await row.getByText('Active').waitFor();
    expect(await accessibilityProblems(page)).toBe('');
    await screenshot(page, 'fee-schedule');
  });

  it('drafts an agreement whose fee section comes from the service', async () => {
    await goInApp(page, `/admin/files/${fileId}/show`);
    const agreement = page.getByRole('region', { name: 'Service agreement' });
    await agreement.getByRole('button', { name: 'Make a draft' }).click();
    const form = agreement.getByRole('form', { name: 'Make a draft' });
    await form.getByRole('combobox', { name: 'Service from the fee schedule' }).click();
    await page.getByRole('option', { name: 'Open work permit for a spouse' }).click();
    const professional = form.getByLabel('Professional fees and how they are calculated');
    await form.getByText(/Filled from the fee schedule/).waitFor();
    expect(await professional.inputValue()).toContain('$1,800.00 (CAD)');
    expect(await form.getByLabel('Payment schedule').inputValue()).toContain(
      '- On signing the agreement: $900.00',
    );
    await form.getByLabel(/^Services/).fill('- Prepare and submit the open work permit application');
    await form.getByRole('button', { name: 'Make a draft' }).click();

    const preview = agreement.getByRole('region', { name: /Agreement text \(version 1/ });
    await preview.getByText(/A flat fee of \$1,800\.00 \(CAD\)/).waitFor();
    await preview.getByText('Open work permit holder fee (IRCC): $100.00 per person').waitFor();
    await preview.getByText('On submission of the application: $900.00').waitFor();
    await preview.getByText('5. Disbursements, including government fees').scrollIntoViewIfNeeded();
    expect(await accessibilityProblems(page)).toBe('');
    await elementScreenshot(agreement, 'fee-schedule-agreement-draft');
  });

  it('shows the fee schedule in French', async () => {
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'Barème des honoraires' }).click();
    const row = page.getByRole('row', { name: /Permis de travail ouvert pour l’époux/ });
    await row.getByText(/^1\s800,00\s\$$/).waitFor();
    await row.getByText(/À la signature de la convention — 900,00\s\$/).waitFor();
    await row.getByText('Actif').waitFor();
    await row.getByRole('button', { name: 'Modifier « Open work permit for a spouse »' }).click();
    await page.getByText('Les paiements totalisent les honoraires.').waitFor();
    expect(await accessibilityProblems(page)).toBe('');
    await screenshot(page, 'fee-schedule-fr');
  });

  it('fits a 390-px phone in French, with no moderate accessibility problem', async () => {
    const phone = await (
      await h.context({
        timezoneId: 'America/Toronto',
        locale: 'fr-CA',
        viewport: PHONE,
      })
    ).newPage();
    await signIn(
      phone,
      h.baseUrl,
      (await h.test.given.user({ role: StaffRole.Admin })).email,
      `/admin/settings/fee-schedule`,
    );
    await phone.getByRole('row', { name: /Permis de travail ouvert pour l’époux/ }).waitFor();
    await phone.getByRole('button', { name: 'Ajouter un service' }).click();
    await phone.getByRole('button', { name: 'Ajouter un paiement' }).click();
    await phone.getByRole('group', { name: 'Paiement 1' }).waitFor();
    // The page's title reaches the app bar's h1 through a portal: under load it can come after the form.
    await phone.getByRole('heading', { level: 1, name: 'Barème des honoraires' }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(describeViolations(await axeViolations(phone, 'moderate'))).toBe('');
    await screenshot(phone, 'fee-schedule-phone-fr');
  });
});
