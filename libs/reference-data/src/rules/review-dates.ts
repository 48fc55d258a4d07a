import type { ReferenceData } from '../reference-data.loader';
import { datedRulesForReview } from './lmia-wage-rules';

export interface ReviewItem {
  /** What the row is: an exemption code or a dated rule. */
  id: string;
  reviewBy: string;
  source: string;
  isPastReview: boolean;
}

/** Every exemption code and dated LMIA rule with its review date, those past review on `today` first. */
export function reviewItems(data: ReferenceData, today: string): ReviewItem[] {
  const items = [
    ...data.exemptionCodes.map((code) => ({
      id: `exemption code ${code.code} (${code.status})`,
      reviewBy: code.reviewBy,
      source: code.statusSourceUrl ?? code.sourceUrl ?? '',
    })),
    ...datedRulesForReview(data.lmiaWageRules),
  ].map((item) => ({ ...item, isPastReview: item.reviewBy < today }));
  return items.sort(
    (a, b) => Number(b.isPastReview) - Number(a.isPastReview) || a.reviewBy.localeCompare(b.reviewBy),
  );
}

/** A plain-text table: review date, status, item, source. */
export function formatReviewTable(items: readonly ReviewItem[], today: string): string {
  const past = items.filter((item) => item.isPastReview);
  const head = past.length
    ? `${past.length} of ${items.length} reference rows are past their review date (today ${today}):`
    : `All ${items.length} reference rows are within their review date (today ${today}).`;
  const rows = items.map(
    (item) =>
      `${item.reviewBy}  ${item.isPastReview ? 'PAST' : 'ok  '}  ${item.id.padEnd(60)}  ${item.source}`,
  );
  return [head, 'review by   state  item', ...rows].join('\n');
}
