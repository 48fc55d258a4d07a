import {
  compose,
  modeAndPlace,
  timeRange,
  type ConsultationEmailView,
  type RenderedConsultationEmail,
} from './consultation-text';

export type ConsultationEvent = 'booked' | 'rescheduled' | 'cancelled';

export interface ConsultantNoticeView extends ConsultationEmailView {
  event: ConsultationEvent;
  clientEmail: string | null;
  clientPhone: string | null;
  topic: string | null;
  /** Pre-screen answers, already written out ("Job offer: yes"). */
  prescreen: string[];
  isUrgent: boolean;
  /** For a reschedule: the time it had before. */
  previousStartsAt?: Date;
  /** Who made the change: "the client (online)" or a staff member's name. */
  changedBy: string;
  consultationUrl: string;
}

const WORDS = {
  en: {
    hello: 'Hello',
    subjects: {
      booked: 'New consultation',
      rescheduled: 'Consultation moved',
      cancelled: 'Consultation cancelled',
    },
    intros: {
      booked: 'A consultation was booked with you.',
      rescheduled: 'One of your consultations has a new time.',
      cancelled: 'One of your consultations was cancelled.',
    },
    urgent: 'URGENT: the client’s permit expires within 90 days.',
    client: 'Client',
    email: 'Email',
    phone: 'Phone',
    consultation: 'Consultation',
    when: 'When',
    before: 'Was',
    how: 'How',
    topic: 'Topic',
    by: 'By',
    prescreen: 'Pre-screen',
    open: 'Open in PermitDesk',
  },
  fr: {
    hello: 'Bonjour',
    subjects: {
      booked: 'Nouvelle consultation',
      rescheduled: 'Consultation déplacée',
      cancelled: 'Consultation annulée',
    },
    intros: {
      booked: 'Une consultation a été réservée avec vous.',
      rescheduled: "L'une de vos consultations a un nouvel horaire.",
      cancelled: "L'une de vos consultations a été annulée.",
    },
    urgent: 'URGENT : le permis du client expire dans moins de 90 jours.',
    client: 'Client',
    email: 'Courriel',
    phone: 'Téléphone',
    consultation: 'Consultation',
    when: 'Quand',
    before: 'Auparavant',
    how: 'Mode',
    topic: 'Sujet',
    by: 'Par',
    prescreen: 'Présélection',
    open: 'Ouvrir dans PermitDesk',
  },
} as const;

function previous(view: ConsultationEmailView, startsAt: Date): { startsAt: Date; endsAt: Date } {
  return { startsAt, endsAt: new Date(startsAt.getTime() + view.endsAt.getTime() - view.startsAt.getTime()) };
}

/** The consultant's notice of a booking, a move or a cancellation, with the client's answers. */
export function consultantNoticeEmail(view: ConsultantNoticeView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const rows: [string, string][] = [
    [w.client, view.clientName],
    ...(view.clientEmail ? ([[w.email, view.clientEmail]] as [string, string][]) : []),
    ...(view.clientPhone ? ([[w.phone, view.clientPhone]] as [string, string][]) : []),
    [w.consultation, view.typeName],
    [w.when, timeRange(view)],
    ...(view.previousStartsAt
      ? ([[w.before, timeRange({ ...view, ...previous(view, view.previousStartsAt) })]] as [string, string][])
      : []),
    [w.how, modeAndPlace(view)],
    ...(view.topic ? ([[w.topic, view.topic]] as [string, string][]) : []),
    ...view.prescreen.map((line) => [w.prescreen, line] as [string, string]),
    [w.by, view.changedBy],
  ];
  const { text, html } = compose(view.language, {
    greeting: `${w.hello} ${view.consultantName},`,
    paragraphs: [...(view.isUrgent ? [w.urgent] : []), w.intros[view.event]],
    rows,
    link: { label: w.open, url: view.consultationUrl },
  });
  const subject = `${view.isUrgent ? '[URGENT] ' : ''}${w.subjects[view.event]}: ${view.clientName} – ${timeRange(view)}`;
  return { subject, text, html };
}
