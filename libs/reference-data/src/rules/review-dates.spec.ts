import { loadReferenceData } from '../reference-data.loader';
import { formatReviewTable, reviewItems } from './review-dates';

const data = loadReferenceData();

describe('review dates of reference data', () => {
  it('lists every code and dated rule, flagging those past review first', () => {
    const items = reviewItems(data, '2026-12-04');
    expect(items.length).toBeGreaterThan(data.exemptionCodes.length);
    const past = items.filter((item) => item.isPastReview).map((item) => item.id);
    // The 2025-06-27 thresholds, the low-wage cap and duration were due for review by 2026-06-30; the shipped
    // refused-CMA list covered 2025-07-11 to 2025-10-09.
    expect(past).toEqual(
      expect.arrayContaining([
        'high-wage threshold from 2025-06-27',
        'low-wage cap 10% from 2024-09-26',
        'shipped refused-CMA list 2025-07-11 to 2025-10-09',
      ]),
    );
    expect(items.slice(0, past.length).every((item) => item.isPastReview)).toBe(true);
    expect(formatReviewTable(items, '2026-12-04')).toMatch(
      /^\d+ of \d+ reference rows are past their review date/,
    );
  });

  it('reports nothing past review on a day before every review date', () => {
    const items = reviewItems(data, '2025-01-01');
    expect(items.some((item) => item.isPastReview)).toBe(false);
    expect(formatReviewTable(items, '2025-01-01')).toMatch(
      /^All \d+ reference rows are within their review date/,
    );
  });
});
