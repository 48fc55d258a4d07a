import { addMonths } from '@app/work-permits';
import type { ChecklistExpiryRule } from '../checklists/checklist.types';

/** The firm's setting for the validity of police certificates (deadline-period settings), in months. */
export const POLICE_CERTIFICATE_VALIDITY_SETTING = 'police_certificate_validity_months';

/** Firm settings that replace a catalogue period whose basis is `firm_default`, by checklist item key. */
export type FirmValidityMonths = Partial<Record<string, number>>;

/**
 * The day a document stops being good, or null when nothing says: the expiry written on it when given; else, for a
 * checklist item with a `months_after` rule (language test 24 months, medical exam 12, police certificate a firm
 * setting), that many months after the date it was issued (the test, the exam). A `firm_default` period is
 * replaced by the firm's own months for that item, when set.
 */
export function documentExpiryOn(
  document: { expiresOn: string | null; issuedOn: string | null },
  rule: Pick<ChecklistExpiryRule, 'rule' | 'months' | 'basis'> | null,
  firmMonths: number | undefined,
): string | null {
  if (document.expiresOn) {
    return document.expiresOn;
  }
  if (!rule || rule.rule !== 'months_after' || !document.issuedOn) {
    return null;
  }
  const months = rule.basis === 'firm_default' && firmMonths !== undefined ? firmMonths : rule.months;
  return months ? addMonths(document.issuedOn, months) : null;
}

/** The title of a document's expiry deadline. */
export function expiryDeadlineTitle(name: string): string {
  return `${name} expires`;
}

/**
 * What the upload of a passport suggests for the client's record: its expiry, when it differs from the one on
 * the client. Nothing for other kinds or a passport uploaded without an expiry.
 */
export function passportExpirySuggestion(
  kind: string,
  expiresOn: string | null,
  current: string | null,
): { current: string | null; proposed: string } | undefined {
  if (kind !== 'passport' || !expiresOn || expiresOn === current) {
    return undefined;
  }
  return { current, proposed: expiresOn };
}
