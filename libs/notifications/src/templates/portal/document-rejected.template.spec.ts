import { documentRejectedEmail } from './document-rejected.template';

describe('documentRejectedEmail', () => {
  const view = {
    clientName: 'Zoé Côté',
    fileNumber: 'WP-2026-00042',
    documentTitle: 'Passeport',
    url: 'https://desk.example/portal/files/f1',
  };

  it('names the document and the file, links to the portal, and keeps the reason out, in English and French', () => {
    const en = documentRejectedEmail({ ...view, language: 'en' });
    expect(en.subject).toBe('A document on your file WP-2026-00042 needs a new copy');
    expect(en.text).toContain('“Passeport”');
    expect(en.text).toContain('https://desk.example/portal/files/f1');
    const fr = documentRejectedEmail({ ...view, language: 'fr' });
    expect(fr.subject).toBe('Un document de votre dossier WP-2026-00042 doit être envoyé à nouveau');
    expect(fr.text).toContain('Bonjour Zoé Côté,');
    expect(fr.html).toContain('Voir pourquoi et envoyer une nouvelle copie');
  });
});
