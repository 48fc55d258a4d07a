import { loadReferenceData, type ReferenceData } from '@app/reference-data';
import { checkReferenceData } from './check-reference-data';

const shipped = loadReferenceData();
/** The shipped data with every review date moved to `reviewBy`, but for one exemption code due on `oneDue`. */
function dataReviewedBy(reviewBy: string, oneDue: string): ReferenceData {
  const rules = shipped.lmiaWageRules;
  const dated = <T extends { reviewBy: string }>(rows: readonly T[]) =>
    rows.map((row) => ({ ...row, reviewBy }));
  return {
    ...shipped,
    exemptionCodes: shipped.exemptionCodes.map((code, index) => ({
      ...code,
      reviewBy: index === 0 ? oneDue : reviewBy,
    })),
    lmiaWageRules: {
      ...rules,
      highWageThresholds: dated(rules.highWageThresholds),
      lowWageCaps: dated(rules.lowWageCaps),
      lowWageMaxDurations: dated(rules.lowWageMaxDurations),
      cmaRefusal: { ...rules.cmaRefusal, reviewBy },
      shippedRefusedCmas: { ...rules.shippedRefusedCmas, reviewBy },
    },
  };
}

function run(args: string[], options: { data?: ReferenceData; now?: Date } = {}) {
  const lines: string[] = [];
  const code = checkReferenceData(args, {
    out: (line) => lines.push(line),
    data: options.data,
    now: options.now ? () => options.now! : undefined,
  });
  return { code, output: lines.join('\n') };
}

describe('check-reference-data', () => {
  const data = dataReviewedBy('2027-06-30', '2027-01-31');

  it('exits 0 when no row is past its review date, on the injected day', () => {
    const result = run([], { data, now: new Date('2027-01-15T12:00:00Z') });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(
      /^All \d+ reference rows are within their review date \(today 2027-01-15\)/,
    );
  });

  it('exits 1 with the row past review listed first', () => {
    const result = run([], { data, now: new Date('2027-02-01T12:00:00Z') });
    expect(result.code).toBe(1);
    const lines = result.output.split('\n');
    expect(lines[0]).toMatch(/^1 of \d+ reference rows are past their review date \(today 2027-02-01\):/);
    expect(lines[2]).toMatch(
      new RegExp(`^2027-01-31  PAST  exemption code ${shipped.exemptionCodes[0].code} `),
    );
  });

  it('takes --today over the clock', () => {
    expect(run(['--today', '2027-02-01'], { data, now: new Date('2027-01-15T12:00:00Z') }).code).toBe(1);
    expect(run(['--today=2027-01-15'], { data, now: new Date('2027-12-31T12:00:00Z') }).code).toBe(0);
  });

  it('exits 2 on a bad --today or an unknown option', () => {
    expect(run(['--today', '2027-13-45'], { data })).toEqual({
      code: 2,
      output: '--today must be a date written YYYY-MM-DD',
    });
    expect(run(['--yesterday'], { data }).code).toBe(2);
  });

  it('reads the shipped data: within review on 2025-01-01, the lapsed CMA list past review on 2026-12-04', () => {
    expect(run(['--today', '2025-01-01']).code).toBe(0);
    const result = run(['--today', '2026-12-04']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('PAST  shipped refused-CMA list 2025-07-11 to 2025-10-09');
  });
});
