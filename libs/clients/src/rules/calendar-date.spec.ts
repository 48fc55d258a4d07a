import { dateOfBirthProblem, isCalendarDate, todayIn } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real days in YYYY-MM-DD only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of [
      '2023-02-29',
      '2026-13-01',
      '2026-02-30',
      '17/05/1994',
      '1994-5-17',
      '1994-05-17T00:00:00Z',
      '',
      19940517,
      null,
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it("tells today's date in the firm's time zone", () => {
    const lateEvening = new Date('2026-11-23T03:30:00Z');
    expect(todayIn('America/Vancouver', lateEvening)).toBe('2026-11-22');
    expect(todayIn('Asia/Kolkata', lateEvening)).toBe('2026-11-23');
  });

  it('refuses a date of birth in the future, before 1900 or not a date', () => {
    expect(dateOfBirthProblem('1994-05-17', '2026-11-22')).toBeNull();
    expect(dateOfBirthProblem('2026-11-22', '2026-11-22')).toBeNull();
    expect(dateOfBirthProblem('2026-11-23', '2026-11-22')).toMatch(/future/);
    expect(dateOfBirthProblem('1899-12-31', '2026-11-22')).toMatch(/1900/);
    expect(dateOfBirthProblem('1994-02-30', '2026-11-22')).toMatch(/date/);
  });
});
