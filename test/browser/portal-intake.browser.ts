import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { completeImpAnswers } from '../support/intake';
import { signInToPortal } from '../support/portal';
import {
  axeViolations,
  describeViolations,
  fillPersonalDetailsFr,
  screenshot,
  signIn,
  frenchPhonePage,
  portalLink,
} from './browser';
import { startPortalScene, type PortalScene } from './portal-scene';

jest.setTimeout(120_000);

/**
 * The intake questionnaire on a phone, in French: two steps filled and saved, a reload that resumes where the
 * client stopped, the rest answered from another device, then the review step and Submit, read-only afterwards.
 */
describe('client portal: intake questionnaire (browser, phone, French)', () => {
  let s: PortalScene;

  beforeAll(async () => {
    s = await startPortalScene({ role: StaffRole.Admin, name: 'Amélie Tremblay' });
  });

  afterAll(async () => {
    await s?.close();
  });

  async function signedInPhone(): Promise<Page> {
    const link = await portalLink(s.h, s.sink, s.staff, s.client);
    const page = await frenchPhonePage(s.h);
    await page.goto(link);
    await page.waitForURL(/\/portal\/$/);
    return page;
  }

  it('fills two steps, resumes after a reload, and submits from the review step', async () => {
    const page = await signedInPhone();
    await page.goto(`${s.h.baseUrl}/portal/files/${s.file.id}`);
    const card = page.getByTestId('intake-card');
    await card.getByText('Pas commencé').waitFor();
    await card.getByRole('link', { name: 'Commencer le questionnaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renseignements personnels' }).waitFor();

    // Next with nothing answered: the draft is saved, and the required answers are marked.
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('alert').getByText('Vérifiez les réponses signalées ci-dessous.').waitFor();
    expect(await page.getByText('Cette réponse est obligatoire').count()).toBeGreaterThan(5);
    await screenshot(page, 'portal-intake-errors-fr-phone');

    await fillPersonalDetailsFr(page, 'Zoé Tremblay');
    await screenshot(page, 'portal-intake-step1-fr-phone');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    await page.getByRole('heading', { level: 1, name: 'Passeport' }).waitFor();
    await page.getByLabel('Numéro de passeport').fill('18AB12345');
    await page.getByLabel('Pays de délivrance').selectOption('FR');
    await page.getByLabel('Date de délivrance').fill('2020-01-15');
    await page.getByLabel('Date d’expiration').fill('2030-01-14');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coordonnées et adresses' }).waitFor();

    // A reload resumes at the first step with something missing, with the answers kept.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Coordonnées et adresses' }).waitFor();
    await page.getByRole('button', { name: 'Étape précédente' }).click();
    expect(await page.getByLabel('Numéro de passeport').inputValue()).toBe('18AB12345');
    expect(describeViolations(await axeViolations(page, 'serious'))).toBe('');

    // The rest is answered from another device (the same s.client, another session).
    const other = await signInToPortal(s.h.test, s.sink, s.staff, s.client);
    const saved = (await other.get(`/api/portal/files/${s.file.id}/intake`).expect(200)).body.answers;
    expect(saved).toMatchObject({
      familyName: 'Côté',
      otherNames: 'Zoé Tremblay',
      passportNumber: '18AB12345',
    });
    await other
      .put(`/api/portal/files/${s.file.id}/intake`)
      .send({ answers: { ...completeImpAnswers(), ...saved } })
      .expect(200);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Vérifier et envoyer' }).waitFor();
    const summary = page.getByTestId('intake-summary');
    await summary.getByText('Zoé Tremblay').waitFor();
    await summary.getByText('12 avril 1991').waitFor();
    await screenshot(page, 'portal-intake-review-fr-phone');
    await page.getByRole('button', { name: 'Envoyer à mon consultant' }).click();
    await page.getByTestId('intake-submitted').waitFor();
    await screenshot(page, 'portal-intake-submitted-fr-phone');

    await page.reload();
    await page.getByTestId('intake-submitted').waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer et continuer' }).count()).toBe(0);
    await page.goto(`${s.h.baseUrl}/portal/files/${s.file.id}`);
    await page.getByTestId('intake-card').getByRole('link', { name: 'Voir vos réponses' }).waitFor();
  });

  it('shows the submitted answers to staff, who confirm some into the client record', async () => {
    const page = await (await s.h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(page, s.h.baseUrl, s.staff.user.email, `/admin/files/${s.file.id}/show`);
    const panel = page.getByTestId('intake-panel');
    await panel.getByText('Submitted', { exact: true }).waitFor();
    await panel.getByText('Zoé Tremblay').waitFor();
    await panel.getByRole('checkbox', { name: 'Passport number' }).check();
    await panel.getByRole('checkbox', { name: 'Date of birth' }).check();
    await screenshot(page, 'staff-intake-panel');
    await panel.getByRole('button', { name: 'Confirm into client record' }).click();
    await page.getByText('The chosen answers are now in the client record').waitFor();
    const record = (await s.staff.get(`/api/clients/${s.client.id}`).expect(200)).body;
    expect(record.dateOfBirth).toBe('1991-04-12');

    await panel.getByRole('button', { name: 'Reopen for the client' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('Ajoutez votre voyage de 2019');
    await page.getByRole('dialog').getByRole('button', { name: 'Reopen for the client' }).click();
    await panel.getByText('Reopened: Ajoutez votre voyage de 2019').waitFor();
    await screenshot(page, 'staff-intake-panel-reopened');
  });
});
