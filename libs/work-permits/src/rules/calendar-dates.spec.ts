import { addMonths, calendarDateIn, calendarYearIn, isCalendarDate } from './calendar-dates';
import { formatFileNumber, FILE_NUMBER_PATTERN } from './file-number';

describe('calendar dates', () => {
  it('accepts real days written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  it('reads the day and year in the firm time zone', () => {
    const lateOnNewYearsEve = new Date('2027-01-01T04:30:00Z'); // 23:30 on Dec 31 in Toronto
    expect(calendarDateIn(lateOnNewYearsEve, 'America/Toronto')).toBe('2026-12-31');
    expect(calendarYearIn(lateOnNewYearsEve, 'America/Toronto')).toBe(2026);
    expect(calendarYearIn(lateOnNewYearsEve, 'UTC')).toBe(2027);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-10-01', 6)).toBe('2027-04-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});

describe('file numbers', () => {
  it('pads the sequence to 5 digits and keeps growing past it', () => {
    expect(formatFileNumber(2026, 42)).toBe('WP-2026-00042');
    expect(formatFileNumber(2026, 1)).toBe('WP-2026-00001');
    expect(formatFileNumber(2026, 123456)).toBe('WP-2026-123456');
    expect(FILE_NUMBER_PATTERN.test(formatFileNumber(2027, 7))).toBe(true);
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatFileNumber(2026, 0)).toThrow();
    expect(() => formatFileNumber(2026, 1.5)).toThrow();
  });
});
