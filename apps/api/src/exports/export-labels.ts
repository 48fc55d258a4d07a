/** The languages exports are written in (headers and labels); values typed by people stay as typed. */
export type ExportLanguage = 'en' | 'fr';

type Labels = Record<string, { en: string; fr: string }>;

const YES_NO: Labels = { true: { en: 'Yes', fr: 'Oui' }, false: { en: 'No', fr: 'Non' } };

/** The admin UI's words for the enum values exports show (apps/web/admin/src/i18n), EN and FR. */
export const LABELS = {
  statusInCanada: {
    none: { en: 'None', fr: 'Aucun' },
    visitor: { en: 'Visitor', fr: 'Visiteur' },
    worker: { en: 'Worker', fr: 'Travailleur' },
    student: { en: 'Student', fr: 'Étudiant' },
    permanent_resident: { en: 'Permanent resident', fr: 'Résident permanent' },
    maintained_status: {
      en: 'Maintained status (extension pending)',
      fr: 'Statut maintenu (prolongation en traitement)',
    },
    restoration: { en: 'Restoration period', fr: 'Période de rétablissement du statut' },
    refugee_claimant: { en: 'Refugee claimant', fr: "Demandeur d'asile" },
    trp_holder: { en: 'Temporary resident permit holder', fr: 'Titulaire d’un permis de séjour temporaire' },
    visitor_record: { en: 'Visitor record holder', fr: 'Titulaire d’une fiche du visiteur' },
  },
  language: { en: { en: 'English', fr: 'Anglais' }, fr: { en: 'French', fr: 'Français' } },
  applicationType: {
    initial: { en: 'Initial', fr: 'Initiale' },
    extension: { en: 'Extension', fr: 'Prolongation' },
    change_of_conditions: { en: 'Change of conditions', fr: 'Changement de conditions' },
    restoration: { en: 'Restoration', fr: 'Rétablissement' },
  },
  fileStatus: {
    intake: { en: 'Intake', fr: 'Accueil' },
    preparing: { en: 'Preparing', fr: 'En préparation' },
    submitted: { en: 'Submitted', fr: 'Soumis' },
    biometrics_requested: { en: 'Biometrics requested', fr: 'Biométrie demandée' },
    additional_info_requested: { en: 'Additional info requested', fr: 'Renseignements demandés' },
    approved: { en: 'Approved', fr: 'Approuvé' },
    refused: { en: 'Refused', fr: 'Refusé' },
    withdrawn: { en: 'Withdrawn', fr: 'Retiré' },
    closed: { en: 'Closed', fr: 'Fermé' },
  },
  consultationStatus: {
    booked: { en: 'Booked', fr: 'Réservée' },
    completed: { en: 'Completed', fr: 'Terminée' },
    cancelled: { en: 'Cancelled', fr: 'Annulée' },
    no_show: { en: 'No-show', fr: 'Absence' },
  },
  deadlineKind: {
    permit_expiry: { en: 'Permit expiry', fr: 'Expiration du permis' },
    lmia_expiry: { en: 'LMIA expiry', fr: "Expiration de l'EIMT" },
    biometrics: { en: 'Biometrics', fr: 'Biométrie' },
    medical: { en: 'Medical exam', fr: 'Examen médical' },
    pfl_response: { en: 'Procedural fairness response', fr: "Réponse à la lettre d'équité procédurale" },
    document_request: { en: 'Document request', fr: 'Demande de documents' },
    passport_expiry: { en: 'Passport expiry', fr: 'Expiration du passeport' },
    status_expiry: { en: 'Status expiry', fr: 'Expiration du statut' },
    custom: { en: 'Other', fr: 'Autre' },
    document_expiry: { en: 'Document expiry', fr: "Expiration d'un document" },
  },
  deadlineState: { open: { en: 'Open', fr: 'Ouverte' }, completed: { en: 'Completed', fr: 'Terminée' } },
  mode: {
    video: { en: 'Video', fr: 'Vidéo' },
    phone: { en: 'Phone', fr: 'Téléphone' },
    in_person: { en: 'In person', fr: 'En personne' },
  },
  yesNo: YES_NO,
} satisfies Record<string, Labels>;

