import type { RenderedEmail } from './deadline-reminder.template';
import { daysLeftPhrase, factsEmailBody, kindLabel, longDate, type ReminderLanguage } from './reminder-text';

export interface OverdueEscalationView {
  language: ReminderLanguage;
  recipientName: string;
  fileNumber: string;
  clientName: string;
  kind: string;
  title: string | null;
  dueOn: string;
  /** Negative: days past the due date. */
  daysLeft: number;
  /** Who the deadline is assigned to, or null. */
  assigneeName: string | null;
  fileUrl: string;
}

const WORDS = {
  en: {
    subject: 'Overdue',
    hello: 'Hello',
    intro: 'This deadline has passed and is not marked completed',
    file: 'File',
    client: 'Client',
    deadline: 'Deadline',
    details: 'Details',
    date: 'Was due',
    assignee: 'Assigned to',
    nobody: 'nobody',
    open: 'Open the file',
  },
  fr: {
    subject: 'En retard',
    hello: 'Bonjour',
    intro: "Cette échéance est passée et n'est pas marquée comme terminée",
    file: 'Dossier',
    client: 'Client',
    deadline: 'Échéance',
    details: 'Précisions',
    date: 'Date prévue',
    assignee: 'Responsable',
    nobody: 'personne',
    open: 'Ouvrir le dossier',
  },
} as const;

/** Sent once to each admin when a deadline is past and still open. */
export function overdueEscalationEmail(view: OverdueEscalationView): RenderedEmail {
  const w = WORDS[view.language];
  const colon = view.language === 'fr' ? ' :' : ':';
  const label = kindLabel(view.kind, view.language);
  const date = longDate(view.dueOn, view.language);
  const rows: [string, string][] = [
    [w.file, view.fileNumber],
    [w.client, view.clientName],
    [w.deadline, label],
    ...(view.title ? ([[w.details, view.title]] as [string, string][]) : []),
    [w.date, `${date} (${daysLeftPhrase(view.daysLeft, view.language)})`],
    [w.assignee, view.assigneeName ?? w.nobody],
  ];
  const subject = `${w.subject}${colon} ${view.fileNumber} – ${label} (${date})`;
  const { text, html } = factsEmailBody({
    language: view.language,
    hello: w.hello,
    recipientName: view.recipientName,
    intro: w.intro,
    urgent: true,
    rows,
    linkLabel: w.open,
    url: view.fileUrl,
  });
  return { subject, text, html };
}
