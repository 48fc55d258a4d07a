import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { screenshot, signIn, startHarness, STAFF_PASSWORD, type BrowserHarness, PHONE } from './browser';

jest.setTimeout(120_000);

/** Staff invite a client to the client portal from the client's page, and see the portal status, in EN and FR. */
describe('staff UI: invite a client to the portal (browser)', () => {
  let h: BrowserHarness;
  let adminEmail: string;
  let clientId: string;
  let clientEmail: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Marc Roy', email: 'marc@firm.test' });
    adminEmail = admin.user.email;
    const client = await h.test.given.client({
      firstName: 'Zoé',
      lastName: 'Côté',
      preferredLanguage: PreferredLanguage.Fr,
    });
    clientId = client.id;
    clientEmail = client.email!;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('invites from the client page, says so, and shows when the client was invited', async () => {
    const page = await (await h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(page, h.baseUrl, adminEmail, `/admin/clients/${clientId}/show`);
    const status = page.getByTestId('portal-status');
    await status.waitFor();
    expect(await status.innerText()).toBe('Not invited yet');

    await page.getByRole('button', { name: 'Invite to the portal' }).click();
    await page.getByText(`A portal sign-in link was emailed to ${clientEmail}`).waitFor();
    await page.getByRole('button', { name: 'Send a new portal link' }).waitFor();
    await status.getByText(/^Invited /).waitFor();
    expect(await status.innerText()).toMatch(/^Invited .*2\d{3}.*, never signed in$/);
    await screenshot(page, 'portal-invite-client-page');
  });

  it('reads in French on a phone', async () => {
    const context = await h.context({
      timezoneId: 'America/Toronto',
      locale: 'fr-CA',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/admin/`);
    await page.locator('input[name=username]').fill(adminEmail);
    await page.locator('input[name=password]').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.goto(`${h.baseUrl}/admin/clients/${clientId}/show`);
    const status = page.getByTestId('portal-status');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/^Invité le .*, jamais connecté$/);
    const timeline = page.getByRole('region', { name: 'Historique' });
    await timeline.getByText('Invité au portail client').waitFor();
    expect(await timeline.innerText()).not.toMatch(/Invited|portal\./);
    await page.getByRole('button', { name: 'Envoyer un nouveau lien du portail' }).click();
    await page.getByText(`Un lien de connexion au portail a été envoyé à ${clientEmail}`).waitFor();
    await screenshot(page, 'portal-invite-client-page-fr-phone');
  });
});
