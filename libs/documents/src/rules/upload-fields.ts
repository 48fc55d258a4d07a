import { isCalendarDate } from '@app/work-permits';
import type { FieldErrors } from '@app/shared';

/** The fields an upload may carry besides its one `file` part. */
export const UPLOAD_FIELDS = ['kind', 'title', 'issuedOn', 'expiresOn'] as const;
export type UploadFieldName = (typeof UPLOAD_FIELDS)[number];

export interface UploadDetails {
  kind: string;
  title: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

/** A checklist item key (lowercase letters, digits, `_`, `-`, `.`) or `other`. */
export const DOCUMENT_KIND = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
const MAX_TITLE = 200;

function isDay(value: string): boolean {
  return isCalendarDate(value) && /^(19|20|21)\d{2}-/.test(value);
}

/** Checks an upload's text fields; returns them typed, or the problems keyed by field. */
export function checkUploadFields(
  fields: Partial<Record<UploadFieldName, string>>,
): { ok: true; details: UploadDetails } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  const kind = fields.kind?.trim() ?? '';
  if (kind === '') {
    add('kind', 'kind is required: a checklist item key or "other"');
  } else if (!DOCUMENT_KIND.test(kind)) {
    add('kind', 'kind must be a checklist item key (lowercase letters, digits, _ - .) or "other"');
  }
  const title = fields.title?.trim() || null;
  if (title !== null && title.length > MAX_TITLE) {
    add('title', `title must be at most ${MAX_TITLE} characters`);
  }
  for (const field of ['issuedOn', 'expiresOn'] as const) {
    const value = fields[field];
    if (value !== undefined && !isDay(value)) {
      add(field, `${field} must be a date written YYYY-MM-DD`);
    }
  }
  const issuedOn = fields.issuedOn ?? null;
  const expiresOn = fields.expiresOn ?? null;
  if (issuedOn && expiresOn && isDay(issuedOn) && isDay(expiresOn) && expiresOn < issuedOn) {
    add('expiresOn', 'expiresOn cannot be before issuedOn');
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, details: { kind, title, issuedOn, expiresOn } };
}