/** The label of `key` in `table`, or the key itself when the table does not know it (a newer value). */
export function label(
  table: keyof typeof LABELS,
  key: string | null | undefined,
  lang: ExportLanguage,
): string {
  if (key === null || key === undefined) {
    return '';
  }
  const labels: Labels = LABELS[table];
  return labels[key]?.[lang] ?? key;
}

export function yesNo(value: boolean, lang: ExportLanguage): string {
  return label('yesNo', String(value), lang);
}

/** An instant as the firm's calendar day, YYYY-MM-DD. */
export function dayOf(instant: Date | null | undefined, timeZone: string): string {
  return instant ? instant.toLocaleDateString('en-CA', { timeZone }) : '';
}

/** An instant as the firm's wall-clock time, HH:mm (24 h). */
export function timeOf(instant: Date | null | undefined, timeZone: string): string {
  return instant
    ? instant.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    : '';
}

/** Column headers of each export, EN then FR. */
export const HEADERS = {
  clients: [
    ['Last name', 'Nom'],
    ['First name', 'Prénom'],
    ['Email', 'Courriel'],
    ['Phone', 'Téléphone'],
    ['Date of birth', 'Date de naissance'],
    ['Citizenship', 'Citoyenneté'],
    ['Country of residence', 'Pays de résidence'],
    ['Status in Canada', 'Statut au Canada'],
    ['Status expires', 'Expiration du statut'],
    ['Passport expires', 'Expiration du passeport'],
    ['UCI', 'IUC'],
    ['Preferred language', 'Langue préférée'],
    ['Consultant', 'Consultant'],
    ['Prospect', 'Prospect'],
    ['Archived on', 'Archivé le'],
    ['Created on', 'Créé le'],
  ],
  files: [
    ['File', 'Dossier'],
    ['Client', 'Client'],
    ['Stream', 'Volet'],
    ['Application type', 'Type de demande'],
    ['Status', 'Statut'],
    ['Consultant', 'Consultant'],
    ['Exemption code', 'Code de dispense'],
    ['LMIA stream', "Volet de l'EIMT"],
    ['NOC 2021', 'CNP 2021'],
    ['Province', 'Province'],
    ['Job title', 'Titre du poste'],
    ['Employer', 'Employeur'],
    ['Submitted', 'Soumis le'],
    ['Decision', 'Décision le'],
    ['Permit expires', 'Expiration du permis'],
    ['Opened on', 'Ouvert le'],
  ],
  deadlines: [
    ['Due', 'Échéance'],
    ['Deadline', 'Échéance (titre)'],
    ['Kind', 'Type'],
    ['File', 'Dossier'],
    ['Client', 'Client'],
    ['Assignee', 'Responsable'],
    ['State', 'État'],
    ['Overdue', 'En retard'],
    ['Completed on', 'Terminée le'],
    ['Notes', 'Notes'],
  ],
  consultations: [
    ['Date', 'Date'],
    ['Start', 'Début'],
    ['End', 'Fin'],
    ['Client', 'Client'],
    ['Client email', 'Courriel du client'],
    ['Client phone', 'Téléphone du client'],
    ['Type', 'Type'],
    ['Consultant', 'Consultant'],
    ['Mode', 'Mode'],
    ['Status', 'Statut'],
    ['Language', 'Langue'],
    ['Urgent', 'Urgente'],
    ['Topic', 'Sujet'],
  ],
} as const;

export function headerOf(resource: keyof typeof HEADERS, lang: ExportLanguage): string[] {
  return HEADERS[resource].map(([en, fr]) => (lang === 'fr' ? fr : en));
}
