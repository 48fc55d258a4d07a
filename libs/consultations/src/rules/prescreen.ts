import { DateTime } from 'luxon';

export type LmiaAnswer = 'has_lmia' | 'exempt' | 'unknown';
export const LMIA_ANSWERS: LmiaAnswer[] = ['has_lmia', 'exempt', 'unknown'];

/** The optional questions a client answers when booking, kept on the consultation for the consultant. */
export interface Prescreen {
  hasJobOffer?: boolean;
  /** Whether the employer has an LMIA, is LMIA-exempt, or the client does not know. */
  lmia?: LmiaAnswer;
  insideCanada?: boolean;
  /** Expiry of the client's current permit (YYYY-MM-DD). */
  permitExpiresOn?: string;
}

/** A permit that has expired or expires within this many days makes the consultation urgent. */
export const URGENT_WITHIN_DAYS = 90;

/**
 * Urgent for staff: the client's current permit expires within 90 days of today (in the firm's zone), or has
 * already expired (maintained status or restoration may be at stake).
 */
export function isUrgent(prescreen: Prescreen | null | undefined, now: Date, firmZone: string): boolean {
  if (!prescreen?.permitExpiresOn) {
    return false;
  }
  const limit = DateTime.fromJSDate(now, { zone: firmZone })
    .plus({ days: URGENT_WITHIN_DAYS })
    .toISODate() as string;
  return prescreen.permitExpiresOn <= limit;
}
