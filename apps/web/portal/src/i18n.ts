import { billingEn, billingFr } from './i18n-billing';

export type Lang = 'en' | 'fr';

const en = {
  title: 'Client portal',
  skip: 'Skip to the content',
  language: 'Français',
  languageName: 'Language',
  firmLogo: 'The firm’s logo',
  contactPhone: 'Phone',
  contactEmail: 'Email',
  loading: 'Loading…',
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  requestTitle: 'Sign in to your portal',
  requestIntro: 'Enter the email address your consultant has for you. We will email you a sign-in link.',
  email: 'Email address',
  sendLink: 'Email me a link',
  sending: 'Sending…',
  linkSent: 'If this address is known, a link is on its way. It works once, for 15 minutes.',
  sessionEnded: 'Your session ended, ask for a new link.',
  emailInvalid: 'Enter an email address, such as name@example.com.',
  tooManyRequests: 'Too many links were asked for. Try again in a few minutes.',
  somethingWrong: 'Something went wrong. Try again in a moment.',
  signingIn: 'Signing you in…',
  signInTitle: 'Signing in',
  linkInvalid: 'This sign-in link is not valid. Check that you used the whole link, or ask for a new one.',
  linkExpired: 'This sign-in link has expired (links work for 15 minutes). Ask for a new one.',
  linkUsed: 'This sign-in link was already used. Ask for a new one.',
  linkReplaced: 'A newer link was sent to you since: use the latest email, or ask for a new link.',
  askNewLink: 'Ask for a new link',
  hello: 'Hello %1',
  yourConsultant: 'Your consultant: %1',
  yourFiles: 'Your files',
  noFiles: 'You have no file with us yet.',
  status: 'Where it stands',
  nextStep: 'Next step',
  waitingOn: 'Waiting on',
  waiting_client: 'you',
  waiting_firm: 'your consultant',
  waiting_ircc: 'IRCC (Immigration, Refugees and Citizenship Canada)',
  deadlines: 'Dates to keep',
  noDeadlines: 'No date to keep for now.',
  dueOn: 'by %1',
  openFile: 'Open file %1',
  consultations: 'Your consultations',
  noConsultations: 'No consultation.',
  consultationWith: '%1 with %2',
  consultation_booked: 'Booked',
  consultation_cancelled: 'Cancelled',
  consultation_completed: 'Held',
  consultation_no_show: 'Missed',
  mode_video: 'Video call',
  mode_phone: 'Phone call',
  mode_in_person: 'In person',
  backToFiles: 'Back to your files',
  fileTitle: 'File %1',
  checklist: 'Documents to send',
  checklistIntro: 'Send each document as a PDF or a photo. Your consultant checks each one.',
  required: 'Required',
  conditional: 'Only if this applies to you',
  item_missing: 'To send',
  item_uploaded: 'Received, being checked',
  item_accepted: 'Accepted',
  item_rejected: 'A new copy is needed',
  item_waived: 'Not needed',
  rejectedBecause: 'Why: %1',
  chooseFile: 'Send a file',
  takePhoto: 'Take a photo',
  sendAgain: 'Send a new copy',
  actionFor: '%1: %2',
  uploading: 'Sending %1…',
  uploadProgress: 'Sending',
  uploaded: '%1 received. Your consultant will check it.',
  alreadyUploaded: 'We already had this exact file; nothing changed.',
  uploadTooLarge: 'This file is too large. Send a smaller file or a photo.',
  uploadWrongType: 'This kind of file cannot be sent. Send a PDF, JPEG, PNG or HEIC file.',
  uploadRefused: 'This file could not be sent: %1',
  storageDown: 'Files cannot be received right now. Try again later.',
  yourDocuments: 'Your documents',
  noDocuments: 'No document yet.',
  download: 'Download %1',
  downloadButton: 'Download',
  document_pending_review: 'Being checked',
  document_accepted: 'Accepted',
  document_rejected: 'Refused',
  sentBy_client: 'sent by you on %1',
  sentBy_firm: 'added by your consultant on %1',
  fileNotFound: 'This file cannot be found.',
  intakeTitle: 'Intake questionnaire',
  intakeIntro:
    'Your consultant needs these answers to prepare your application. Your answers are saved at each step.',
  intake_none: 'Not started',
  intake_draft: 'In progress',
  intake_submitted: 'Sent to your consultant',
  intake_reopened: 'Reopened by your consultant: please check and send again',
  intakeStart: 'Start the questionnaire',
  intakeContinue: 'Continue the questionnaire',
  intakeView: 'View your answers',
  intakeStep: 'Step %1 of %2',
  intakeNext: 'Save and continue',
  intakeBack: 'Previous step',
  intakeSaving: 'Saving…',
  intakeSaved: 'Saved',
  intakeFixErrors: 'Check the answers marked below.',
  intakeReview: 'Review and send',
  intakeReviewIntro:
    'Check your answers, then send them to your consultant. You cannot change them afterwards.',
  intakeEdit: 'Change',
  intakeSubmit: 'Send to my consultant',
  intakeSubmitting: 'Sending…',
  intakeSubmittedNotice: 'Your answers were sent on %1. Ask your consultant if something needs to change.',
  intakeReadOnly: 'Your answers',
  intakeYes: 'Yes',
  intakeNo: 'No',
  intakeChoose: 'Choose…',
  intakeAdd: 'Add an entry',
  intakeRemove: 'Remove entry %1',
  intakeEntry: 'Entry %1',
  intakeNoAnswer: 'Not answered',
  intakeOptional: '(optional)',
  intakeBackToFile: 'Back to the file',
  messages: 'Messages',
  messagesIntro: 'Write to your consultant about this file. We email you when the firm answers.',
  noMessages: 'No message yet.',
  olderMessages: 'Show older messages',
  you: 'You',
  yourFirm: 'Your consultant’s office',
  yourMessage: 'Your message',
  messagePrivacy: 'Messages stay in the portal: the email we send only says that a message is waiting.',
  attachDocuments: 'Send documents you uploaded with it',
  sendMessage: 'Send the message',
  messageSent: 'Message sent.',
  messageEmpty: 'Write a message first.',
  messageRefused:
    'This message could not be sent. Check its length (5000 characters at most) and the documents.',
  unreadMessages: '%1 new message(s)',
  agreementTitle: 'Service agreement',
  agreementVersionTitle: 'Service agreement, version %1',
  agreementReady: 'Your service agreement is ready to sign.',
  agreementClientSigned: 'Signed on %1 — waiting for your consultant’s countersignature.',
  agreementSignedByBoth: 'Signed by both on %1.',
  agreementSuperseded:
    'This version was replaced by a newer one. Go back to your file to read and sign the newer version.',
  agreementToSignBadge: 'Service agreement to sign',
  agreementReadAndSign: 'Read and sign the agreement',
  agreementRead: 'Read the agreement',
  agreementDownload: 'Download the signed agreement (PDF)',
  agreementPdfName: 'service-agreement',
  agreementNotFound: 'This agreement cannot be found.',
  agreementReadFirst: 'Read the whole agreement below. Then sign it at the bottom of the page.',
  agreementTextLabel: 'Text of the agreement',
  agreementFingerprint: 'Fingerprint of this text (SHA-256), which proves it is the text you sign:',
  agreementSignTitle: 'Sign the agreement',
  typedName: 'Your full name',
  typedNameHint:
    'Type your first and last name exactly as they appear in the agreement. It is your signature.',
  typedNameInvalid: 'Type your full name as it appears in the agreement (first and last name).',
  consentLabel: 'I have read this agreement and I agree to sign it electronically with my typed name.',
  consentRequired: 'Tick this box to sign: it shows that you agree.',
  signAgreement: 'Sign',
  signing: 'Signing…',
  agreementThanks: 'Thank you, your signature is recorded.',
  agreementCannotSign:
    'This agreement can no longer be signed: it is already signed, or a newer version replaced it. Where it stands is shown above.',
  backToFile: 'Back to your file',
  ...billingEn,
};

