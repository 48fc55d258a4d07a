import type { Locator, Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import {
  amelieAdmin,
  type BrowserHarness,
  describeViolations,
  screenshot,
  seriousViolations,
  signIn,
  startHarness,
  goInApp,
} from './browser';

jest.setTimeout(90_000);

/**
 * Billing in the staff UI: the firm's GST/HST number recorded by the admin; an invoice drafted with a professional
 * fee and an IRCC fee for an Ontario client (HST on the fee only), issued with its number, paid in two parts, an
 * overpayment refused beside the amount (in French); zero-rating confirmed for a client abroad; the client account;
 * and what an assistant sees.
 */
describe('invoices in the staff UI (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;
  let clientId: string;
  let abroadFileId: string;
  let assistantEmail: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await amelieAdmin(h);
    const client = await h.test.given.client({
      firstName: 'Ana',
      lastName: 'Silva',
      countryOfResidence: 'CA',
    });
    clientId = client.id;
    fileId = (await h.test.given.file({ clientId })).id;
    const abroad = await h.test.given.client({
      firstName: 'Ravi',
      lastName: 'Kumar',
      countryOfResidence: 'IN',
    });
    abroadFileId = (await h.test.given.file({ clientId: abroad.id })).id;
    assistantEmail = (await h.test.signedInAs(StaffRole.Assistant, { email: 'aide@firm.test' })).user.email;
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(name: string): Promise<void> {
    await screenshot(page, name);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
  }

  const details = () => page.getByRole('dialog', { name: /INV-|Draft invoice|Brouillon/ });
  const totals = () => details().getByRole('table', { name: /^(Totals|Totaux)$/ });
  const totalRow = (label: string | RegExp) => totals().getByRole('row', { name: label });

  /** Waits for a field to show a value (set once the data it comes from has loaded). */
  async function hasValue(field: Locator, value: string): Promise<void> {
    await field.and(page.locator(`[value="${value}"]`)).waitFor();
  }

  async function closeDetails(): Promise<void> {
    await details()
      .getByRole('button', { name: /^(Close|Fermer)$/ })
      .click();
    await details().waitFor({ state: 'detached' });
  }

  /** The app bar hides while the page is scrolled down: back to the top to reach the language menu. */
  async function switchLanguage(from: string, to: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: from, exact: true }).click();
    await page.getByRole('menuitem', { name: to }).click();
  }

  async function pay(dialog: Locator, amount: string): Promise<void> {
    const field = dialog.getByRole('textbox', { name: /^(Amount received|Montant reçu) \(\$\)$/ });
    await field.fill(amount);
    await dialog.getByRole('button', { name: /^(Record a payment|Enregistrer un paiement)$/ }).click();
  }

  it('drafts an invoice with a professional fee and an IRCC fee: HST 13% on the fee only', async () => {
    // The firm's GST/HST number, printed on its invoices, recorded by the admin on the firm profile page.
    // The recorded numbers arrive late, as on a slow line: after the admin has typed (or after 1.5 s, if the page
    // shows no field until they are in). They must not wipe what was typed, to be saved as a blank number.
    const settings = '**/api/settings/billing';
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
      setTimeout(resolve, 1500);
    });
    await page.route(settings, async (route) => {
      if (route.request().method() === 'GET') {
        await held;
      }
      await route.fallback();
    });
    const answered = page.waitForResponse(
      (response) => response.url().endsWith('/api/settings/billing') && response.request().method() === 'GET',
    );
    // A load, not goInApp(), which would wait for that answer.
    await page.goto(`${h.baseUrl}/admin/settings/firm`);
    const taxNumbers = page.getByRole('region', { name: 'Tax numbers on invoices' });
    await taxNumbers.getByRole('textbox', { name: 'GST/HST number' }).fill('123456789RT0001');
    release();
    await answered;
    // Two frames: time for the page to take the answer in.
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await taxNumbers.getByRole('button', { name: 'Record the tax numbers' }).click();
    await page.getByText('Tax numbers recorded').waitFor();
    await page.unroute(settings);
    const recorded = await h.test.dataSource.query<{ gst_hst_number: string | null }[]>(
      'SELECT gst_hst_number FROM billing_settings',
    );
    expect(recorded).toEqual([{ gst_hst_number: '123456789RT0001' }]);
    await expectAccessible('tax-numbers');

    await goInApp(page, `/admin/files/${fileId}/show`);
    const invoices = page.getByRole('region', { name: 'Invoices' });
    await invoices.getByText('No invoices on this file yet').waitFor();
    await invoices.getByRole('button', { name: 'New invoice' }).click();

    const editor = page.getByRole('dialog', { name: 'New invoice (draft)' });
    await hasValue(editor.getByRole('textbox', { name: 'Client’s country' }), 'CA');
    await editor.getByRole('combobox', { name: /Client’s province or territory/ }).click();
    await page.getByRole('option', { name: 'ON — Ontario' }).click();
    await editor.getByRole('textbox', { name: 'Line 1: description' }).fill('Work permit application');
    await editor.getByRole('textbox', { name: 'Line 1: unit amount ($)' }).fill('1,500');
    await editor.getByRole('combobox', { name: 'Add a government fee' }).click();
    await page.getByRole('option', { name: /^Work permit processing fee \(IRCC\) — \$155\.00$/ }).click();
    const ircc = editor.getByRole('group', { name: 'Line 2' });
    await hasValue(ircc.getByRole('textbox', { name: 'Line 2: unit amount ($)' }), '155.00');
    await ircc.getByText('Paid for the client: never taxed').waitFor();
    await expectAccessible('invoice-editor');
    await editor.getByRole('button', { name: 'Create the draft' }).click();

    await details().getByText('Draft: no number until it is issued').waitFor();
    const lines = details().getByRole('table', { name: 'Lines' });
    const fee = lines.getByRole('row', { name: /Work permit application/ });
    await fee.getByRole('cell', { name: '$195.00' }).waitFor();
    const disbursement = lines.getByRole('row', { name: /Work permit processing/ });
    await disbursement.getByRole('cell', { name: 'Government fee' }).waitFor();
    await disbursement.getByRole('cell', { name: '$0.00' }).waitFor();
    await totalRow('Subtotal $1,655.00').waitFor();
    await totalRow('HST 13% $195.00').waitFor();
    await totalRow('Total $1,850.00').waitFor();
    await expectAccessible('invoice-draft');
  });

  it('issues it (INV-<year>-nnnnn) and takes a partial payment, then the rest: Paid', async () => {
    await details().getByRole('button', { name: 'Issue' }).click();
    const year = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' }).slice(0, 4);
    const number = `INV-${year}-00001`;
    await details()
      .getByRole('heading', { name: `${number} Issued` })
      .waitFor();

    await details().getByRole('button', { name: 'Record a payment' }).click();
    let payment = page.getByRole('dialog', { name: `Payment on ${number} (owing $1,850.00)` });
    await hasValue(payment.getByRole('textbox', { name: 'Amount received ($)' }), '1850.00');
    await expectAccessible('invoice-payment');
    await pay(payment, '1000');
    await payment.waitFor({ state: 'hidden' });
    await totalRow('Paid $1,000.00').waitFor();
    await totalRow('Balance owing $850.00').waitFor();
    await details().getByRole('table', { name: 'Payments' }).getByText('Interac e-Transfer').waitFor();

    // One step in French: paying more than is owing is refused, and the API's answer shows beside the amount.
    await closeDetails();
    await switchLanguage('English', 'Français');
    const row = page.getByRole('row', { name: new RegExp(number) });
    await row.getByText('Émise', { exact: true }).waitFor();
    await row.getByRole('button', { name: number, exact: true }).click();
    await details().getByRole('button', { name: 'Enregistrer un paiement' }).click();
    payment = page.getByRole('dialog', { name: /^Paiement sur INV-/ });
    await pay(payment, '900,00');
    await payment
      .getByText(/^Plus que les 850,00\s\$ dus sur cette facture : saisissez au plus ce montant\.$/)
      .waitFor();
    const amount = payment.getByRole('textbox', { name: 'Montant reçu ($)' });
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(amount.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expectAccessible('invoice-overpayment-fr');
    await payment.getByRole('button', { name: 'Annuler', exact: true }).click();
    await payment.waitFor({ state: 'detached' });
    await closeDetails();
    await switchLanguage('Français', 'English');

    await page
      .getByRole('row', { name: new RegExp(number) })
      .getByRole('button', { name: number, exact: true })
      .click();
    await details().getByRole('button', { name: 'Record a payment' }).click();
    payment = page.getByRole('dialog', { name: `Payment on ${number} (owing $850.00)` });
    await payment.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Cheque' }).click();
    await pay(payment, '850');
    await payment.waitFor({ state: 'hidden' });
    await totalRow('Balance owing $0.00').waitFor();
    await details()
      .getByRole('heading', { name: `${number} Paid` })
      .waitFor();
    await details().getByRole('button', { name: 'Record a payment' }).waitFor({ state: 'detached' });
    await closeDetails();
    const paid = page.getByRole('row', { name: new RegExp(number) });
    await paid.getByText('Paid', { exact: true }).waitFor();
    await page.getByText('Owing on this file: $0.00').waitFor();
    await screenshot(page, 'invoice-paid-list');
  });

  it('keeps the client account on the client page: a deposit, and a refund larger than it refused', async () => {
    await goInApp(page, `/admin/clients/${clientId}/show`);
    const account = page.getByRole('region', { name: 'Client account (trust)' });
    await account.getByText('Held for the client: $0.00').waitFor();
    await account.getByRole('button', { name: 'Record a deposit' }).click();
    let dialog = page.getByRole('dialog', { name: 'Deposit of an advance payment' });
    await dialog.getByRole('textbox', { name: 'Amount ($)' }).fill('500');
    await dialog.getByRole('button', { name: 'Record a deposit' }).click();
    await account.getByText('Held for the client: $500.00').waitFor();
    await account
      .getByRole('row', { name: /Deposit/ })
      .getByText('$500.00')
      .first()
      .waitFor();

    await account.getByRole('button', { name: 'Record a refund' }).click();
    dialog = page.getByRole('dialog', { name: 'Refund to the client' });
    await dialog.getByRole('textbox', { name: 'Amount ($)' }).fill('600');
    await dialog.getByRole('button', { name: 'Record a refund' }).click();
    await dialog.getByText('The account holds only $500.00: refund at most that amount.').waitFor();
    await expectAccessible('client-account-refund');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await account.getByText('Held for the client: $500.00').waitFor();
    await expectAccessible('client-account');
  });

  it('asks the consultant to confirm zero-rating for a client abroad before the invoice is issued', async () => {
    await goInApp(page, `/admin/files/${abroadFileId}/show`);
    await page.getByRole('region', { name: 'Invoices' }).getByRole('button', { name: 'New invoice' }).click();
    const editor = page.getByRole('dialog', { name: 'New invoice (draft)' });
    await hasValue(editor.getByRole('textbox', { name: 'Client’s country' }), 'IN');
    await editor
      .getByTestId('zero-rating')
      .getByText(/may be zero-rated/)
      .waitFor();
    await editor.getByRole('textbox', { name: 'Line 1: description' }).fill('Open work permit, spouse');
    await editor.getByRole('textbox', { name: 'Line 1: unit amount ($)' }).fill('900');
    await editor.getByRole('button', { name: 'Create the draft' }).click();

    await details()
      .getByTestId('zero-rating-status')
      .getByText(/confirm the zero-rating/)
      .waitFor();
    await details().getByRole('button', { name: 'Issue' }).click();
    await details()
      .getByTestId('invoice-failure')
      .getByText(/^Not issued: confirm the zero-rating first/)
      .waitFor();

    await details().getByRole('button', { name: 'Change the draft' }).click();
    const change = page.getByRole('dialog', { name: 'Change the draft invoice' });
    await change.getByRole('checkbox', { name: 'I confirm these professional fees are zero-rated' }).check();
    await expectAccessible('invoice-zero-rating');
    await change.getByRole('button', { name: 'Save the draft' }).click();
    await change.waitFor({ state: 'detached' });
    await details()
      .getByTestId('zero-rating-status')
      .getByText(/^Zero-rated/)
      .waitFor();
    await totalRow('No tax $0.00').waitFor();
    await details().getByRole('button', { name: 'Issue' }).click();
    await details()
      .getByRole('heading', { name: /^INV-\d{4}-00002 Issued$/ })
      .waitFor();
  });

  it('shows an assistant the invoices and the client account without the buttons that change them', async () => {
    const context = await h.context({ timezoneId: 'America/Toronto' });
    const assistant = await context.newPage();
    await signIn(assistant, h.baseUrl, assistantEmail, `/admin/files/${fileId}/show`);
    const invoices = assistant.getByRole('region', { name: 'Invoices' });
    await invoices
      .getByRole('row', { name: /INV-\d{4}-00001/ })
      .getByText('Paid', { exact: true })
      .waitFor();
    await expect(invoices.getByRole('button', { name: 'New invoice' }).count()).resolves.toBe(0);
    await invoices.getByRole('button', { name: /^INV-\d{4}-00001$/ }).click();
    const dialog = assistant.getByRole('dialog', { name: /INV-/ });
    await dialog.getByRole('table', { name: 'Payments' }).waitFor();
    await expect(dialog.getByRole('button', { name: /Record a payment|Void|Issue/ }).count()).resolves.toBe(
      0,
    );

    await goInApp(assistant, `/admin/clients/${clientId}/show`);
    const account = assistant.getByRole('region', { name: 'Client account (trust)' });
    await account.getByText('Held for the client: $500.00').waitFor();
    await expect(account.getByRole('button', { name: /Record a/ }).count()).resolves.toBe(0);
  });
});
