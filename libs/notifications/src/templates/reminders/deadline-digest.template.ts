import type { RenderedEmail } from './deadline-reminder.template';
import {
  daysLeftPhrase,
  escapeHtml,
  htmlPage,
  kindLabel,
  longDate,
  type ReminderLanguage,
} from './reminder-text';

export interface DigestItem {
  fileNumber: string;
  clientName: string;
  kind: string;
  title: string | null;
  dueOn: string;
  daysLeft: number;
  fileUrl: string;
}

export interface DeadlineDigestView {
  language: ReminderLanguage;
  recipientName: string;
  /** The digest's day (YYYY-MM-DD, firm's zone). */
  today: string;
  /** Past due and still open, oldest first. */
  overdue: DigestItem[];
  /** The next 14 days (today included), by day; days without items are left out. */
  days: { day: string; items: DigestItem[] }[];
  /** Items left out because the email would be too long. */
  more: number;
  listUrl: string;
}

const WORDS = {
  en: {
    subject: (n: number, day: string) => `Your deadlines for ${day}: ${n} item${n === 1 ? '' : 's'}`,
    hello: 'Hello',
    overdue: 'Overdue',
    upcoming: 'Next 14 days',
    more: (n: number) => `…and ${n} more`,
    all: 'See all deadlines',
  },
  fr: {
    subject: (n: number, day: string) => `Vos échéances du ${day} : ${n} élément${n === 1 ? '' : 's'}`,
    hello: 'Bonjour',
    overdue: 'En retard',
    upcoming: 'Les 14 prochains jours',
    more: (n: number) => `…et ${n} de plus`,
    all: 'Voir toutes les échéances',
  },
} as const;

function line(item: DigestItem, language: ReminderLanguage): string {
  const what = kindLabel(item.kind, language) + (item.title ? ` – ${item.title}` : '');
  return `${item.fileNumber} · ${item.clientName} · ${what} · ${daysLeftPhrase(item.daysLeft, language)}`;
}

/** A consultant's morning email: overdue items and the next 14 days by day. */
export function deadlineDigestEmail(view: DeadlineDigestView): RenderedEmail {
  const w = WORDS[view.language];
  const count = view.overdue.length + view.days.reduce((n, d) => n + d.items.length, 0) + view.more;
  const subject = w.subject(count, longDate(view.today, view.language));
  const text: string[] = [`${w.hello} ${view.recipientName},`, ''];
  const html: string[] = [`<p>${escapeHtml(w.hello)} ${escapeHtml(view.recipientName)},</p>`];
  const section = (title: string, items: DigestItem[], level: 'h2' | 'h3') => {
    text.push(title, ...items.map((i) => `  - ${line(i, view.language)}\n    ${i.fileUrl}`), '');
    html.push(
      `<${level}>${escapeHtml(title)}</${level}>`,
      '<ul>',
      ...items.map(
        (i) =>
          `<li><a href="${escapeHtml(i.fileUrl)}">${escapeHtml(i.fileNumber)}</a> · ${escapeHtml(line(i, view.language).slice(i.fileNumber.length + 3))}</li>`,
      ),
      '</ul>',
    );
  };
  if (view.overdue.length > 0) {
    section(`${w.overdue} (${view.overdue.length})`, view.overdue, 'h2');
  }
  if (view.days.length > 0) {
    text.push(w.upcoming, '');
    html.push(`<h2>${escapeHtml(w.upcoming)}</h2>`);
    for (const day of view.days) {
      section(longDate(day.day, view.language), day.items, 'h3');
    }
  }
  if (view.more > 0) {
    text.push(w.more(view.more), '');
    html.push(`<p>${escapeHtml(w.more(view.more))}</p>`);
  }
  text.push(`${w.all}${view.language === 'fr' ? ' :' : ':'} ${view.listUrl}`, '');
  html.push(`<p><a href="${escapeHtml(view.listUrl)}">${escapeHtml(w.all)}</a></p>`);
  return { subject, text: text.join('\n'), html: htmlPage(view.language, html.join('\n')) };
}
