import { compose, greeting, type RenderedConsultationEmail } from '../consultations/consultation-text';

export interface DocumentRejectedEmailView {
  language: 'en' | 'fr';
  clientName: string;
  fileNumber: string;
  /** The checklist item or title of the document, as the client knows it. */
  documentTitle: string;
  /** The file's page in the client portal, where the reason is shown with a button to send a new copy. */
  url: string;
}

const WORDS = {
  en: {
    hello: 'Hello',
    subject: (file: string) => `A document on your file ${file} needs a new copy`,
    body: (title: string) =>
      `Your consultant could not accept “${title}”. Sign in to your client portal to see why and to send a new copy.`,
    link: 'See why and send a new copy',
    privacy: 'For your privacy, the reason is shown only in the portal.',
  },
  fr: {
    hello: 'Bonjour',
    subject: (file: string) => `Un document de votre dossier ${file} doit être envoyé à nouveau`,
    body: (title: string) =>
      `Votre consultant n’a pas pu accepter « ${title} ». Connectez-vous à votre portail client pour voir pourquoi et envoyer une nouvelle copie.`,
    link: 'Voir pourquoi et envoyer une nouvelle copie',
    privacy: 'Pour protéger vos renseignements, la raison n’est affichée que dans le portail.',
  },
} as const;

/** Tells the client a document was refused: which one and where to send a new copy; the reason stays in the portal. */
export function documentRejectedEmail(view: DocumentRejectedEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.body(view.documentTitle)],
    rows: [],
    link: { label: w.link, url: view.url },
    closing: [w.privacy],
  });
  return { subject: w.subject(view.fileNumber), text, html };
}
