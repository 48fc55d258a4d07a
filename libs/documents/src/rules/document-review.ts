import { isCalendarDate } from '@app/work-permits';
import type { FieldErrors } from '@app/shared';

export const MAX_REVIEW_REASON = 500;
const MAX_TITLE = 200;

/** What a reviewer may change on a document; absent fields stay, null clears a date. */
export interface DocumentReviewInput {
  status?: 'accepted' | 'rejected';
  reason?: string | null;
  expiresOn?: string | null;
  issuedOn?: string | null;
  title?: string;
}

/** The document as the rules see it. */
export interface ReviewedDocument {
  status: 'pending_review' | 'accepted' | 'rejected';
  reviewReason: string | null;
  title: string;
  issuedOn: string | null;
  expiresOn: string | null;
}

export type DocumentReviewPatch = Partial<ReviewedDocument>;

function isDay(value: string): boolean {
  return isCalendarDate(value) && /^(19|20|21)\d{2}-/.test(value);
}

/**
 * Checks a review or an update of a document against its current values. A status sets the review reason too
 * (required when rejecting, optional when accepting); a reason without a status is refused, as is an expiry
 * before the issue date (given now or already on the document). Returns the columns to change, or the
 * problems keyed by field.
 */
export function checkDocumentReview(
  current: ReviewedDocument,
  input: DocumentReviewInput,
): { ok: true; patch: DocumentReviewPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message]);
  const patch: DocumentReviewPatch = {};

  const reason = typeof input.reason === 'string' ? input.reason.trim() : null;
  if (reason !== null && reason.length > MAX_REVIEW_REASON) {
    add('reason', `reason must be at most ${MAX_REVIEW_REASON} characters`);
  }
  if (input.status !== undefined) {
    if (input.status === 'rejected' && !reason) {
      add('reason', 'reason is required when rejecting: say what the client should send instead');
    }
    patch.status = input.status;
    patch.reviewReason = reason || null;
  } else if (input.reason !== undefined && input.reason !== null) {
    add('reason', 'reason goes with a status (accepted or rejected)');
  }

  if (input.title !== undefined) {
    const title = input.title.trim();
    if (title === '') add('title', 'title cannot be empty');
    else if (title.length > MAX_TITLE) add('title', `title must be at most ${MAX_TITLE} characters`);
    else patch.title = title;
  }
  for (const field of ['issuedOn', 'expiresOn'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && !isDay(value)) add(field, `${field} must be a date written YYYY-MM-DD, or null`);
    else patch[field] = value;
  }
  const issuedOn = patch.issuedOn !== undefined ? patch.issuedOn : current.issuedOn;
  const expiresOn = patch.expiresOn !== undefined ? patch.expiresOn : current.expiresOn;
  if (!errors.issuedOn && !errors.expiresOn && issuedOn && expiresOn && expiresOn < issuedOn) {
    add(input.expiresOn !== undefined ? 'expiresOn' : 'issuedOn', 'expiresOn cannot be before issuedOn');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
}
