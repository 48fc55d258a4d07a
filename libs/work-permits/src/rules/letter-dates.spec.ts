import { addDays, deriveLetterDueDates, pgwpWindow } from './letter-dates';

const periods = { biometrics_letter: 30, medical_letter: 30, pfl_letter: null };

describe('due dates from IRCC letters', () => {
  it('counts calendar days from the letter', () => {
    expect(addDays('2026-12-04', 30)).toBe('2027-01-03');
    expect(addDays('2027-02-15', 30)).toBe('2027-03-17');
    expect(addDays('2028-02-15', 30)).toBe('2028-03-16');
  });

  it('derives biometrics and medical due dates from the letter date and the period', () => {
    const { columns, errors } = deriveLetterDueDates(
      { biometricsLetterOn: '2026-12-04', medicalLetterOn: '2026-11-20' },
      {},
      periods,
    );
    expect(errors).toEqual({});
    expect(columns).toEqual({ biometricsDueOn: '2027-01-03', medicalDueOn: '2026-12-20' });
  });

  it('uses the firm period when it differs from the default', () => {
    const { columns } = deriveLetterDueDates(
      { biometricsLetterOn: '2026-12-04' },
      {},
      { biometrics_letter: 14 },
    );
    expect(columns.biometricsDueOn).toBe('2026-12-18');
  });

  it('keeps a due date given explicitly (the letter states another date)', () => {
    const { columns, errors } = deriveLetterDueDates(
      { biometricsLetterOn: '2026-12-04', biometricsDueOn: '2027-03-04' },
      {},
      periods,
    );
    expect(errors).toEqual({});
    expect(columns).toEqual({});
  });

  it('re-derives when only the letter date changes', () => {
    const { columns } = deriveLetterDueDates(
      { biometricsLetterOn: '2026-12-10' },
      { biometricsLetterOn: '2026-12-04', biometricsDueOn: '2027-01-03' },
      periods,
    );
    expect(columns.biometricsDueOn).toBe('2027-01-09');
  });

  it('asks for the due date of a procedural-fairness letter, which has no default period', () => {
    const { errors } = deriveLetterDueDates({ pflLetterOn: '2026-12-04' }, {}, periods);
    expect(errors.pflResponseDueOn?.[0]).toContain(
      'IRCC sets no default period for a procedural-fairness letter',
    );
    expect(
      deriveLetterDueDates({ pflLetterOn: '2026-12-04', pflResponseDueOn: '2026-12-19' }, {}, periods).errors,
    ).toEqual({});
    expect(deriveLetterDueDates({ pflLetterOn: '2026-12-04' }, {}, { pfl_letter: 30 }).columns).toEqual({
      pflResponseDueOn: '2027-01-03',
    });
  });

  it('refuses a due date before its letter', () => {
    const { errors } = deriveLetterDueDates(
      { medicalDueOn: '2026-11-01' },
      { medicalLetterOn: '2026-11-20', medicalDueOn: '2026-12-20' },
      periods,
    );
    expect(errors.medicalDueOn?.[0]).toContain('cannot be before medicalLetterOn');
  });
});

describe('the PGWP window', () => {
  it('runs 180 days from the final marks; working while waiting needs applying before the study permit ends', () => {
    expect(pgwpWindow({ completedOn: '2026-12-04', studyPermitExpiresOn: '2027-08-31', days: 180 })).toEqual({
      applyBy: '2027-06-02',
      studyPermitEndsOn: '2027-03-04',
      eligible: true,
      keepWorkingIfAppliedBy: '2027-03-04',
    });
  });

  it('is closed to a graduate whose study permit expired before the marks came out', () => {
    expect(
      pgwpWindow({ completedOn: '2026-12-04', studyPermitExpiresOn: '2026-11-30', days: 180 }).eligible,
    ).toBe(false);
  });
});
