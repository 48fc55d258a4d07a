import { loadReferenceData } from '../reference-data.loader';
import { classifyWage, hourlyWage, ruleOn } from './lmia-wage-rules';

const rules = loadReferenceData().lmiaWageRules;

describe('LMIA wage rules as dated data', () => {
  it('uses the provincial median as the high-wage threshold before 2024-11-08, the median + 20% after', () => {
    expect(classifyWage(rules, 'ON', 30, '2024-10-01')).toMatchObject({
      wageClass: 'high_wage',
      thresholdCad: 28.39,
    });
    expect(classifyWage(rules, 'ON', 30, '2024-11-08')).toMatchObject({
      wageClass: 'low_wage',
      thresholdCad: 34.07,
    });
    expect(classifyWage(rules, 'ON', 35, '2025-06-27')).toMatchObject({
      wageClass: 'low_wage',
      thresholdCad: 36,
    });
    expect(classifyWage(rules, 'BC', 36.6, '2026-12-04')).toMatchObject({
      wageClass: 'high_wage',
      thresholdCad: 36.6,
    });
  });

  it('every threshold from 2024-11-08 is the 2024 median times 1.2', () => {
    const medians = ruleOn(rules.highWageThresholds, '2024-06-01')!.hourlyCad;
    const raised = ruleOn(rules.highWageThresholds, '2025-01-01')!.hourlyCad;
    for (const [province, median] of Object.entries(medians)) {
      expect(raised[province as keyof typeof raised]).toBeCloseTo(median * 1.2, 1);
    }
  });

  it('knows no threshold before the first dated rule', () => {
    expect(classifyWage(rules, 'ON', 30, '2020-01-01')).toBeUndefined();
  });

  it('caps low-wage TFWs at 10% and their employment at 12 months from 2024-09-26', () => {
    expect(ruleOn(rules.lowWageCaps, '2024-09-25')?.percent).toBe(20);
    expect(ruleOn(rules.lowWageCaps, '2024-09-26')?.percent).toBe(10);
    expect(ruleOn(rules.lowWageMaxDurations, '2026-12-04')?.months).toBe(12);
    expect(ruleOn(rules.lowWageMaxDurations, '2024-01-01')).toBeUndefined();
  });

  it('ships a dated list of CMAs where low-wage LMIAs are refused at 6% unemployment or more', () => {
    expect(rules.cmaRefusal.unemploymentRateAtOrAbove).toBe(6);
    expect(rules.shippedRefusedCmas.effectiveFrom).toBe('2025-07-11');
    expect(rules.shippedRefusedCmas.cmas).toHaveLength(26);
    expect(rules.shippedRefusedCmas.cmas.every((cma) => (cma.unemploymentRate ?? 0) >= 6)).toBe(true);
  });

  it('turns weekly, monthly and yearly wages into hourly ones at 40 hours a week', () => {
    expect(hourlyWage(1600, 'week')).toBe(40);
    expect(hourlyWage(83200, 'year')).toBe(40);
    expect(hourlyWage(6933.33, 'month')).toBeCloseTo(40, 1);
  });
});
