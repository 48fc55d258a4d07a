import {
  compose,
  greeting,
  modeAndPlace,
  moment,
  timeRange,
  type ConsultationEmailView,
  type RenderedConsultationEmail,
} from './consultation-text';

export interface ClientConsultationEmailView extends ConsultationEmailView {
  /** The client's link to view, cancel or reschedule; absent when the email cannot carry it. */
  manageUrl?: string;
  /** Until when the client may cancel or reschedule through the link. */
  changeUntil?: Date;
}

const WORDS = {
  en: {
    hello: 'Hello',
    consultation: 'Consultation',
    with: 'With',
    when: 'When',
    how: 'How',
    manage: 'View, reschedule or cancel',
    until: (at: string) => `You can reschedule or cancel online until ${at}.`,
    invite: 'The calendar invite is attached.',
    booked: { subject: 'Your consultation is booked', intro: 'Your consultation is booked.' },
    rescheduled: { subject: 'Your consultation has moved', intro: 'Your consultation has a new time.' },
    confirm: {
      subject: 'Please confirm your consultation',
      intro: (until: string) =>
        `Please confirm this consultation request. The time is held for you until ${until}; unconfirmed, it is released.`,
      link: 'Confirm your consultation',
      ignore:
        'If you did not ask for this consultation, ignore this email: nothing is booked until it is confirmed.',
    },
    cancelled: {
      subject: 'Your consultation is cancelled',
      intro: 'Your consultation is cancelled. The calendar entry is removed by the attached update.',
      again: 'You are welcome to book another time.',
    },
    reminder: {
      subject: 'Reminder: your consultation is tomorrow',
      intro: 'A reminder of your consultation.',
      link: 'To reschedule or cancel, use the link in your confirmation email.',
    },
  },
  fr: {
    hello: 'Bonjour',
    consultation: 'Consultation',
    with: 'Avec',
    when: 'Quand',
    how: 'Mode',
    manage: 'Consulter, déplacer ou annuler',
    until: (at: string) => `Vous pouvez déplacer ou annuler en ligne jusqu'au ${at}.`,
    invite: "L'invitation de calendrier est jointe.",
    booked: { subject: 'Votre consultation est réservée', intro: 'Votre consultation est réservée.' },
    rescheduled: {
      subject: 'Votre consultation a été déplacée',
      intro: 'Votre consultation a un nouvel horaire.',
    },
    confirm: {
      subject: 'Veuillez confirmer votre consultation',
      intro: (until: string) =>
        `Veuillez confirmer cette demande de consultation. Le créneau vous est réservé jusqu'au ${until}; sans confirmation, il est libéré.`,
      link: 'Confirmer votre consultation',
      ignore:
        "Si vous n'avez pas demandé cette consultation, ignorez ce courriel : rien n'est réservé sans confirmation.",
    },
    cancelled: {
      subject: 'Votre consultation est annulée',
      intro: "Votre consultation est annulée. La mise à jour jointe retire l'entrée de votre calendrier.",
      again: 'Vous pouvez réserver un autre moment.',
    },
    reminder: {
      subject: 'Rappel : votre consultation a lieu demain',
      intro: 'Un rappel de votre consultation.',
      link: 'Pour la déplacer ou l’annuler, utilisez le lien de votre courriel de confirmation.',
    },
  },
} as const;

function details(view: ConsultationEmailView): [string, string][] {
  const w = WORDS[view.language];
  return [
    [w.consultation, view.typeName],
    [w.with, view.consultantName],
    [w.when, timeRange(view)],
    [w.how, modeAndPlace(view)],
  ];
}

function clientEmail(
  view: ClientConsultationEmailView,
  event: 'booked' | 'rescheduled',
): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const paragraphs: string[] = [w[event].intro];
  const closing: string[] = [w.invite];
  if (view.changeUntil && view.manageUrl) {
    closing.unshift(w.until(moment(view.changeUntil, view.timezone, view.language)));
  }
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs,
    rows: details(view),
    link: view.manageUrl ? { label: w.manage, url: view.manageUrl } : undefined,
    closing,
  });
  return { subject: `${w[event].subject} – ${timeRange(view)}`, text, html };
}

/** To the client when a consultation is booked: details, the manage link and (attached) the invite. */
export function consultationBookedEmail(view: ClientConsultationEmailView): RenderedConsultationEmail {
  return clientEmail(view, 'booked');
}

/** To the client when a consultation moves: the new time, the manage link, the updated invite. */
export function consultationRescheduledEmail(view: ClientConsultationEmailView): RenderedConsultationEmail {
  return clientEmail(view, 'rescheduled');
}

/**
 * To the address typed on the booking page when the firm asks for email confirmation: the time, how long it is
 * held, and the link to confirm (the manage page). No calendar invite until it is confirmed.
 */
export function consultationConfirmationRequestEmail(
  view: ConsultationEmailView & { confirmUrl: string; holdUntil: Date },
): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.confirm.intro(moment(view.holdUntil, view.timezone, view.language))],
    rows: details(view),
    link: { label: w.confirm.link, url: view.confirmUrl },
    closing: [w.confirm.ignore],
  });
  return { subject: `${w.confirm.subject} – ${timeRange(view)}`, text, html };
}

/** To the client when a consultation is cancelled; the attached METHOD:CANCEL removes the calendar entry. */
export function consultationCancelledEmail(view: ConsultationEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.cancelled.intro],
    rows: details(view),
    closing: [w.cancelled.again],
  });
  return { subject: `${w.cancelled.subject} – ${timeRange(view)}`, text, html };
}

/** The client's reminder the day before (sent by the reminders queue). */
export function consultationReminderEmail(view: ConsultationEmailView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.reminder.intro],
    rows: details(view),
    closing: [w.reminder.link],
  });
  return { subject: `${w.reminder.subject} – ${timeRange(view)}`, text, html };
}
