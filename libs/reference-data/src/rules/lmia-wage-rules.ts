import type { ProvinceCode } from '../reference-data.types';

/** A rule that holds between two days (inclusive; `to` null: still in force), with its source and review date. */
export interface DatedRule {
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  note: string | null;
  checkedOn: string;
  reviewBy: string;
  confidence: string;
}

/** The hourly wage at or above which an LMIA position is high-wage, by province or territory. */
export interface HighWageThreshold extends DatedRule {
  basis: 'median' | 'median_plus_20_percent';
  hourlyCad: Record<ProvinceCode, number>;
}

export interface LowWageCap extends DatedRule {
  percent: number;
}

export interface LowWageMaxDuration extends DatedRule {
  months: number;
}

export interface RefusedCma {
  name: string;
  provinceCode: ProvinceCode;
  /** The rate ESDC quotes; null when the imported list does not give it. */
  unemploymentRate: number | null;
}

/** ESDC's quarterly list of CMAs where low-wage LMIAs are not processed. */
export interface RefusedCmaList {
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  note: string | null;
  cmas: RefusedCma[];
}

export interface LmiaWageRules {
  highWageThresholds: HighWageThreshold[];
  lowWageCaps: LowWageCap[];
  lowWageMaxDurations: LowWageMaxDuration[];
  cmaRefusal: DatedRule & { unemploymentRateAtOrAbove: number; exemptOccupationsNote: string | null };
  /** The list shipped with the product; admins import newer quarters. */
  shippedRefusedCmas: RefusedCmaList & { reviewBy: string };
}

/** The rule in force on a day, if any. */
export function ruleOn<T extends { effectiveFrom: string; effectiveTo: string | null }>(
  rules: readonly T[],
  day: string,
): T | undefined {
  return rules.find(
    (rule) => rule.effectiveFrom <= day && (rule.effectiveTo === null || day <= rule.effectiveTo),
  );
}

/** An hourly equivalent of a wage, assuming 40 hours a week (2,080 a year) for weekly, monthly and yearly wages. */
export function hourlyWage(amount: number, period: 'hour' | 'week' | 'month' | 'year'): number {
  switch (period) {
    case 'hour':
      return amount;
    case 'week':
      return amount / 40;
    case 'month':
      return (amount * 12) / 2080;
    case 'year':
      return amount / 2080;
    default: {
      const unknown: never = period;
      throw new Error(`unknown wage period ${String(unknown)}`);
    }
  }
}

export type WageClass = 'high_wage' | 'low_wage';

export interface WageClassification {
  wageClass: WageClass;
  thresholdCad: number;
  rule: HighWageThreshold;
}

/** High or low wage for a position in a province on a day (the LMIA application date); undefined when no rule applies. */
export function classifyWage(
  rules: LmiaWageRules,
  province: ProvinceCode,
  hourlyCad: number,
  day: string,
): WageClassification | undefined {
  const rule = ruleOn(rules.highWageThresholds, day);
  if (!rule) {
    return undefined;
  }
  const thresholdCad = rule.hourlyCad[province];
  return { wageClass: hourlyCad >= thresholdCad ? 'high_wage' : 'low_wage', thresholdCad, rule };
}

/** Every rule with its review date, for the reference-data check. */
export function datedRulesForReview(
  rules: LmiaWageRules,
): { id: string; reviewBy: string; source: string }[] {
  return [
    ...rules.highWageThresholds.map((rule) => ({
      id: `high-wage threshold from ${rule.effectiveFrom}`,
      reviewBy: rule.reviewBy,
      source: rule.source,
    })),
    ...rules.lowWageCaps.map((rule) => ({
      id: `low-wage cap ${rule.percent}% from ${rule.effectiveFrom}`,
      reviewBy: rule.reviewBy,
      source: rule.source,
    })),
    ...rules.lowWageMaxDurations.map((rule) => ({
      id: `low-wage maximum duration ${rule.months} months from ${rule.effectiveFrom}`,
      reviewBy: rule.reviewBy,
      source: rule.source,
    })),
    {
      id: 'low-wage refusal to process in CMAs >= 6%',
      reviewBy: rules.cmaRefusal.reviewBy,
      source: rules.cmaRefusal.source,
    },
    {
      id: `shipped refused-CMA list ${rules.shippedRefusedCmas.effectiveFrom} to ${rules.shippedRefusedCmas.effectiveTo ?? 'open'}`,
      reviewBy: rules.shippedRefusedCmas.reviewBy,
      source: rules.shippedRefusedCmas.source,
    },
  ];
}