const fr: typeof en = {
  title: 'Portail client',
  skip: 'Aller au contenu',
  language: 'English',
  languageName: 'Langue',
  firmLogo: 'Logo du cabinet',
  contactPhone: 'Téléphone',
  contactEmail: 'Courriel',
  loading: 'Chargement…',
  signOut: 'Se déconnecter',
  signedOut: 'Vous êtes déconnecté.',
  requestTitle: 'Connexion à votre portail',
  requestIntro:
    'Entrez l’adresse courriel que votre consultant a pour vous. Nous vous enverrons un lien de connexion par courriel.',
  email: 'Adresse courriel',
  sendLink: 'M’envoyer un lien',
  sending: 'Envoi…',
  linkSent: 'Si cette adresse est connue, un lien est en route. Il fonctionne une fois, pendant 15 minutes.',
  sessionEnded: 'Votre session a pris fin, demandez un nouveau lien.',
  emailInvalid: 'Entrez une adresse courriel, comme nom@exemple.com.',
  tooManyRequests: 'Trop de liens ont été demandés. Réessayez dans quelques minutes.',
  somethingWrong: 'Un problème est survenu. Réessayez dans un instant.',
  signingIn: 'Connexion en cours…',
  signInTitle: 'Connexion',
  linkInvalid:
    'Ce lien de connexion n’est pas valide. Vérifiez que vous avez utilisé le lien en entier, ou demandez-en un nouveau.',
  linkExpired: 'Ce lien de connexion a expiré (les liens fonctionnent 15 minutes). Demandez-en un nouveau.',
  linkUsed: 'Ce lien de connexion a déjà servi. Demandez-en un nouveau.',
  linkReplaced:
    'Un lien plus récent vous a été envoyé depuis : utilisez le dernier courriel, ou demandez un nouveau lien.',
  askNewLink: 'Demander un nouveau lien',
  hello: 'Bonjour %1',
  yourConsultant: 'Votre consultant : %1',
  yourFiles: 'Vos dossiers',
  noFiles: 'Vous n’avez pas encore de dossier chez nous.',
  status: 'Où en est le dossier',
  nextStep: 'Prochaine étape',
  waitingOn: 'En attente de',
  waiting_client: 'vous',
  waiting_firm: 'votre consultant',
  waiting_ircc: 'IRCC (Immigration, Réfugiés et Citoyenneté Canada)',
  deadlines: 'Dates à retenir',
  noDeadlines: 'Aucune date à retenir pour l’instant.',
  dueOn: 'au plus tard le %1',
  openFile: 'Ouvrir le dossier %1',
  consultations: 'Vos consultations',
  noConsultations: 'Aucune consultation.',
  consultationWith: '%1 avec %2',
  consultation_booked: 'Réservée',
  consultation_cancelled: 'Annulée',
  consultation_completed: 'Tenue',
  consultation_no_show: 'Manquée',
  mode_video: 'Appel vidéo',
  mode_phone: 'Appel téléphonique',
  mode_in_person: 'En personne',
  backToFiles: 'Retour à vos dossiers',
  fileTitle: 'Dossier %1',
  checklist: 'Documents à envoyer',
  checklistIntro: 'Envoyez chaque document en PDF ou en photo. Votre consultant vérifie chacun d’eux.',
  required: 'Obligatoire',
  conditional: 'Seulement si cela vous concerne',
  item_missing: 'À envoyer',
  item_uploaded: 'Reçu, en vérification',
  item_accepted: 'Accepté',
  item_rejected: 'Une nouvelle copie est nécessaire',
  item_waived: 'Pas nécessaire',
  rejectedBecause: 'Motif : %1',
  chooseFile: 'Envoyer un fichier',
  takePhoto: 'Prendre une photo',
  sendAgain: 'Envoyer une nouvelle copie',
  actionFor: '%1 : %2',
  uploading: 'Envoi de %1…',
  uploadProgress: 'Envoi',
  uploaded: '%1 reçu. Votre consultant va le vérifier.',
  alreadyUploaded: 'Nous avions déjà ce fichier exact; rien n’a changé.',
  uploadTooLarge: 'Ce fichier est trop volumineux. Envoyez un fichier plus petit ou une photo.',
  uploadWrongType: 'Ce type de fichier ne peut pas être envoyé. Envoyez un fichier PDF, JPEG, PNG ou HEIC.',
  uploadRefused: 'Ce fichier n’a pas pu être envoyé : %1',
  storageDown: 'Les fichiers ne peuvent pas être reçus pour l’instant. Réessayez plus tard.',
  yourDocuments: 'Vos documents',
  noDocuments: 'Aucun document pour l’instant.',
  download: 'Télécharger %1',
  downloadButton: 'Télécharger',
  document_pending_review: 'En vérification',
  document_accepted: 'Accepté',
  document_rejected: 'Refusé',
  sentBy_client: 'envoyé par vous le %1',
  sentBy_firm: 'ajouté par votre consultant le %1',
  fileNotFound: 'Ce dossier est introuvable.',
  intakeTitle: 'Questionnaire d’accueil',
  intakeIntro:
    'Votre consultant a besoin de ces réponses pour préparer votre demande. Vos réponses sont enregistrées à chaque étape.',
  intake_none: 'Pas commencé',
  intake_draft: 'En cours',
  intake_submitted: 'Envoyé à votre consultant',
  intake_reopened: 'Rouvert par votre consultant : vérifiez et envoyez de nouveau',
  intakeStart: 'Commencer le questionnaire',
  intakeContinue: 'Continuer le questionnaire',
  intakeView: 'Voir vos réponses',
  intakeStep: 'Étape %1 sur %2',
  intakeNext: 'Enregistrer et continuer',
  intakeBack: 'Étape précédente',
  intakeSaving: 'Enregistrement…',
  intakeSaved: 'Enregistré',
  intakeFixErrors: 'Vérifiez les réponses signalées ci-dessous.',
  intakeReview: 'Vérifier et envoyer',
  intakeReviewIntro:
    'Vérifiez vos réponses, puis envoyez-les à votre consultant. Vous ne pourrez plus les modifier ensuite.',
  intakeEdit: 'Modifier',
  intakeSubmit: 'Envoyer à mon consultant',
  intakeSubmitting: 'Envoi…',
  intakeSubmittedNotice:
    'Vos réponses ont été envoyées le %1. Demandez à votre consultant si quelque chose doit changer.',
  intakeReadOnly: 'Vos réponses',
  intakeYes: 'Oui',
  intakeNo: 'Non',
  intakeChoose: 'Choisir…',
  intakeAdd: 'Ajouter une entrée',
  intakeRemove: 'Retirer l’entrée %1',
  intakeEntry: 'Entrée %1',
  intakeNoAnswer: 'Sans réponse',
  intakeOptional: '(facultatif)',
  intakeBackToFile: 'Retour au dossier',
  messages: 'Messages',
  messagesIntro:
    'Écrivez à votre consultant au sujet de ce dossier. Nous vous écrivons quand le cabinet répond.',
  noMessages: 'Aucun message pour l’instant.',
  olderMessages: 'Voir les messages précédents',
  you: 'Vous',
  yourFirm: 'Le cabinet de votre consultant',
  yourMessage: 'Votre message',
  messagePrivacy:
    'Les messages restent dans le portail : le courriel envoyé indique seulement qu’un message vous attend.',
  attachDocuments: 'Joindre des documents que vous avez envoyés',
  sendMessage: 'Envoyer le message',
  messageSent: 'Message envoyé.',
  messageEmpty: 'Écrivez d’abord un message.',
  messageRefused:
    'Ce message n’a pas pu être envoyé. Vérifiez sa longueur (5000 caractères au plus) et les documents.',
  unreadMessages: '%1 nouveau(x) message(s)',
  agreementTitle: 'Convention de service',
  agreementVersionTitle: 'Convention de service, version %1',
  agreementReady: 'Votre convention de service est prête à signer.',
  agreementClientSigned: 'Signée le %1 — en attente de la contresignature de votre consultant.',
  agreementSignedByBoth: 'Signée par les deux parties le %1.',
  agreementSuperseded:
    'Cette version a été remplacée par une plus récente. Retournez à votre dossier pour lire et signer la nouvelle version.',
  agreementToSignBadge: 'Convention de service à signer',
  agreementReadAndSign: 'Lire et signer la convention',
  agreementRead: 'Lire la convention',
  agreementDownload: 'Télécharger la convention signée (PDF)',
  agreementPdfName: 'convention-de-service',
  agreementNotFound: 'Cette convention est introuvable.',
  agreementReadFirst: 'Lisez toute la convention ci-dessous. Signez-la ensuite au bas de la page.',
  agreementTextLabel: 'Texte de la convention',
  agreementFingerprint:
    'Empreinte de ce texte (SHA-256), qui prouve que c’est bien le texte que vous signez :',
  agreementSignTitle: 'Signer la convention',
  typedName: 'Votre nom complet',
  typedNameHint:
    'Tapez votre prénom et votre nom exactement comme ils figurent dans la convention. C’est votre signature.',
  typedNameInvalid: 'Tapez votre nom complet comme il figure dans la convention (prénom et nom).',
  consentLabel: 'J’ai lu cette convention et j’accepte de la signer électroniquement avec mon nom tapé.',
  consentRequired: 'Cochez cette case pour signer : elle montre que vous êtes d’accord.',
  signAgreement: 'Signer',
  signing: 'Signature…',
  agreementThanks: 'Merci, votre signature est enregistrée.',
  agreementCannotSign:
    'Cette convention ne peut plus être signée : elle est déjà signée, ou une version plus récente l’a remplacée. Son état est indiqué plus haut.',
  backToFile: 'Retour à votre dossier',
  ...billingFr,
};

