import { compose, greeting } from '../consultations/consultation-text';

export interface AgreementReadyEmailView {
  language: 'en' | 'fr';
  clientName: string;
  fileNumber: string;
  firmName: string | null;
  consultantName: string | null;
  /** The client portal, where the client reads and signs. */
  portalUrl: string;
}

const WORDS = {
  en: {
    hello: 'Hello',
    subject: 'Your service agreement is ready',
    intro: (firm: string) =>
      `${firm} has prepared your service agreement. Please read it carefully in your client portal; if it is right, sign it there by typing your full name. Ask us any question before you sign.`,
    file: 'File',
    consultant: 'Consultant',
    link: 'Read and sign your service agreement',
    closing:
      'Your consultant countersigns after you, and you can download the signed agreement from the portal. Keep a copy.',
    firm: 'Your consultant',
  },
  fr: {
    hello: 'Bonjour',
    subject: 'Votre convention de service est prête',
    intro: (firm: string) =>
      `${firm} a préparé votre convention de service. Lisez-la attentivement dans votre portail client; si elle vous convient, signez-la en tapant votre nom complet. Posez-nous vos questions avant de signer.`,
    file: 'Dossier',
    consultant: 'Consultant',
    link: 'Lire et signer votre convention de service',
    closing:
      'Votre consultant contresigne après vous, et vous pourrez télécharger la convention signée dans le portail. Gardez-en une copie.',
    firm: 'Votre consultant',
  },
} as const;

/** To the client when their service agreement is sent: where to read and sign it (nothing of its content). */
export function agreementReadyEmail(view: AgreementReadyEmailView): {
  subject: string;
  text: string;
  html: string;
} {
  const w = WORDS[view.language];
  const rows: [string, string][] = [[w.file, view.fileNumber]];
  if (view.consultantName) {
    rows.push([w.consultant, view.consultantName]);
  }
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.intro(view.firmName ?? w.firm)],
    rows,
    link: { label: w.link, url: view.portalUrl },
    closing: [w.closing],
  });
  return { subject: `${w.subject} – ${view.fileNumber}`, text, html };
}
