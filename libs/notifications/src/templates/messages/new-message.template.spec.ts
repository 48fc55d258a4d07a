import { newMessageEmail } from './new-message.template';

describe('newMessageEmail', () => {
  const view = {
    recipientName: 'Zoé Côté',
    fileNumber: 'WP-2026-00042',
    url: 'https://desk.example/portal/files/f1',
  };

  it('tells the client in English or French which file has a message, with the link', () => {
    const en = newMessageEmail({ ...view, language: 'en', to: 'client' });
    expect(en.subject).toBe('You have a new message about your file WP-2026-00042');
    expect(en.text).toContain('https://desk.example/portal/files/f1');
    const fr = newMessageEmail({ ...view, language: 'fr', to: 'client' });
    expect(fr.subject).toBe('Vous avez un nouveau message concernant votre dossier WP-2026-00042');
    expect(fr.text).toContain('Bonjour Zoé Côté,');
  });

  it('tells the consultant the client wrote on the file', () => {
    const email = newMessageEmail({ ...view, language: 'en', to: 'staff', recipientName: 'Jean Dupuis' });
    expect(email.subject).toBe('New message from the client on file WP-2026-00042');
    expect(email.html).toContain('Open the file');
  });
});