export type MessageKey = keyof typeof en;
/** Every string of the client portal, in English and French (a test checks both have the same keys). */
export const messages: Record<Lang, typeof en> = { en, fr };

const LANG_KEY = 'permitdesk.portal.lang';

/** The language the client chose with the switch (kept for the tab), else ?lang=, else the browser's. */
export function initialLang(): { lang: Lang; chosen: boolean } {
  const stored = sessionStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'fr') {
    return { lang: stored, chosen: true };
  }
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'fr' || asked === 'en') {
    return { lang: asked, chosen: true };
  }
  return { lang: navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en', chosen: false };
}

export function rememberLang(lang: Lang): void {
  sessionStorage.setItem(LANG_KEY, lang);
}

export function translator(lang: Lang) {
  return (key: MessageKey, ...args: (string | number)[]) =>
    args.reduce<string>((text, arg, i) => text.replace(`%${i + 1}`, String(arg)), messages[lang][key]);
}

export type Translate = ReturnType<typeof translator>;

export function intlLocale(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/** Dollars and cents as the language writes them: `$1,234.50`, `1 234,50 $`. */
export function formatMoney(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** A calendar day (YYYY-MM-DD) in words, read as that day wherever the browser is. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** An instant in words, in a zone (the client's booking zone) or the browser's. */
export function formatInstant(instant: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(instant));
}
