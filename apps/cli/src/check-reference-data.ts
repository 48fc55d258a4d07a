import { parseArgs } from 'node:util';
import { formatReviewTable, loadReferenceData, reviewItems, type ReferenceData } from '@app/reference-data';

export interface CheckReferenceDataOptions {
  out: (line: string) => void;
  /** The day when `--today` is not given (UTC). */
  now?: () => Date;
  /** The data to check; the shipped files by default. */
  data?: ReferenceData;
}

/**
 * `check-reference-data [--today YYYY-MM-DD]`: lists every exemption code and dated LMIA rule with its review
 * date, those past review first. Returns the exit code: 1 when any row is past review, 2 on a bad argument, else 0.
 * Needs no database.
 */
export function checkReferenceData(args: string[], options: CheckReferenceDataOptions): number {
  let today: string;
  try {
    const { values } = parseArgs({
      args,
      options: { today: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    today = values.today ?? (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  } catch (error) {
    options.out((error as Error).message);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    options.out('--today must be a date written YYYY-MM-DD');
    return 2;
  }
  const items = reviewItems(options.data ?? loadReferenceData(), today);
  options.out(formatReviewTable(items, today));
  return items.some((item) => item.isPastReview) ? 1 : 0;
}
