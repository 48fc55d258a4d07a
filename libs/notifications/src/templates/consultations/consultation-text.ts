/** Words and formats the consultation emails share, in English and French. */
export type ConsultationLanguage = 'en' | 'fr';
export type ConsultationModeName = 'video' | 'phone' | 'in_person';

export interface RenderedConsultationEmail {
  subject: string;
  text: string;
  html: string;
}

/** What every consultation email shows. Times are instants; they are written in `timezone`. */
export interface ConsultationEmailView {
  language: ConsultationLanguage;
  clientName: string;
  consultantName: string;
  /** The consultation type's name in the email's language. */
  typeName: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the reader sees times in (the client's for client emails, the consultant's for notices). */
  timezone: string;
  mode: ConsultationModeName;
  /** Where it takes place for this mode (the video link, the phone number or the address), when set. */
  place?: string | null;
}

const MODES: Record<ConsultationLanguage, Record<ConsultationModeName, string>> = {
  en: { video: 'Video call', phone: 'Phone call', in_person: 'In person' },
  fr: { video: 'Appel vidéo', phone: 'Appel téléphonique', in_person: 'En personne' },
};

export function modeLabel(mode: ConsultationModeName, language: ConsultationLanguage): string {
  return MODES[language][mode];
}

/** "Video call: https://meet.example/room", or just the mode when no place is set. */
export function modeAndPlace(view: Pick<ConsultationEmailView, 'mode' | 'language' | 'place'>): string {
  const label = modeLabel(view.mode, view.language);
  return view.place ? `${label}${colon(view.language)} ${view.place}` : label;
}

function locale(language: ConsultationLanguage): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

type FormatStyle = 'day' | 'time' | 'moment';

const FORMAT_OPTIONS: Record<FormatStyle, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit' },
  moment: { dateStyle: 'full', timeStyle: 'short' },
};

/** Formatters by style, language and zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(style: FormatStyle, language: ConsultationLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${language}|${timeZone}`;
  let cached = formats.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale(language), { ...FORMAT_OPTIONS[style], timeZone });
    formats.set(key, cached);
  }
  return cached;
}

/** "Tuesday, December 1, 2026, 10:00 a.m. – 10:30 a.m. (America/Vancouver)", in the reader's language and zone. */
export function timeRange(
  view: Pick<ConsultationEmailView, 'startsAt' | 'endsAt' | 'timezone' | 'language'>,
): string {
  const day = format('day', view.language, view.timezone).format(view.startsAt);
  const time = format('time', view.language, view.timezone);
  return `${day}, ${time.format(view.startsAt)} – ${time.format(view.endsAt)} (${view.timezone})`;
}

/** A moment written out in the reader's language and zone. */
export function moment(at: Date, timezone: string, language: ConsultationLanguage): string {
  return format('moment', language, timezone).format(at);
}

/** The longest name a client email greets someone by. */
export const GREETING_NAME_MAX = 50;

/**
 * The name a client email may greet the reader by. Whoever books types the name and the address the email goes
 * to, so this is the only text of theirs a client email carries: control and direction characters go, spaces
 * collapse, it is cut at GREETING_NAME_MAX characters, and a "name" that reads like a link, an address or a
 * phone number is dropped (the email then says just "Hello,"). HTML escaping happens in compose().
 */
export function greetingName(name: string | null | undefined): string {
  const cleaned = (name ?? '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned || /:\/\/|www\.|@|\.[a-z]{2,}\b|(\d\D*){4,}/i.test(cleaned)) {
    return '';
  }
  return cleaned.length > GREETING_NAME_MAX
    ? `${cleaned.slice(0, GREETING_NAME_MAX - 1).trimEnd()}…`
    : cleaned;
}

/** "Hello Priya Sharma," or, without a usable name, "Hello,". */
export function greeting(hello: string, name: string): string {
  const shown = greetingName(name);
  return shown ? `${hello} ${shown},` : `${hello},`;
}

export function colon(language: ConsultationLanguage): string {
  return language === 'fr' ? ' :' : ':';
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Text and HTML of an email made of a greeting, paragraphs, a table of details and an optional link. */
export function compose(
  language: ConsultationLanguage,
  parts: {
    greeting: string;
    paragraphs: string[];
    rows: [string, string][];
    link?: { label: string; url: string };
    closing?: string[];
  },
): { text: string; html: string } {
  const c = colon(language);
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...parts.rows.map(([k, v]) => `${k}${c} ${v}`),
    '',
    ...(parts.link ? [`${parts.link.label}${c} ${parts.link.url}`, ''] : []),
    ...(parts.closing ?? []).flatMap((p) => [p, '']),
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #1f2933; line-height: 1.5">',
    `<p>${escapeHtml(parts.greeting)}</p>`,
    ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '<table cellpadding="4" style="border-collapse:collapse">',
    ...parts.rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...(parts.link
      ? [`<p><a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a></p>`]
      : []),
    ...(parts.closing ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p style="color:#7b8794;font-size:12px">${language === 'fr' ? 'Courriel automatique de PermitDesk.' : 'Sent automatically by PermitDesk.'}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}
