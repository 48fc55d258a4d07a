import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { pdf } from '../support/documents';
import { SmtpSink } from '../support/smtp-sink';
import {
  axeViolations,
  describeViolations,
  fillPersonalDetailsFr,
  screenshot,
  startHarness,
  type BrowserHarness,
  frenchPhonePage,
  portalLink,
  PHONE,
} from './browser';
import { draftAgreement } from '../support/agreements';

jest.setTimeout(180_000);

const QUESTION = 'Bonjour, ma photo de passeport est-elle assez nette ?';

/**
 * One client's whole journey on a phone, in French: the emailed link, the intake questionnaire started and saved,
 * a passport uploaded against the checklist, the service agreement signed, and a message to the consultant; then
 * what the firm sees of each.
 */
describe('client portal: the whole journey (browser, phone, French)', () => {
  let h: BrowserHarness;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    h = await startHarness({ env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000' } });
  });

  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  it('link → intake → upload → sign → message', async () => {
    const consultant = await h.test.signedInAs(StaffRole.Consultant, { name: 'Jean Dupuis' });
    const client = await h.test.given.client({
      firstName: 'Zoé',
      lastName: 'Côté',
      preferredLanguage: PreferredLanguage.Fr,
      consultantId: consultant.user.id,
    });
    const file = await h.test.given.file({ clientId: client.id, consultantId: consultant.user.id });
    await draftAgreement(consultant, file.id, { language: 'fr' });
    const link = await portalLink(h, sink, consultant, client);
    const page = await frenchPhonePage(h);
    const accessible = async () => expect(describeViolations(await axeViolations(page, 'serious'))).toBe('');

    // The link from the email.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    await page.getByRole('link', { name: `Ouvrir le dossier ${file.fileNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${file.fileNumber}` }).waitFor();
    await screenshot(page, 'journey-1-file-fr-phone');
    await accessible();

    // The intake questionnaire: the first step filled and saved.
    await page.getByTestId('intake-card').getByRole('link', { name: 'Commencer le questionnaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renseignements personnels' }).waitFor();
    await fillPersonalDetailsFr(page, null);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passeport' }).waitFor();
    await screenshot(page, 'journey-2-intake-fr-phone');
    await page.getByRole('link', { name: 'Retour au dossier' }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${file.fileNumber}` }).waitFor();

    // A passport scan against the checklist.
    await page.getByTestId('upload-passport').setInputFiles({
      name: 'passeport-zoe.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(80_000, 'journey'),
    });
    await page.getByText('passeport-zoe.pdf reçu. Votre consultant va le vérifier.').waitFor();
    await screenshot(page, 'journey-3-uploaded-fr-phone');

    // The service agreement, read and signed.
    await page
      .getByTestId('agreement-card')
      .getByRole('link', { name: 'Lire et signer la convention' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Convention de service, version 1' }).waitFor();
    await page.getByLabel('Votre nom complet').fill('Zoé Côté');
    await page.getByRole('checkbox', { name: /J’ai lu cette convention/ }).check();
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByText('Merci, votre signature est enregistrée.').waitFor();
    await screenshot(page, 'journey-4-signed-fr-phone');
    await accessible();
    await page.getByRole('link', { name: 'Retour à votre dossier' }).click();

    // A message to the consultant.
    const messages = page.getByTestId('portal-messages');
    await messages.getByLabel('Votre message').fill(QUESTION);
    await messages.getByRole('button', { name: 'Envoyer le message' }).click();
    await messages.getByText('Message envoyé.').waitFor();
    await screenshot(page, 'journey-5-message-fr-phone');
    await accessible();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );

    // What the firm sees of each step.
    const intake = await consultant.get(`/api/files/${file.id}/intake`).expect(200);
    expect(intake.body.status).toBe('draft');
    const documents = await consultant.get(`/api/files/${file.id}/documents`).expect(200);
    expect(documents.body.items).toEqual([
      expect.objectContaining({ originalName: 'passeport-zoe.pdf', uploadedByClient: true }),
    ]);
    const staffFile = await consultant.get(`/api/files/${file.id}`).expect(200);
    expect(staffFile.body).toMatchObject({ agreement: 'client_signed', unreadMessages: 1 });
    const thread = await consultant.get(`/api/files/${file.id}/messages`).expect(200);
    expect(thread.body.items.map((m: { body: string }) => m.body)).toEqual([QUESTION]);
  });
});
