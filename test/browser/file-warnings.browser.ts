import type { Page } from 'playwright-core';
import { amelieAdmin, type BrowserHarness, screenshot, signIn, startHarness, goInApp } from './browser';

jest.setTimeout(60_000);

const SOURCE =
  'https://www.canada.ca/en/employment-social-development/services/foreign-workers/median-wage/low/refusal.html';

/** Warnings from dated reference data, in plain words on the file pages, the exemption-code picker and IRCC figures. */
describe('file warnings and reference figures (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await amelieAdmin(h);
    await admin
      .put('/api/reference/lmia-refused-areas')
      .send({
        effectiveFrom: '2026-10-10',
        effectiveTo: '2027-01-08',
        source: SOURCE,
        areas: [{ name: 'Windsor', provinceCode: 'ON', unemploymentRate: 10.2 }],
      })
      .expect(200);
    const client = await h.test.given.client({ firstName: 'Ravi', lastName: 'Patel' });
    const file = await admin
      .post('/api/files')
      .send({
        clientId: client.id,
        stream: 'TFWP',
        applicationType: 'initial',
        employer: { name: 'Lakeshore Foods Ltd.' },
        province: 'ON',
        workLocation: 'Windsor',
        wage: { amount: 19.5, period: 'hour' },
        decisionOn: '2026-11-02',
        permitExpiresOn: '2028-11-01',
        tfwp: { lmiaStream: 'low_wage', lmiaStatus: 'positive', lmiaIssuedOn: '2026-11-02' },
      })
      .expect(201);
    expect(file.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'low_wage_duration',
      'low_wage_refused_area',
    ]);
    fileId = file.body.id as string;
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows a file’s warnings in plain words on its page and its edit form, in English and French', async () => {
    await goInApp(page, `/admin/files/${fileId}/show`);
    const warnings = page.getByRole('region', { name: 'To check on this file' });
    await warnings
      .getByText(
        "ESDC does not process low-wage LMIAs in Windsor: it is on ESDC's list for 2026-10-10 to 2027-01-08.",
      )
      .waitFor();
    await warnings
      .getByText(
        'A low-wage position may be offered for at most 12 months; the permit runs from 2026-11-02 to 2028-11-01.',
      )
      .waitFor();
    await page.getByText('Work location (CMA)').waitFor();
    await screenshot(page, 'file-warnings');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page
      .getByRole('region', { name: 'À vérifier dans ce dossier' })
      .getByText(
        "EDSC ne traite pas les EIMT à bas salaire à Windsor : la région figure sur la liste d'EDSC du 2026-10-10 au 2027-01-08.",
      )
      .waitFor();
    await screenshot(page, 'file-warnings-fr');
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await goInApp(page, `/admin/files/${fileId}`);
    await page
      .getByRole('region', { name: 'To check on this file' })
      .getByText(/does not process low-wage LMIAs in Windsor/)
      .waitFor();
    expect(await page.getByLabel('Work location (CMA)').inputValue()).toBe('Windsor');
  });

  it('shows an exemption code’s status in the picker', async () => {
    await goInApp(page, '/admin/files/create');
    await page.getByRole('combobox', { name: 'Stream' }).click();
    await page.getByRole('option', { name: 'IMP' }).click();
    await page.getByTestId('exemption-code').fill('C41');
    await page.getByRole('option', { name: /^C41 — .*restricted from 2025-01-21/ }).click();
    await page.getByTestId('code-status').getByText('restricted from 2025-01-21').waitFor();
    await screenshot(page, 'exemption-code-status');
  });

  it('shows IRCC’s permits issued beside the caseload on the Reports page, naming the year', async () => {
    await goInApp(page, '/admin/reports');
    await page.getByRole('combobox', { name: 'Province' }).click();
    await page.getByRole('option', { name: 'Ontario' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    const panel = page.getByTestId('ircc-permits-issued');
    await panel
      .getByText(/^IRCC has not published 2026 yet: figures for 2025, the latest year available\.$/)
      .waitFor();
    await panel.getByRole('cell', { name: 'Ontario' }).waitFor();
    await panel.getByRole('cell', { name: '241,430' }).waitFor();
    await panel.getByRole('link', { name: /open\.canada\.ca/ }).waitFor();
    await screenshot(page, 'reports-ircc-permits-issued');
  });
});
