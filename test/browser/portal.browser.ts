import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { pdf } from '../support/documents';
import {
  axeViolations,
  describeViolations,
  elementScreenshot,
  frenchPhonePage,
  PHONE,
  screenshot,
  signIn,
} from './browser';
import { startPortalScene, type PortalScene } from './portal-scene';

jest.setTimeout(120_000);

const FIRM = {
  name: 'Maple Leaf Immigration',
  phone: '+1 604 555 0100',
  publicEmail: 'info@mapleleaf.example',
};
const REASON = 'La photo est floue : le numéro de passeport est illisible';

/**
 * The client portal on a phone, in French: the staff invite, the emailed link, the client's file and its
 * checklist, an upload, a refused copy with its reason, a download, signing out, and an ended session.
 */
describe('client portal (browser, phone, French)', () => {
  let s: PortalScene;

  beforeAll(async () => {
    s = await startPortalScene({ role: StaffRole.Admin, name: 'Amélie Tremblay' });
    await s.staff.put('/api/firm-profile').send(FIRM).expect(200);
  });

  afterAll(async () => {
    await s?.close();
  });

  const phonePage = () => frenchPhonePage(s.h);

  async function expectAccessible(page: Page): Promise<void> {
    const violations = await axeViolations(page, 'moderate');
    expect(describeViolations(violations)).toBe('');
  }

  it('signs in from the emailed link, shows the file, takes an upload, shows a refusal, downloads, signs out', async () => {
    const link = await s.invitedLink();
    const page = await phonePage();
    await page.goto(link);

    // Signed in: the token has left the address bar and the history; the session lives in this tab.
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    expect(page.url()).toBe(`${s.h.baseUrl}/portal/`);
    expect(await page.evaluate<number>('window.history.length')).toBe(2); // the blank start page and /portal/: the sign-in entry was replaced
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');
    expect(await page.evaluate<string[]>('Object.keys(sessionStorage)')).toContain(
      'permitdesk.portal.session',
    );
    await page.getByTestId('firm-header').getByText(FIRM.name).waitFor();
    const card = page.getByTestId('portal-file');
    await card.getByRole('heading', { level: 3, name: s.file.fileNumber }).waitFor();
    expect(await card.innerText()).toMatch(/Où en est le dossier/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'portal-home-fr-phone');
    await expectAccessible(page);

    // The switch reads the portal in English, words from the API included, and back.
    await page.getByRole('button', { name: 'Langue: English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello Zoé' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your files' }).waitFor();
    await card.getByText('Where it stands').waitFor();
    // A locator, not a string for waitForFunction: the portal's CSP forbids the eval its polling would need.
    await card.getByText(/Nous recueillons/).waitFor({ state: 'detached' });
    expect(await card.innerText()).toMatch(/Waiting on\s+you/);
    await page.getByRole('button', { name: 'Language: Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();

    // The file: its checklist, focus on the heading.
    await page.getByRole('link', { name: `Ouvrir le dossier ${s.file.fileNumber}` }).click();
    const heading = page.getByRole('heading', { level: 1, name: `Dossier ${s.file.fileNumber}` });
    await heading.waitFor();
    expect(await page.evaluate<string>('document.activeElement?.tagName')).toBe('H1');
    const passport = page.getByTestId('item-passport');
    await passport.getByText('À envoyer').waitFor();
    expect(await passport.locator('input[type=file]').first().getAttribute('accept')).toContain(
      'application/pdf',
    );
    expect(await passport.locator('input[type=file][capture=environment]').count()).toBe(1);
    await screenshot(page, 'portal-file-fr-phone');
    await expectAccessible(page);

    // An upload for the passport item.
    await page.getByTestId('upload-passport').setInputFiles({
      name: 'passeport-zoe.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(120_000, 'browser'),
    });
    await passport.getByText('passeport-zoe.pdf reçu. Votre consultant va le vérifier.').waitFor();
    await passport.getByText('Reçu, en vérification').waitFor();
    const documents = page.getByTestId('portal-documents');
    await documents.getByText('passeport-zoe.pdf').waitFor();
    expect(await documents.innerText()).toMatch(/envoyé par vous le/);
    await screenshot(page, 'portal-uploaded-fr-phone');
    await elementScreenshot(passport, 'portal-uploaded-item-fr-phone');
    await expectAccessible(page);

    // The firm refuses it: the reason shows, with a button to send a new copy.
    const staffDocs = (await s.staff.get(`/api/files/${s.file.id}/documents`).expect(200)).body;
    const uploaded = staffDocs.items.find(
      (d: { originalName: string }) => d.originalName === 'passeport-zoe.pdf',
    );
    expect(uploaded.uploadedByClient).toBe(true);
    // Staff see on the file's checklist that the client sent it.
    const staff = await (await s.h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(staff, s.h.baseUrl, s.staff.user.email, `/admin/files/${s.file.id}/show`);
    await staff
      .locator('[data-item=passport]')
      .getByTestId('from-client')
      .getByText('sent by the client')
      .waitFor();
    await s.staff
      .patch(`/api/documents/${uploaded.id}`)
      .send({ status: 'rejected', reason: REASON })
      .expect(200);
    await page.reload();
    await passport.getByText('Une nouvelle copie est nécessaire').waitFor();
    expect(await passport.getByTestId('rejection-reason').innerText()).toBe(`Motif : ${REASON}`);
    await passport.getByRole('button', { name: 'Envoyer une nouvelle copie : Passeport' }).waitFor();
    await screenshot(page, 'portal-rejected-fr-phone');
    await elementScreenshot(passport, 'portal-rejected-item-fr-phone');

    // A download of the client's own document.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger passeport-zoe.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('passeport-zoe.pdf');

    // Sign out: back to the request-link page, the session gone.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion à votre portail' }).waitFor();
    await page.getByText('Vous êtes déconnecté.').waitFor();
    expect(await page.evaluate<string[]>('Object.keys(sessionStorage)')).not.toContain(
      'permitdesk.portal.session',
    );
    await screenshot(page, 'portal-signed-out-fr-phone');
    await expectAccessible(page);

    // Asking for a new link: the same answer whoever asks.
    await page.getByLabel('Adresse courriel').fill(s.client.email);
    await page.getByRole('button', { name: 'M’envoyer un lien' }).click();
    await page.getByText('Si cette adresse est connue, un lien est en route.', { exact: false }).waitFor();
  });

  it('sends a client whose session ended back to the request-link page, saying so', async () => {
    const page = await phonePage();
    await page.goto(`${s.h.baseUrl}/portal/`);
    // The page settles first: set before it has started, the session would race its own start-up.
    await page.getByRole('heading', { level: 1, name: 'Connexion à votre portail' }).waitFor();
    await page.evaluate(() =>
      sessionStorage.setItem('permitdesk.portal.session', 'a-session-that-has-ended'),
    );
    await page.goto(`${s.h.baseUrl}/portal/files/${s.file.id}`);
    await page.getByText('Votre session a pris fin, demandez un nouveau lien.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Connexion à votre portail' }).waitFor();
    await screenshot(page, 'portal-session-ended-fr-phone');
    await expectAccessible(page);
  });

  it('explains a used link in words', async () => {
    const link = await s.invitedLink();
    const first = await phonePage();
    await first.goto(link);
    await first.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    const second = await phonePage();
    await second.goto(link);
    await second.getByText('Ce lien de connexion a déjà servi. Demandez-en un nouveau.').waitFor();
    expect(second.url()).toBe(`${s.h.baseUrl}/portal/sign-in`);
    await expectAccessible(second);
  });
});
