import { compareTzdataReleases, TZDATA_MINIMUM } from '@app/config';
import { isOverdue, todayIn } from './today';

describe('todayIn', () => {
  it('runs with tzdata that knows British Columbia stays on UTC-7 from 2026-11-01', () => {
    expect(compareTzdataReleases(process.versions.tz ?? '0000a', TZDATA_MINIMUM)).toBeGreaterThanOrEqual(0);
  });

  it('turns over at midnight in America/Toronto, not at midnight UTC', () => {
    // 2026-03-10: Toronto is on EDT (UTC-4).
    expect(todayIn(new Date('2026-03-11T03:59:59Z'), 'America/Toronto')).toBe('2026-03-10');
    expect(todayIn(new Date('2026-03-11T04:00:00Z'), 'America/Toronto')).toBe('2026-03-11');
    // 2026-12-10: Toronto is on EST (UTC-5).
    expect(todayIn(new Date('2026-12-11T04:59:59Z'), 'America/Toronto')).toBe('2026-12-10');
    expect(todayIn(new Date('2026-12-11T05:00:00Z'), 'America/Toronto')).toBe('2026-12-11');
  });

  it('turns over at midnight in America/Vancouver, on UTC-7 all year after 2026-11-01', () => {
    // Before the change, winter was PST (UTC-8).
    expect(todayIn(new Date('2026-01-15T07:59:59Z'), 'America/Vancouver')).toBe('2026-01-14');
    expect(todayIn(new Date('2026-01-15T08:00:00Z'), 'America/Vancouver')).toBe('2026-01-15');
    // After it, 2026-12-10 00:00 in Vancouver is 07:00 UTC (old tzdata would still say 2026-12-09).
    expect(todayIn(new Date('2026-12-10T06:59:59Z'), 'America/Vancouver')).toBe('2026-12-09');
    expect(todayIn(new Date('2026-12-10T07:00:00Z'), 'America/Vancouver')).toBe('2026-12-10');
  });

  it('gives different days for the same instant in Toronto and Vancouver', () => {
    const now = new Date('2026-12-11T06:30:00Z');
    expect(todayIn(now, 'America/Toronto')).toBe('2026-12-11');
    expect(todayIn(now, 'America/Vancouver')).toBe('2026-12-10');
  });

  it('refuses an unknown zone', () => {
    expect(() => todayIn(new Date(), 'Mars/Olympus')).toThrow('Mars/Olympus');
  });
});

describe('isOverdue', () => {
  const open = (dueOn: string) => ({ dueOn, completedAt: null });

  it('is overdue only once the due day has passed in the firm time zone', () => {
    const lastSecondOfDueDay = new Date('2026-12-11T04:59:59Z'); // 23:59:59 on 2026-12-10 in Toronto
    const midnightAfter = new Date('2026-12-11T05:00:00Z');
    expect(isOverdue(open('2026-12-10'), lastSecondOfDueDay, 'America/Toronto')).toBe(false);
    expect(isOverdue(open('2026-12-10'), midnightAfter, 'America/Toronto')).toBe(true);
  });

  it('depends on the zone: the same instant is overdue in Toronto but not yet in Vancouver', () => {
    const now = new Date('2026-12-11T06:30:00Z');
    expect(isOverdue(open('2026-12-10'), now, 'America/Toronto')).toBe(true);
    expect(isOverdue(open('2026-12-10'), now, 'America/Vancouver')).toBe(false);
    expect(isOverdue(open('2026-12-10'), new Date('2026-12-11T07:00:00Z'), 'America/Vancouver')).toBe(true);
  });

  it('is never overdue once completed, and not on the due day itself', () => {
    const now = new Date('2027-06-01T16:00:00Z');
    expect(
      isOverdue(
        { dueOn: '2027-01-01', completedAt: new Date('2027-01-02T00:00:00Z') },
        now,
        'America/Toronto',
      ),
    ).toBe(false);
    expect(isOverdue(open('2027-06-01'), now, 'America/Toronto')).toBe(false);
  });
});
