import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { amelieAdmin, type BrowserHarness, screenshot, signIn, startHarness } from './browser';

jest.setTimeout(60_000);

/**
 * The file page lists the file's invoices with their status and what is still owed, in English and French; the
 * reports page shows what clients owe and hold, and reconciles the client accounts.
 */
describe('invoices and billing reports (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;
  let number: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await amelieAdmin(h);
    await admin
      .put('/api/settings/billing')
      .send({ gstHstNumber: '123456789RT0001', qstNumber: null })
      .expect(200);
    const client = await h.test.given.client({ firstName: 'Ana', lastName: 'Silva' });
    const file = await h.test.given.file({ clientId: client.id });
    fileId = file.id;
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
    await admin
      .post(`/api/clients/${client.id}/account/deposits`)
      .send({ amountCents: 25_000, method: 'e_transfer', receivedOn: today })
      .expect(201);
    const fee = { kind: 'professional_fee', description: 'Application', quantity: 1, unitCents: 100_000 };
    const invoice = await admin
      .post(`/api/files/${fileId}/invoices`)
      .send({ lines: [fee], province: 'ON' })
      .expect(201);
    const issued = await admin.post(`/api/invoices/${invoice.body.id}/issue`).expect(200);
    number = issued.body.number as string;
    await admin
      .post(`/api/invoices/${invoice.body.id}/payments`)
      .send({ amountCents: 50_000, method: 'cash', receivedOn: '2026-12-01' })
      .expect(200);
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows number, status and balance owing', async () => {
    await page.goto(`${h.baseUrl}/admin/files/${fileId}/show`);
    const row = page.getByRole('row', { name: new RegExp(number) });
    await row.getByText('Issued', { exact: true }).waitFor();
    await row.getByText('$1,130.00').waitFor();
    await row.getByText('$630.00').waitFor();
    await screenshot(page, 'file-invoices');

    // The whole file as one ZIP, from the file page's toolbar.
    const [archive] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export file (ZIP)' }).click(),
    ]);
    expect(archive.suggestedFilename()).toMatch(/^WP-\d{4}-\d{5}\.zip$/);
    const zip = readFileSync(await archive.path());
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    const rowFr = page.getByRole('row', { name: new RegExp(number) });
    await rowFr.getByText('Émise', { exact: true }).waitFor();
    await rowFr.getByText(/630,00\s\$/).waitFor();
  });

  // The first test left the UI in French.
  it('reports what is owed by age and what client accounts hold, reconciled (French)', async () => {
    await page.goto(`${h.baseUrl}/admin/reports`);
    const billing = page.getByTestId('billing-report');
    await billing
      .getByRole('list', { name: 'Comptes clients par ancienneté' })
      .getByText(/^630,00\s\$$/)
      .first()
      .waitFor();
    await billing
      .getByRole('table', { name: 'Comptes clients (fidéicommis)' })
      .getByText(/^250,00\s\$$/)
      .waitFor();
    const reconciliation = page.getByTestId('reconciliation');
    await reconciliation
      .getByRole('row', { name: /Ana Silva/ })
      .getByText('Oui')
      .waitFor();
    await reconciliation
      .getByRole('row', { name: /Tous les clients/ })
      .getByText('Oui')
      .waitFor();
    await page.getByRole('heading', { name: 'Rapprochement des comptes clients' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-reports');
  });
});
