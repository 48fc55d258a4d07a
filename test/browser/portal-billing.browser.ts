import { readFileSync } from 'node:fs';
import { StaffRole } from '@app/auth';
import { pdfText } from '../support/pdf-text';
import { axeViolations, describeViolations, screenshot, frenchPhonePage, PHONE } from './browser';
import { startPortalScene, type PortalScene } from './portal-scene';

jest.setTimeout(120_000);

const NBSP = '\u00a0';

/**
 * The client's billing on a phone, in French: an invoice with what is paid and owing, its receipt, the PDF download,
 * and the money held in their client account.
 */
describe('client portal: invoices, receipts and the client account (browser, phone, French)', () => {
  let s: PortalScene;
  let invoiceNumber: string;

  beforeAll(async () => {
    s = await startPortalScene({ role: StaffRole.Consultant, name: 'Jean Dupuis' });
    const admin = await s.h.test.signedInAs(StaffRole.Admin);
    await admin
      .put('/api/settings/billing')
      .send({ gstHstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' })
      .expect(200);
    // 1 000,00 $ of fees with GST and QST (149,75 $), and 155,00 $ of IRCC fees: 1 304,75 $.
    const draft = await s.staff
      .post(`/api/files/${s.file.id}/invoices`)
      .send({
        province: 'QC',
        lines: [
          {
            kind: 'professional_fee',
            description: 'Demande de permis de travail',
            quantity: 1,
            unitCents: 100_000,
          },
          {
            kind: 'disbursement',
            description: 'Frais de permis de travail (IRCC)',
            quantity: 1,
            unitCents: 15_500,
          },
        ],
      })
      .expect(201);
    const issued = await s.staff.post(`/api/invoices/${draft.body.id}/issue`).expect(200);
    invoiceNumber = issued.body.number;
    await s.staff
      .post(`/api/clients/${s.client.id}/account/deposits`)
      .send({ amountCents: 80_000, method: 'e_transfer', receivedOn: '2026-12-01' })
      .expect(201);
    await s.staff
      .post(`/api/invoices/${draft.body.id}/payments`)
      .send({ amountCents: 50_000, method: 'client_account', receivedOn: '2026-12-02' })
      .expect(200);
    // A draft the client must not see.
    await s.staff
      .post(`/api/files/${s.file.id}/invoices`)
      .send({
        province: 'QC',
        lines: [{ kind: 'professional_fee', description: 'Brouillon', quantity: 1, unitCents: 1 }],
      })
      .expect(201);
  });

  afterAll(async () => {
    await s?.close();
  });

  // Playwright accepts downloads by default: the PDF download below needs no option.
  const phonePage = () => frenchPhonePage(s.h);

  it('shows the invoice, its balance and receipt, downloads its PDF, and shows the client account', async () => {
    const page = await phonePage();
    await page.goto(await s.invitedLink());
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();

    const billing = page.getByTestId('portal-billing');
    await billing.getByRole('heading', { level: 2, name: 'Facturation' }).waitFor();
    const invoices = billing.getByTestId('portal-invoice');
    await invoices
      .first()
      .getByRole('heading', { level: 3, name: `Facture ${invoiceNumber}` })
      .waitFor();
    expect(await invoices.count()).toBe(1);
    const card = await invoices.first().innerText();
    expect(card).toContain('À payer');
    expect(card).toContain(`1${NBSP}304,75${NBSP}$`);
    expect(card).toContain(`804,75${NBSP}$`);
    expect(card).toContain(`2 décembre 2026 · De votre compte client · 500,00${NBSP}$`);
    expect(await billing.innerText()).toContain(`Solde à payer sur vos factures : 804,75${NBSP}$`);
    expect(await billing.getByTestId('account-balance').innerText()).toBe(
      `Détenu pour vous : 300,00${NBSP}$`,
    );
    expect(await billing.innerText()).toContain(`Payé sur la facture ${invoiceNumber}`);

    await billing.scrollIntoViewIfNeeded();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'portal-billing-fr-phone');
    expect(describeViolations(await axeViolations(page, 'serious'))).toBe('');

    const download = page.waitForEvent('download');
    await invoices
      .first()
      .getByRole('button', { name: `Télécharger le PDF de la facture ${invoiceNumber}` })
      .click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe(`${invoiceNumber}.pdf`);
    const path = await pdf.path();
    const text = pdfText(readFileSync(path));
    expect(text).toContain('Facture no');
    expect(text).toContain(`TVQ (9,975${NBSP}%)`);
    expect(text).toContain('Solde à payer');
    await page.context().close();
  });
});
