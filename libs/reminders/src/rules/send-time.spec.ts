import { DateTime } from 'luxon';
import { addDays, daysBetween, sendInstant } from './send-time';

/** The luxon definitions the fast paths must match. */
const luxon = {
  sendInstant(day: string, hour: number, zone: string): Date {
    const at = DateTime.fromISO(day, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 });
    if (!at.isValid) {
      throw new Error(`invalid: ${day} ${hour} ${zone}`);
    }
    return at.toJSDate();
  },
  addDays(day: string, days: number): string | null {
    return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate();
  },
  daysBetween(from: string, to: string): number {
    return Math.round(
      DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days,
    );
  },
};

/** Every calendar day from `from` to `to` included. */
function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    days.push(d.toISODate()!);
  }
  return days;
}

/** The first two and last two days of every month from `from` to `to`. */
function monthEdges(from: string, to: string): string[] {
  return everyDay(from, to).filter((day) => {
    const d = DateTime.fromISO(day, { zone: 'UTC' });
    return d.day <= 2 || d.day >= d.daysInMonth! - 1;
  });
}

// Every day of a leap winter (2027-12 to 2028-03), month and year ends from 2023-12 on, leap days (2000, 2024, 2028;
// not 2100). Plain UTC arithmetic only goes wrong at such edges; every day of four years cost 6.5 s of CPU.
const DAYS = [
  ...monthEdges('2023-12-01', '2027-11-30'),
  ...everyDay('2027-12-01', '2028-03-31'),
  '1999-12-31',
  '2000-02-28',
  '2000-02-29',
  '2000-03-01',
  '2099-12-31',
  '2100-02-28',
  '2100-03-01',
];
const OFFSETS = [
  -400, -366, -365, -31, -30, -29, -28, -1, 0, 1, 2, 7, 28, 29, 30, 31, 60, 90, 120, 180, 365, 366, 1000,
];
const ZONES = [
  'America/Toronto',
  'America/Vancouver',
  'America/St_Johns',
  'America/Regina',
  'Europe/London',
  'Australia/Lord_Howe',
  'UTC',
];

describe('addDays and daysBetween (plain UTC arithmetic on YYYY-MM-DD)', () => {
  it('match luxon over a leap winter, every month end of 2023-12 to 2027-11 and around leap days, for offsets of up to a few years', () => {
    const mismatches: string[] = [];
    for (const day of DAYS) {
      for (const offset of OFFSETS) {
        const expected = luxon.addDays(day, offset);
        const actual = addDays(day, offset);
        if (actual !== expected) {
          mismatches.push(`addDays(${day}, ${offset}) = ${actual}, luxon ${expected}`);
        }
        const between = daysBetween(day, expected!);
        if (between !== offset || between !== luxon.daysBetween(day, expected!)) {
          mismatches.push(`daysBetween(${day}, ${expected}) = ${between}, expected ${offset}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('treat other forms as luxon does: other ISO forms parsed, impossible days rejected', () => {
    expect(addDays('20270115', 1)).toBe(luxon.addDays('20270115', 1));
    expect(addDays('2027-01-15T10:00:00Z', 1)).toBe(luxon.addDays('2027-01-15T10:00:00Z', 1));
    expect(addDays('0999-12-31', 1)).toBe(luxon.addDays('0999-12-31', 1));
    expect(addDays('9999-12-31', 1)).toBe(luxon.addDays('9999-12-31', 1));
    expect(() => addDays('2027-02-30', 1)).toThrow('Not a calendar day: 2027-02-30');
    expect(() => addDays('not a day', 1)).toThrow('Not a calendar day');
    expect(daysBetween('2027-02-30', '2027-03-01')).toBeNaN();
    expect(daysBetween('2027-01-15T23:00:00Z', '2027-01-17')).toBe(
      luxon.daysBetween('2027-01-15T23:00:00Z', '2027-01-17'),
    );
  });
});

describe('sendInstant (cached per day, hour and zone)', () => {
  const days = everyDay('2025-12-25', '2027-12-31');

  it('matches luxon for every hour around the DST changes and at month and year ends, first and cached calls', () => {
    const mismatches: string[] = [];
    const dstDays = [
      '2026-03-08',
      '2026-11-01',
      '2026-03-29',
      '2026-10-25',
      '2026-04-05',
      '2026-10-04',
      '2027-03-14',
      '2027-11-07',
    ];
    const hours = Array.from({ length: 24 }, (_, h) => h);
    for (const zone of ZONES) {
      for (const day of [...dstDays, '2026-01-31', '2026-02-28', '2026-12-31', '2027-01-01']) {
        for (const hour of hours) {
          const expected = luxon.sendInstant(day, hour, zone).toISOString();
          for (const call of ['first', 'cached']) {
            const actual = sendInstant(day, hour, zone).toISOString();
            if (actual !== expected) {
              mismatches.push(`${call} sendInstant(${day}, ${hour}, ${zone}) = ${actual}, luxon ${expected}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('stays right once the cache is full (more distinct keys than it keeps)', () => {
    const mismatches: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const zone of ['America/Toronto', 'Europe/London', 'America/St_Johns']) {
        for (const day of days) {
          for (const hour of [0, 2, 8]) {
            const actual = sendInstant(day, hour, zone).getTime();
            const expected = luxon.sendInstant(day, hour, zone).getTime();
            if (actual !== expected) {
              mismatches.push(`${day} ${hour} ${zone}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('returns a Date of its own each time', () => {
    const first = sendInstant('2026-12-19', 8, 'America/Toronto');
    first.setTime(0);
    expect(sendInstant('2026-12-19', 8, 'America/Toronto').toISOString()).toBe('2026-12-19T13:00:00.000Z');
  });

  it('throws for an unknown zone or an impossible day, every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => sendInstant('2026-12-19', 8, 'Mars/Olympus_Mons')).toThrow(
        /Cannot place 2026-12-19 8:00 in Mars\/Olympus_Mons/,
      );
      expect(() => sendInstant('2026-02-30', 8, 'America/Toronto')).toThrow(/Cannot place 2026-02-30/);
    }
  });
});
