/** Words the reminder emails share, in English and French. */
export type ReminderLanguage = 'en' | 'fr';

const KIND_LABELS: Record<ReminderLanguage, Record<string, string>> = {
  en: {
    permit_expiry: 'Work permit expiry',
    lmia_expiry: 'LMIA expiry',
    biometrics: 'Biometrics',
    medical: 'Medical exam',
    pfl_response: 'Procedural fairness response',
    document_request: 'Documents requested by IRCC',
    passport_expiry: 'Passport expiry',
    status_expiry: 'Status in Canada expiry',
    custom: 'Deadline',
    document_expiry: 'Document expiry',
  },
  fr: {
    permit_expiry: 'Expiration du permis de travail',
    lmia_expiry: "Expiration de l'EIMT",
    biometrics: 'Données biométriques',
    medical: 'Examen médical',
    pfl_response: "Réponse à la lettre d'équité procédurale",
    document_request: 'Documents demandés par IRCC',
    passport_expiry: 'Expiration du passeport',
    status_expiry: 'Expiration du statut au Canada',
    custom: 'Échéance',
    document_expiry: "Expiration d'un document",
  },
};

export function kindLabel(kind: string, language: ReminderLanguage): string {
  return KIND_LABELS[language][kind] ?? KIND_LABELS[language].custom;
}

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it. */
const longDateFormats = new Map<ReminderLanguage, Intl.DateTimeFormat>();

function longDateFormat(language: ReminderLanguage): Intl.DateTimeFormat {
  let format = longDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    longDateFormats.set(language, format);
  }
  return format;
}

/** A calendar day (YYYY-MM-DD) written out: "Friday, January 15, 2027" / "vendredi 15 janvier 2027". */
export function longDate(day: string, language: ReminderLanguage): string {
  return longDateFormat(language).format(new Date(`${day}T00:00:00Z`));
}

/** "in 30 days", "tomorrow", "today", "3 days overdue" (and the French). */
export function daysLeftPhrase(days: number, language: ReminderLanguage): string {
  if (language === 'fr') {
    if (days === 0) {
      return "aujourd'hui";
    }
    if (days === 1) {
      return 'demain';
    }
    return days > 0 ? `dans ${days} jours` : `en retard de ${-days} jour${days === -1 ? '' : 's'}`;
  }
  if (days === 0) {
    return 'today';
  }
  if (days === 1) {
    return 'tomorrow';
  }
  return days > 0 ? `in ${days} days` : `${-days} day${days === -1 ? '' : 's'} overdue`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The HTML frame every reminder email uses. */
export function htmlPage(language: ReminderLanguage, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #1f2933; line-height: 1.5">',
    body,
    `<p style="color:#7b8794;font-size:12px">${language === 'fr' ? 'Courriel automatique de PermitDesk.' : 'Sent automatically by PermitDesk.'}</p>`,
    '</body></html>',
  ].join('\n');
}

export interface FactsEmailBody {
  language: ReminderLanguage;
  hello: string;
  recipientName: string;
  intro: string;
  /** The intro in bold (for emails that ask for action now). */
  urgent?: boolean;
  rows: [string, string][];
  linkLabel: string;
  url: string;
}

/** The body shared by single-deadline emails: greeting, intro, a label/value table and a link, as text and HTML. */
export function factsEmailBody(body: FactsEmailBody): { text: string; html: string } {
  const colon = body.language === 'fr' ? ' :' : ':';
  const text = [
    `${body.hello} ${body.recipientName},`,
    '',
    `${body.intro}${colon}`,
    '',
    ...body.rows.map(([k, v]) => `${k}${colon} ${v}`),
    '',
    `${body.linkLabel}${colon} ${body.url}`,
    '',
  ].join('\n');
  const intro = body.urgent ? `<strong>${escapeHtml(body.intro)}</strong>` : escapeHtml(body.intro);
  const html = htmlPage(
    body.language,
    [
      `<p>${escapeHtml(body.hello)} ${escapeHtml(body.recipientName)},</p>`,
      `<p>${intro}${colon}</p>`,
      '<table cellpadding="4" style="border-collapse:collapse">',
      ...body.rows.map(
        ([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
      ),
      '</table>',
      `<p><a href="${escapeHtml(body.url)}">${escapeHtml(body.linkLabel)}</a></p>`,
    ].join('\n'),
  );
  return { text, html };
}
