import { feeScheduleProblems, type FeeScheduleServiceInput } from './milestones';

const service = (overrides: Partial<FeeScheduleServiceInput> = {}): FeeScheduleServiceInput => ({
  name: 'Work permit extension',
  nameFr: 'Prolongation du permis de travail',
  stream: null,
  professionalFeeCents: 150_000,
  governmentFeeKeys: ['work_permit'],
  milestones: [
    { label: 'On signing', labelFr: 'À la signature', amountCents: 75_000 },
    { label: 'On submission', labelFr: 'Au dépôt', amountCents: 75_000 },
  ],
  active: true,
  ...overrides,
});

describe('feeScheduleProblems', () => {
  it('accepts milestones that add up exactly to the fee', () => {
    expect(feeScheduleProblems(service())).toEqual({});
  });

  it('accepts a free service with no milestone', () => {
    expect(feeScheduleProblems(service({ professionalFeeCents: 0, milestones: [] }))).toEqual({});
  });

  it('names milestones that fall short or go over, with the amount left or too much', () => {
    const short = feeScheduleProblems(
      service({ milestones: [{ label: 'a', labelFr: 'a', amountCents: 100_000 }] }),
    );
    expect(short.milestones[0]).toContain('500.00 left to allocate');
    const over = feeScheduleProblems(
      service({
        milestones: [
          { label: 'a', labelFr: 'a', amountCents: 100_000 },
          { label: 'b', labelFr: 'b', amountCents: 50_001 },
        ],
      }),
    );
    expect(over.milestones[0]).toContain('0.01 too much');
  });

  it('asks for a milestone when the fee is not zero', () => {
    expect(feeScheduleProblems(service({ milestones: [] })).milestones[0]).toContain('at least one');
  });

  it('refuses fractional or negative cents, naming the field', () => {
    expect(Object.keys(feeScheduleProblems(service({ professionalFeeCents: 100.5 })))).toEqual([
      'professionalFeeCents',
    ]);
    const negative = feeScheduleProblems(
      service({
        milestones: [
          { label: 'a', labelFr: 'a', amountCents: 160_000 },
          { label: 'b', labelFr: 'b', amountCents: -10_000 },
        ],
      }),
    );
    expect(Object.keys(negative)).toEqual(['milestones.1.amountCents']);
  });

  it('refuses unknown government fees and a fee named twice', () => {
    const problems = feeScheduleProblems(
      service({ governmentFeeKeys: ['work_permit', 'visa', 'work_permit'] }),
    );
    expect(problems.governmentFeeKeys).toHaveLength(2);
    expect(problems.governmentFeeKeys[0]).toContain('visa');
  });
});
