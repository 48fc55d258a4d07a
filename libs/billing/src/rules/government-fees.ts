import { GOVERNMENT_FEES, type GovernmentFee } from '../data/government-fees.data';

export interface GovernmentFeeOn extends Omit<GovernmentFee, 'amounts'> {
  cents: number;
  /** First day of this amount; null when it predates what is recorded. */
  since: string | null;
}

/** Each government fee as it stood on `on` (YYYY-MM-DD); a fee not yet in force that day is left out. */
export function governmentFeesOn(on: string): GovernmentFeeOn[] {
  const out: GovernmentFeeOn[] = [];
  for (const { amounts, ...fee } of GOVERNMENT_FEES) {
    const amount = amounts.find(
      (a) => (a.from === null || a.from <= on) && (a.to === undefined || on <= a.to),
    );
    if (amount) {
      out.push({ ...fee, cents: amount.cents, since: amount.from });
    }
  }
  return out;
}
