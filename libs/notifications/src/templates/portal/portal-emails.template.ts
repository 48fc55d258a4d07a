import {
  compose,
  greeting,
  type ConsultationLanguage,
  type RenderedConsultationEmail,
} from '../consultations/consultation-text';

export interface PortalLinkEmailView {
  language: ConsultationLanguage;
  clientName: string;
  /** The firm's name as the email signs it, when known. */
  firmName?: string | null;
  /** The one-time sign-in link (its token is the outbox's secret). */
  signInUrl: string;
  /** How many minutes the link works. */
  minutes: number;
}

const WORDS = {
  en: {
    hello: 'Hello',
    invite: {
      subject: 'Your client portal is ready',
      intro: (firm: string) =>
        `${firm} invites you to your client portal: see where your work-permit file stands, what comes next and the dates that concern you.`,
    },
    link: {
      subject: 'Your sign-in link',
      intro: 'Here is the link you asked for to sign in to your client portal.',
    },
    button: 'Sign in to the portal',
    expires: (minutes: number) =>
      `The link works once, for ${minutes} minutes. Afterwards, ask for a new one on the portal’s sign-in page.`,
    ignore: 'If you did not expect this email, ignore it: nobody can sign in without this link.',
    firm: 'Your immigration consultant',
  },
  fr: {
    hello: 'Bonjour',
    invite: {
      subject: 'Votre portail client est prêt',
      intro: (firm: string) =>
        `${firm} vous invite à votre portail client : voyez où en est votre dossier de permis de travail, les prochaines étapes et les dates qui vous concernent.`,
    },
    link: {
      subject: 'Votre lien de connexion',
      intro: 'Voici le lien demandé pour vous connecter à votre portail client.',
    },
    button: 'Se connecter au portail',
    expires: (minutes: number) =>
      `Le lien fonctionne une seule fois, pendant ${minutes} minutes. Ensuite, demandez-en un nouveau sur la page de connexion du portail.`,
    ignore: "Si vous n'attendiez pas ce courriel, ignorez-le : personne ne peut se connecter sans ce lien.",
    firm: 'Votre consultant(e) en immigration',
  },
} as const;

function portalEmail(
  view: PortalLinkEmailView,
  paragraph: string,
  subject: string,
): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [paragraph],
    rows: [],
    link: { label: w.button, url: view.signInUrl },
    closing: [w.expires(view.minutes), w.ignore],
  });
  return { subject, text, html };
}

/** To a client staff invited to the portal: what the portal is, and a first one-time sign-in link. */
export function portalInviteEmail(view: PortalLinkEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  return portalEmail(view, w.invite.intro(view.firmName || w.firm), w.invite.subject);
}

/** To a client who asked for a sign-in link on the portal. */
export function portalSignInLinkEmail(view: PortalLinkEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  return portalEmail(view, w.link.intro, w.link.subject);
}
