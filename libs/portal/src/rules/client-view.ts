/**
 * What a client is told about their file in the portal, in plain words (English or French): where it stands, the
 * next step and who it waits on, and the deadlines that concern them. Pure: no IO, dates are calendar days.
 */
export type PortalLanguage = 'en' | 'fr';
export type WaitingOn = 'client' | 'firm' | 'ircc';

/** The file statuses (as `work_permit_files.status` holds them). */
export type PortalFileStatus =
  | 'intake'
  | 'preparing'
  | 'submitted'
  | 'biometrics_requested'
  | 'additional_info_requested'
  | 'approved'
  | 'refused'
  | 'withdrawn'
  | 'closed';

/** The deadline kinds a client is shown: theirs to meet or to know. Staff-internal and custom ones never are. */
export const CLIENT_DEADLINE_KINDS = [
  'biometrics',
  'medical',
  'document_request',
  'pfl_response',
  'permit_expiry',
] as const;
export type ClientDeadlineKind = (typeof CLIENT_DEADLINE_KINDS)[number];

export interface FileDates {
  submittedOn: string | null;
  biometricsDueOn: string | null;
  medicalDueOn: string | null;
  pflResponseDueOn: string | null;
  decisionOn: string | null;
  permitExpiresOn: string | null;
}

export interface FileSituation {
  status: string;
  nextStep: string | null;
  waitingOn: WaitingOn | null;
}

const MONTHS: Record<PortalLanguage, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/** "3 March 2027" / "3 mars 2027" (the 1st in French: "1er mars 2027") from a calendar day `YYYY-MM-DD`. */
export function dayInWords(day: string, language: PortalLanguage): string {
  const [year, month, date] = day.split('-').map(Number);
  const d = language === 'fr' && date === 1 ? '1er' : String(date);
  return `${d} ${MONTHS[language][month - 1]} ${year}`;
}

type Words = {
  status: (dates: FileDates, on: (day: string) => string) => string;
  next: ((dates: FileDates, on: (day: string) => string) => string) | null;
  waitingOn: WaitingOn | null;
};

