import { governmentFeesOn } from './government-fees';

const cents = (on: string) => Object.fromEntries(governmentFeesOn(on).map((f) => [f.key, f.cents]));

describe('governmentFeesOn', () => {
  it('gives the current amounts', () => {
    expect(cents('2026-12-05')).toEqual({
      work_permit: 15_500,
      open_work_permit_holder: 10_000,
      employer_compliance: 23_000,
      lmia_processing: 100_000,
      biometrics_individual: 8_500,
      biometrics_family_max: 17_000,
      restoration: 24_625,
    });
  });

  it('keeps past restoration amounts for past days', () => {
    expect(cents('2024-11-30').restoration).toBe(22_900);
    expect(cents('2024-12-01').restoration).toBe(23_975);
    expect(cents('2025-11-30').restoration).toBe(23_975);
    expect(cents('2025-12-01').restoration).toBe(24_625);
  });

  it('leaves out a fee not yet in force', () => {
    expect(cents('2014-01-01').lmia_processing).toBeUndefined();
  });
});
