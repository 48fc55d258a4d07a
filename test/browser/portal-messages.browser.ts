import { StaffRole } from '@app/auth';
import { waitFor } from '../support/smtp-sink';
import { elementScreenshot, screenshot, signIn, frenchPhonePage, PHONE } from './browser';
import { startPortalScene, type PortalScene } from './portal-scene';

jest.setTimeout(120_000);

const FIRM_MESSAGE = 'Bonjour Zoé, votre lettre de biométrie est arrivée. Prenez rendez-vous cette semaine.';
const REPLY = 'Merci, rendez-vous pris pour mardi.';

/**
 * Messages on a phone, in French: the firm writes, the client sees the unread badge, reads the message on the file
 * page and replies; the consultant sees the reply as unread in the files list and the inbox, then reads it.
 */
describe('portal messages (browser, phone, French)', () => {
  let s: PortalScene;

  beforeAll(async () => {
    s = await startPortalScene({ role: StaffRole.Consultant, name: 'Jean Dupuis' });
  });

  afterAll(async () => {
    await s?.close();
  });

  const mailsTo = (email: string) => s.sink.received.filter((m) => m.to.includes(email));

  const phonePage = () => frenchPhonePage(s.h);

  it('the client reads the firm’s message and replies; the consultant sees the reply unread', async () => {
    const link = await s.invitedLink();
    const before = mailsTo(s.client.email).length;
    await s.staff.post(`/api/files/${s.file.id}/messages`).send({ body: FIRM_MESSAGE }).expect(201);
    const notice = await waitFor(() => mailsTo(s.client.email)[before], 10_000, 'the message notice');
    expect(notice.subject).toBe(`Vous avez un nouveau message concernant votre dossier ${s.file.fileNumber}`);
    expect(notice.text).not.toContain('biométrie');

    const page = await phonePage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Bonjour Zoé' }).waitFor();
    const card = page.getByTestId('portal-file');
    await card.getByTestId('unread-messages').getByText('1 nouveau(x) message(s)').waitFor();
    await screenshot(page, 'portal-messages-home-unread-fr-phone');

    await card.getByRole('link', { name: `Ouvrir le dossier ${s.file.fileNumber}` }).click();
    const messages = page.getByTestId('portal-messages');
    await messages.getByRole('heading', { level: 2, name: 'Messages' }).waitFor();
    await messages.getByText(FIRM_MESSAGE).waitFor();
    await messages
      .getByText(/Jean Dupuis/)
      .first()
      .waitFor();
    await elementScreenshot(messages, 'portal-messages-thread-fr-phone');

    await messages.getByLabel('Votre message').fill(REPLY);
    await messages.getByRole('button', { name: 'Envoyer le message' }).click();
    await messages.getByText('Message envoyé.').waitFor();
    await messages.locator('.message.mine').getByText(REPLY).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await elementScreenshot(messages, 'portal-messages-replied-fr-phone');

    // Back home: the firm's message is read now.
    await page.getByRole('link', { name: 'Retour à vos dossiers' }).first().click();
    await card.getByRole('heading', { level: 3, name: s.file.fileNumber }).waitFor();
    expect(await card.getByTestId('unread-messages').count()).toBe(0);

    // The consultant: the reply is unread in the files list and in the inbox, then read on the file page.
    const staffPage = await (await s.h.context()).newPage();
    await signIn(staffPage, s.h.baseUrl, s.staff.user.email, `/admin/files`);
    const row = staffPage.getByRole('row').filter({ hasText: s.file.fileNumber });
    await row.getByTestId('unread-messages').getByText('1').waitFor();
    await screenshot(staffPage, 'admin-files-unread-badge');

    await staffPage.goto(`${s.h.baseUrl}/admin/messages`);
    const inbox = staffPage.getByTestId('messages-inbox');
    await inbox.getByText(`${s.file.fileNumber} — Zoé Côté`).click();
    const thread = staffPage.getByTestId('file-messages');
    await thread.getByText(REPLY).waitFor();
    await elementScreenshot(
      staffPage.getByRole('region', { name: 'Messages with the client' }),
      'admin-file-messages',
    );

    await staffPage.goto(`${s.h.baseUrl}/admin/files`);
    await staffPage.getByRole('row').filter({ hasText: s.file.fileNumber }).waitFor();
    expect(
      await staffPage
        .getByRole('row')
        .filter({ hasText: s.file.fileNumber })
        .getByTestId('unread-messages')
        .count(),
    ).toBe(0);
  });
});