const SITUATIONS: Record<PortalLanguage, Record<PortalFileStatus, Words>> = {
  en: {
    intake: {
      status: () => 'We are gathering your information',
      next: () => 'Answer our questions and send the documents on your checklist',
      waitingOn: 'client',
    },
    preparing: {
      status: () => 'We are preparing your application',
      next: () => 'We finish your application and submit it to IRCC',
      waitingOn: 'firm',
    },
    submitted: {
      status: (d, on) => (d.submittedOn ? `Submitted to IRCC on ${on(d.submittedOn)}` : 'Submitted to IRCC'),
      next: () => 'IRCC reviews your application; we tell you as soon as they answer',
      waitingOn: 'ircc',
    },
    biometrics_requested: {
      status: (d, on) =>
        d.biometricsDueOn
          ? `IRCC asked for biometrics: give them by ${on(d.biometricsDueOn)}`
          : 'IRCC asked for biometrics',
      next: () => 'Book an appointment and give your fingerprints and photo at a collection point',
      waitingOn: 'client',
    },
    additional_info_requested: {
      status: (d, on) =>
        d.pflResponseDueOn
          ? `IRCC asked for more information: it must reach them by ${on(d.pflResponseDueOn)}`
          : 'IRCC asked for more information',
      next: () => 'Send us what we ask for, so that we can answer IRCC in time',
      waitingOn: 'client',
    },
    approved: {
      status: (d, on) =>
        d.decisionOn
          ? `IRCC approved your application on ${on(d.decisionOn)}`
          : 'IRCC approved your application',
      next: (d, on) =>
        d.permitExpiresOn
          ? `Keep your permit valid: it expires on ${on(d.permitExpiresOn)}`
          : 'Keep your permit valid and check its conditions',
      waitingOn: null,
    },
    refused: {
      status: (d, on) =>
        d.decisionOn
          ? `IRCC refused your application on ${on(d.decisionOn)}`
          : 'IRCC refused your application',
      next: () => 'Your consultant will contact you about your options',
      waitingOn: 'firm',
    },
    withdrawn: { status: () => 'Your application was withdrawn', next: null, waitingOn: null },
    closed: { status: () => 'Your file is closed', next: null, waitingOn: null },
  },
  fr: {
    intake: {
      status: () => 'Nous recueillons vos renseignements',
      next: () => 'Répondez à nos questions et envoyez les documents de votre liste',
      waitingOn: 'client',
    },
    preparing: {
      status: () => 'Nous préparons votre demande',
      next: () => 'Nous terminons votre demande et la soumettons à IRCC',
      waitingOn: 'firm',
    },
    submitted: {
      status: (d, on) => (d.submittedOn ? `Soumise à IRCC le ${on(d.submittedOn)}` : 'Soumise à IRCC'),
      next: () => 'IRCC étudie votre demande; nous vous informons dès sa réponse',
      waitingOn: 'ircc',
    },
    biometrics_requested: {
      status: (d, on) =>
        d.biometricsDueOn
          ? `IRCC demande vos données biométriques : à donner au plus tard le ${on(d.biometricsDueOn)}`
          : 'IRCC demande vos données biométriques',
      next: () =>
        'Prenez rendez-vous et donnez vos empreintes digitales et votre photo à un point de service',
      waitingOn: 'client',
    },
    additional_info_requested: {
      status: (d, on) =>
        d.pflResponseDueOn
          ? `IRCC demande des renseignements supplémentaires : à fournir au plus tard le ${on(d.pflResponseDueOn)}`
          : 'IRCC demande des renseignements supplémentaires',
      next: () => 'Envoyez-nous ce que nous vous demandons, pour que nous répondions à IRCC à temps',
      waitingOn: 'client',
    },
    approved: {
      status: (d, on) =>
        d.decisionOn
          ? `IRCC a approuvé votre demande le ${on(d.decisionOn)}`
          : 'IRCC a approuvé votre demande',
      next: (d, on) =>
        d.permitExpiresOn
          ? `Gardez votre permis valide : il expire le ${on(d.permitExpiresOn)}`
          : 'Gardez votre permis valide et vérifiez ses conditions',
      waitingOn: null,
    },
    refused: {
      status: (d, on) =>
        d.decisionOn ? `IRCC a refusé votre demande le ${on(d.decisionOn)}` : 'IRCC a refusé votre demande',
      next: () => 'Votre consultant(e) vous contactera au sujet de vos options',
      waitingOn: 'firm',
    },
    withdrawn: { status: () => 'Votre demande a été retirée', next: null, waitingOn: null },
    closed: { status: () => 'Votre dossier est fermé', next: null, waitingOn: null },
  },
};

/** Where a file stands, the next step and who it waits on, in the client's words and language. */
export function fileSituation(
  status: PortalFileStatus,
  dates: FileDates,
  language: PortalLanguage,
): FileSituation {
  const words = SITUATIONS[language][status];
  const on = (day: string) => dayInWords(day, language);
  return {
    status: words.status(dates, on),
    nextStep: words.next ? words.next(dates, on) : null,
    waitingOn: words.waitingOn,
  };
}

const DEADLINE_WORDS: Record<PortalLanguage, Record<ClientDeadlineKind, string>> = {
  en: {
    biometrics: 'Give your biometrics (fingerprints and photo)',
    medical: 'Take your immigration medical exam',
    document_request: 'Send the documents we asked for',
    pfl_response: 'Answer IRCC’s request for information',
    permit_expiry: 'Your work permit expires',
  },
  fr: {
    biometrics: 'Donner vos données biométriques (empreintes et photo)',
    medical: 'Passer votre examen médical aux fins de l’immigration',
    document_request: 'Envoyer les documents demandés',
    pfl_response: 'Répondre à la demande de renseignements d’IRCC',
    permit_expiry: 'Votre permis de travail expire',
  },
};

/** A deadline as the client reads it: what to do (by kind, never staff's own title), and by when. */
export function clientDeadlineTitle(kind: ClientDeadlineKind, language: PortalLanguage): string {
  return DEADLINE_WORDS[language][kind];
}

/** `?lang=` when given, else the client's preferred language. */
export function portalLanguage(requested: string | undefined, preferred: string): PortalLanguage {
  const chosen = requested ?? preferred;
  return chosen === 'fr' ? 'fr' : 'en';
}
