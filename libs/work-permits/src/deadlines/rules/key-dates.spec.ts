import { DeadlineKind } from '../deadline.entity';
import { defaultTitle, isKeyDateKind, keyDateFieldOf, planKeyDateSync } from './key-dates';

describe('key-date mapping', () => {
  it('maps each key date of a file to its deadline kind and back', () => {
    expect(keyDateFieldOf(DeadlineKind.PermitExpiry)).toBe('permitExpiresOn');
    expect(keyDateFieldOf(DeadlineKind.Biometrics)).toBe('biometricsDueOn');
    expect(keyDateFieldOf(DeadlineKind.Medical)).toBe('medicalDueOn');
    expect(keyDateFieldOf(DeadlineKind.PflResponse)).toBe('pflResponseDueOn');
    expect(keyDateFieldOf(DeadlineKind.LmiaExpiry)).toBe('lmiaExpiresOn');
  });

  it('leaves the kinds staff add by hand without a file column', () => {
    for (const kind of [
      DeadlineKind.DocumentRequest,
      DeadlineKind.PassportExpiry,
      DeadlineKind.StatusExpiry,
      DeadlineKind.Custom,
    ]) {
      expect(keyDateFieldOf(kind)).toBeUndefined();
      expect(isKeyDateKind(kind)).toBe(false);
    }
  });

  it('has a title for every kind', () => {
    for (const kind of Object.values(DeadlineKind)) {
      expect(defaultTitle(kind).length).toBeGreaterThan(0);
    }
  });
});

describe('planKeyDateSync', () => {
  it('creates a deadline for every key date set on a new file, none for dates not set', () => {
    const plan = planKeyDateSync(
      {
        permitExpiresOn: '2028-12-31',
        biometricsDueOn: '2027-01-10',
        medicalDueOn: null,
        lmiaExpiresOn: undefined,
      },
      [],
    );
    expect(plan.create).toEqual([
      { kind: DeadlineKind.PermitExpiry, dueOn: '2028-12-31' },
      { kind: DeadlineKind.Biometrics, dueOn: '2027-01-10' },
    ]);
    expect(plan.move).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('moves a deadline whose date changed, removes one whose date was cleared, leaves the rest', () => {
    const existing = [
      { id: 'a', kind: DeadlineKind.PermitExpiry, dueOn: '2028-12-31' },
      { id: 'b', kind: DeadlineKind.Biometrics, dueOn: '2027-01-10' },
      { id: 'c', kind: DeadlineKind.PflResponse, dueOn: '2027-02-01' },
    ];
    const plan = planKeyDateSync(
      {
        permitExpiresOn: '2029-06-30',
        biometricsDueOn: null,
        pflResponseDueOn: '2027-02-01',
        medicalDueOn: '2027-03-03',
      },
      existing,
    );
    expect(plan.create).toEqual([{ kind: DeadlineKind.Medical, dueOn: '2027-03-03' }]);
    expect(plan.move).toEqual([
      { id: 'a', kind: DeadlineKind.PermitExpiry, from: '2028-12-31', to: '2029-06-30' },
    ]);
    expect(plan.remove).toEqual([{ id: 'b', kind: DeadlineKind.Biometrics, dueOn: '2027-01-10' }]);
  });

  it('does nothing when file and deadlines agree', () => {
    const plan = planKeyDateSync({ lmiaExpiresOn: '2027-04-01' }, [
      { id: 'x', kind: DeadlineKind.LmiaExpiry, dueOn: '2027-04-01' },
    ]);
    expect(plan).toEqual({ create: [], move: [], remove: [] });
  });
});
