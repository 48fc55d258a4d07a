import { daysLeftPhrase, factsEmailBody, kindLabel, longDate, type ReminderLanguage } from './reminder-text';

export interface DeadlineReminderView {
  language: ReminderLanguage;
  recipientName: string;
  fileNumber: string;
  clientName: string;
  /** The deadline kind (`permit_expiry`, ...). */
  kind: string;
  /** Staff's own title for a deadline they added, else null. */
  title: string | null;
  dueOn: string;
  /** Calendar days from today (firm's zone) to the due date. */
  daysLeft: number;
  fileUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  en: {
    subject: 'Reminder',
    hello: 'Hello',
    intro: 'A deadline on one of your files is coming up',
    file: 'File',
    client: 'Client',
    deadline: 'Deadline',
    details: 'Details',
    date: 'Due',
    daysLeft: 'Days left',
    open: 'Open the file',
  },
  fr: {
    subject: 'Rappel',
    hello: 'Bonjour',
    intro: "Une échéance approche dans l'un de vos dossiers",
    file: 'Dossier',
    client: 'Client',
    deadline: 'Échéance',
    details: 'Précisions',
    date: 'Date',
    daysLeft: 'Jours restants',
    open: 'Ouvrir le dossier',
  },
} as const;

/** The reminder a consultant gets before a deadline: HTML and text, English or French. */
export function deadlineReminderEmail(view: DeadlineReminderView): RenderedEmail {
  const w = WORDS[view.language];
  const label = kindLabel(view.kind, view.language);
  const when = daysLeftPhrase(view.daysLeft, view.language);
  const date = longDate(view.dueOn, view.language);
  const colon = view.language === 'fr' ? ' :' : ':';
  const rows: [string, string][] = [
    [w.file, view.fileNumber],
    [w.client, view.clientName],
    [w.deadline, label],
    ...(view.title ? ([[w.details, view.title]] as [string, string][]) : []),
    [w.date, date],
    [w.daysLeft, String(view.daysLeft)],
  ];
  const subject = `${w.subject}${colon} ${view.fileNumber} – ${label} ${when} (${date})`;
  const { text, html } = factsEmailBody({
    language: view.language,
    hello: w.hello,
    recipientName: view.recipientName,
    intro: w.intro,
    rows,
    linkLabel: w.open,
    url: view.fileUrl,
  });
  return { subject, text, html };
}
