// Words for what the API records as keys: audit changes, reminder offsets and subjects. Pure functions of a
// translate function, so the timeline and the reminders list say the same thing in EN and FR.
import { formatDate, formatDateTime } from '../../../shared/time';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields whose values are keys of a translated group (pd.<group>.<value>). */
const VALUE_GROUPS: Record<string, string> = {
  status: 'status',
  kind: 'deadlineKind',
  statusInCanada: 'statusInCanada',
  preferredLanguage: 'language',
  language: 'language',
  mode: 'mode',
  applicationType: 'applicationType',
  lmiaStatus: 'lmiaStatus',
  wagePeriod: 'wagePeriod',
  period: 'wagePeriod',
  by: 'bookedBy',
  role: 'role',
  source: 'deadlineSource',
  permitType: 'permitType',
  impPermitType: 'permitType',
};

/** "statusInCanada" → "Status in canada", for a field no catalogue names. */
function humanize(field: string): string {
  const words = field
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where a field's label may be found: the timeline's own words first, then the forms' labels. */
function labelKeys(field: string): string[] {
  const keys = [`pd.field.${field}`];
  for (const resource of ['files', 'clients', 'deadlines', 'consultations']) {
    keys.push(`resources.${resource}.fields.${field}`);
  }
  // A stream block's field flattened into one name: impPermitType → the files form's imp.permitType.
  const block = /^(imp|tfwp|employer|wage)([A-Z]\w*)$/.exec(field);
  if (block) {
    keys.push(`resources.files.fields.${block[1]}.${block[2].charAt(0).toLowerCase()}${block[2].slice(1)}`);
  }
  return keys;
}

export function fieldLabel(field: string, translate: Translate): string {
  for (const key of labelKeys(field)) {
    const label = translate(key, { _: '' });
    if (label) {
      return label;
    }
  }
  return humanize(field);
}

/** One recorded value in words: names for ids, labels for keys, dates and times in the reader's language. */
export function describeValue(
  field: string,
  value: unknown,
  names: Record<string, string>,
  translate: Translate,
  locale: string,
  timeZone: string,
): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return translate(value ? 'pd.yes' : 'pd.no');
  }
  if (typeof value === 'number') {
    return value.toLocaleString(locale);
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      return names[value] ?? translate('pd.timeline.unknown');
    }
    if (DAY.test(value)) {
      return formatDate(value, locale);
    }
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
      return formatDateTime(value, timeZone, locale);
    }
    const group = VALUE_GROUPS[field];
    return group ? translate(`pd.${group}.${value}`, { _: value }) : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => describeValue(field, v, names, translate, locale, timeZone)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([k, v]) => `${fieldLabel(k, translate)}: ${describeValue(k, v, names, translate, locale, timeZone)}`,
      )
      .join(', ');
  }
  return JSON.stringify(value) ?? '';
}

/** Fields that only say which record an event was about: the timeline's own context shows that already. */
const CONTEXT_FIELDS = new Set(['id', 'deadlineId', 'documentId', 'consultationId', 'subjectId']);

/** An event's changes in words: "Assignee: Amélie Tremblay → Marc Roy · Due: Mon, Dec 14, 2026". */
export function describeChanges(
  changes: Record<string, unknown> | null | undefined,
  names: Record<string, string>,
  translate: Translate,
  locale: string,
  timeZone: string,
): string {
  return Object.entries(changes ?? {})
    .filter(([field]) => !CONTEXT_FIELDS.has(field))
    .slice(0, 8)
    .map(([field, value]) => {
      const text = (v: unknown) => describeValue(field, v, names, translate, locale, timeZone);
      const label = fieldLabel(field, translate);
      return Array.isArray(value) && value.length === 2
        ? `${label}: ${text(value[0])} → ${text(value[1])}`
        : `${label}: ${text(value)}`;
    })
    .join(' · ');
}

/**
 * Which reminder of its subject, in words: `14d@2026-12-14` → "14 days before Mon, Dec 14, 2026",
 * `overdue@…` → "Overdue since …", `daily@…` → "Digest of …", `24h@<instant>` → "24 hours before …".
 */
export function describeOffset(key: string, translate: Translate, locale: string, timeZone: string): string {
  const at = key.indexOf('@');
  const kind = at < 0 ? key : key.slice(0, at);
  const when = at < 0 ? '' : key.slice(at + 1);
  const date = DAY.test(when)
    ? formatDate(when, locale)
    : INSTANT.test(when)
      ? formatDateTime(when, timeZone, locale)
      : when;
  const days = /^(\d+)d$/.exec(kind);
  if (days) {
    return translate('pd.offset.days_before', { smart_count: Number(days[1]), date });
  }
  const hours = /^(\d+)h$/.exec(kind);
  if (hours) {
    return translate('pd.offset.hours_before', { smart_count: Number(hours[1]), date });
  }
  return translate(`pd.offset.${kind}`, { date, _: key });
}

/** What a reminder is about, as a kind of subject: "Deadline", "Daily digest", "Consultation". */
export function describeSubjectType(type: string, translate: Translate): string {
  return translate(`pd.subjectType.${type}`, { _: humanize(type) });
}
