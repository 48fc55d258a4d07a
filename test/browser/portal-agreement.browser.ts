import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { axeViolations, describeViolations, screenshot, frenchPhonePage, PHONE } from './browser';
import { draftAgreement } from '../support/agreements';
import { startPortalScene, type PortalScene } from './portal-scene';

jest.setTimeout(120_000);

/**
 * The client signs their service agreement on a phone, in French: the emailed link, the agreement card on the
 * file, the sign page (refused without consent, then signed), the countersignature, and "signed by both".
 */
describe('client portal: signing the service agreement (browser, phone, French)', () => {
  let s: PortalScene;
  let agreementId: string;

  beforeAll(async () => {
    s = await startPortalScene({ role: StaffRole.Consultant, name: 'Jean Dupuis' });
    agreementId = await draftAgreement(s.staff, s.file.id, { language: 'fr' });
  });

  afterAll(async () => {
    await s?.close();
  });

  const phonePage = () => frenchPhonePage(s.h);

  async function expectAccessible(page: Page): Promise<void> {
    expect(describeViolations(await axeViolations(page, 'serious'))).toBe('');
  }

  async function expectNoSideScroll(page: Page): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  it('opens the link, reads and signs the agreement (consent required), and shows it signed by both', async () => {
    const page = await phonePage();
    await page.goto(await s.invitedLink());

    // Home: the file's card says an agreement waits for the client's signature.
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    const card = page.getByTestId('portal-file');
    await card.getByText('Convention de service à signer').waitFor();
    await screenshot(page, 'portal-agreement-home-badge-fr-phone');
    await expectAccessible(page);

    // The file: the agreement card.
    await page.getByRole('link', { name: `Ouvrir le dossier ${s.file.fileNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${s.file.fileNumber}` }).waitFor();
    const agreementCard = page.getByTestId('agreement-card');
    await agreementCard.getByText('Votre convention de service est prête à signer.').waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, 'portal-agreement-card-fr-phone');
    await expectAccessible(page);

    // The sign page: the text rendered from Markdown (no raw markup), its SHA-256, the form.
    await agreementCard.getByRole('link', { name: 'Lire et signer la convention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Convention de service, version 1' }).waitFor();
    expect(page.url()).toBe(`${s.h.baseUrl}/portal/agreements/${agreementId}`);
    const text = page.getByTestId('agreement-text');
    await text.getByRole('heading', { level: 2, name: 'Convention de service' }).waitFor();
    expect(await text.innerText()).toContain('Zoé Côté');
    expect(await text.innerText()).not.toContain('**');
    expect(await text.locator('li', { hasText: 'Répondre aux demandes d’IRCC' }).count()).toBe(1);
    const staff = await s.staff.get(`/api/files/${s.file.id}/agreement`).expect(200);
    expect(await page.getByTestId('agreement-sha256').innerText()).toBe(staff.body.current.bodySha256);
    await expectNoSideScroll(page);

    // Sign without consent: the API refuses and the page says why, next to the box.
    await page.getByLabel('Votre nom complet').fill('Zoé Côté');
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    const consentError = page.locator('#consent-error');
    await consentError
      .getByText('Cochez cette case pour signer : elle montre que vous êtes d’accord.')
      .waitFor();
    expect(await page.getByRole('checkbox').getAttribute('aria-describedby')).toBe('consent-error');
    await page.getByRole('button', { name: 'Signer', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-agreement-consent-error-fr-phone');
    await expectAccessible(page);
    expect((await s.staff.get(`/api/files/${s.file.id}/agreement`).expect(200)).body.current.status).toBe(
      'sent',
    );

    // With consent: signed, waiting for the countersignature.
    await page.getByRole('checkbox', { name: /J’ai lu cette convention/ }).check();
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByText('Merci, votre signature est enregistrée.').waitFor();
    await page.getByText(/^Signée le .+ — en attente de la contresignature de votre consultant\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Signer', exact: true }).count()).toBe(0);
    await screenshot(page, 'portal-agreement-signed-fr-phone');
    await expectAccessible(page);

    // The consultant countersigns; back on the file the agreement is signed by both, with its PDF.
    await s.staff.post(`/api/agreements/${agreementId}/countersign`).expect(200);
    await page.getByRole('link', { name: 'Retour à votre dossier' }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${s.file.fileNumber}` }).waitFor();
    await agreementCard.getByText(/^Signée par les deux parties le .+\.$/).waitFor();
    const download = page.waitForEvent('download');
    await agreementCard.getByRole('button', { name: 'Télécharger la convention signée (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe('convention-de-service-v1.pdf');
    await expectNoSideScroll(page);
    await screenshot(page, 'portal-agreement-signed-by-both-fr-phone');
    await expectAccessible(page);

    // Home: nothing left to sign.
    await page.getByRole('link', { name: 'Retour à vos dossiers' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    await card.getByRole('heading', { level: 3, name: s.file.fileNumber }).waitFor();
    expect(await card.getByText('Convention de service à signer').count()).toBe(0);
    await page.context().close();
  });
});
