import { compose, greeting, type RenderedConsultationEmail } from '../consultations/consultation-text';

export interface NewMessageEmailView {
  language: 'en' | 'fr';
  recipientName: string;
  fileNumber: string;
  /** Where the recipient reads the message: the portal's file page, or the file in the admin. */
  url: string;
  /** To the client (the portal) or to their consultant (the admin). */
  to: 'client' | 'staff';
}

const WORDS = {
  en: {
    hello: 'Hello',
    subject: (file: string) => `You have a new message about your file ${file}`,
    staffSubject: (file: string) => `New message from the client on file ${file}`,
    client: 'Sign in to your client portal to read it and to reply.',
    staff: 'The client wrote on the file. Open it to read the message and reply.',
    clientLink: 'Read the message',
    staffLink: 'Open the file',
    privacy: 'For your privacy, messages are never sent by email.',
  },
  fr: {
    hello: 'Bonjour',
    subject: (file: string) => `Vous avez un nouveau message concernant votre dossier ${file}`,
    staffSubject: (file: string) => `Nouveau message du client sur le dossier ${file}`,
    client: 'Connectez-vous à votre portail client pour le lire et y répondre.',
    staff: 'Le client a écrit sur le dossier. Ouvrez-le pour lire le message et répondre.',
    clientLink: 'Lire le message',
    staffLink: 'Ouvrir le dossier',
    privacy: 'Pour protéger vos renseignements, les messages ne sont jamais envoyés par courriel.',
  },
} as const;

/** The notice of a new message on a file: which file and where to read it, never the message itself. */
export function newMessageEmail(view: NewMessageEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const toClient = view.to === 'client';
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.recipientName),
    paragraphs: [toClient ? w.client : w.staff],
    rows: [],
    link: { label: toClient ? w.clientLink : w.staffLink, url: view.url },
    closing: toClient ? [w.privacy] : [],
  });
  return {
    subject: toClient ? w.subject(view.fileNumber) : w.staffSubject(view.fileNumber),
    text,
    html,
  };
}
