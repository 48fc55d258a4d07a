import { GOVERNMENT_FEES } from '../../data/government-fees.data';
import { dollars } from '../../reports/billing-report-csv';

export interface MilestoneInput {
  label: string;
  labelFr: string;
  amountCents: number;
}

export interface FeeScheduleServiceInput {
  name: string;
  nameFr: string;
  stream: 'TFWP' | 'IMP' | null;
  professionalFeeCents: number;
  governmentFeeKeys: string[];
  milestones: MilestoneInput[];
  active: boolean;
}

export const GOVERNMENT_FEE_KEYS: readonly string[] = GOVERNMENT_FEES.map((fee) => fee.key);

const isWholeCents = (value: number) => Number.isSafeInteger(value) && value >= 0;

/**
 * What is wrong with a service's fee and payment plan, field by field (empty when nothing is): whole non-negative
 * cents, known government fees named once, and milestones that add up exactly to the professional fee.
 */
export function feeScheduleProblems(input: FeeScheduleServiceInput): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (!isWholeCents(input.professionalFeeCents)) {
    add('professionalFeeCents', 'professionalFeeCents must be a whole, non-negative number of cents');
  }
  const unknown = input.governmentFeeKeys.filter((key) => !GOVERNMENT_FEE_KEYS.includes(key));
  if (unknown.length > 0) {
    add(
      'governmentFeeKeys',
      `governmentFeeKeys names unknown government fees (${unknown.join(', ')}); known: ${GOVERNMENT_FEE_KEYS.join(', ')}`,
    );
  }
  if (new Set(input.governmentFeeKeys).size !== input.governmentFeeKeys.length) {
    add('governmentFeeKeys', 'governmentFeeKeys names a government fee twice');
  }
  input.milestones.forEach((milestone, index) => {
    if (!isWholeCents(milestone.amountCents)) {
      add(`milestones.${index}.amountCents`, 'amountCents must be a whole, non-negative number of cents');
    }
  });
  if (
    Object.keys(problems).some((field) => field.startsWith('milestones.')) ||
    problems.professionalFeeCents
  ) {
    return problems;
  }
  if (input.professionalFeeCents > 0 && input.milestones.length === 0) {
    add('milestones', 'milestones must hold at least one payment when the fee is not zero');
    return problems;
  }
  const allocated = input.milestones.reduce((sum, m) => sum + m.amountCents, 0);
  if (allocated !== input.professionalFeeCents) {
    const gap = input.professionalFeeCents - allocated;
    add(
      'milestones',
      `milestones must add up to the professional fee (${dollars(input.professionalFeeCents)}); they add up to ` +
        `${dollars(allocated)}, ${gap > 0 ? `${dollars(gap)} left to allocate` : `${dollars(-gap)} too much`}`,
    );
  }
  return problems;
}
