import { GOVERNMENT_FEES } from '../../data/government-fees.data';

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

/** Cents as plain dollars for messages, by integer arithmetic: 125000 → "1250.00". */
export function plainDollars(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

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
  const allocated = input.milestones.reduce((sum, m) => sum + m.amountCents, 0);
  if (allocated !== input.professionalFeeCents) {
    const gap = input.professionalFeeCents - allocated;
    add(
      'milestones',
      `milestones must add up to the professional fee (${plainDollars(input.professionalFeeCents)}); they add up to ` +
        `${plainDollars(allocated)}, ${gap > 0 ? `${plainDollars(gap)} left to allocate` : `${plainDollars(-gap)} too much`}`,
    );
  }
  if (input.professionalFeeCents > 0 && input.milestones.length === 0) {
    // Covered by the sum above; kept explicit for the message a UI shows first.
    problems.milestones = ['milestones must hold at least one payment when the fee is not zero'];
  }
  return problems;
}
