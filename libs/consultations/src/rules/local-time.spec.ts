import { DateTime } from 'luxon';
import { weekKeys, weekOf } from './fair-assignment';
import {
  addDays,
  instantsOfWallTime,
  isInstant,
  localDateOf,
  parseBound,
  rangeEndInstant,
  rangeStartInstant,
  toLocalIso,
  weekdayOf,
} from './local-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wall times and instants', () => {
  it('finds one instant for an ordinary local time', () => {
    expect(instantsOfWallTime('2026-12-01', 9 * 60, 'America/Toronto').map(iso)).toEqual([
      '2026-12-01T14:00:00.000Z',
    ]);
  });

  it('finds none for a time the spring-forward gap skips, and two for a repeated fall-back time', () => {
    expect(instantsOfWallTime('2027-03-14', 2 * 60 + 30, 'America/Toronto')).toEqual([]);
    expect(instantsOfWallTime('2026-11-01', 90, 'America/Toronto').map(iso)).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
  });

  it('starts a range at the first occurrence and ends it at the last; a skipped time maps to the jump', () => {
    expect(iso(rangeStartInstant('2026-11-01', 60, 'America/Toronto'))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(rangeEndInstant('2026-11-01', 60, 'America/Toronto'))).toBe('2026-11-01T06:00:00.000Z');
    expect(iso(rangeStartInstant('2027-03-14', 150, 'America/Toronto'))).toBe('2027-03-14T07:00:00.000Z');
    expect(iso(rangeEndInstant('2027-03-14', 150, 'America/Toronto'))).toBe('2027-03-14T07:00:00.000Z');
  });

  it('reads 24:00 as the next midnight', () => {
    expect(iso(rangeEndInstant('2026-12-01', 24 * 60, 'America/Vancouver'))).toBe('2026-12-02T07:00:00.000Z');
  });

  it('works for zones with half-hour offsets and none', () => {
    expect(instantsOfWallTime('2026-12-01', 22 * 60 + 30, 'Asia/Kolkata').map(iso)).toEqual([
      '2026-12-01T17:00:00.000Z',
    ]);
    expect(instantsOfWallTime('2026-12-01', 0, 'UTC').map(iso)).toEqual(['2026-12-01T00:00:00.000Z']);
    expect(toLocalIso(Date.parse('2026-12-01T17:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-01T22:30:00+05:30');
  });
});

describe('parseBound and isInstant', () => {
  it('reads a day as the start of that day (from) or of the next (to) in the zone', () => {
    expect(parseBound('2026-12-01', 'Asia/Kolkata', 'from').toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(parseBound('2026-12-01', 'America/Vancouver', 'to').toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
    expect(parseBound('2026-12-01T17:00:00+01:00', 'America/Toronto', 'from').toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
  });

  it('only takes instants that carry a zone', () => {
    expect(isInstant('2026-12-01T17:00:00Z')).toBe(true);
    expect(isInstant('2026-12-01T17:00:00.000-05:00')).toBe(true);
    expect(isInstant('2026-12-01T17:00:00')).toBe(false);
    expect(isInstant('2026-02-30T17:00:00Z')).toBe(false);
    expect(isInstant('tomorrow')).toBe(false);
  });
});

describe('toLocalIso and weekKeys (cached offsets and weeks)', () => {
  const zones = [
    'America/Toronto',
    'America/Vancouver',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Europe/London',
    'UTC',
    'Etc/UTC',
  ];
  // Every quarter hour over both 2026 DST changes in North America and Europe, and a stretch around Lord Howe's.
  const instants = [
    ...Array.from({ length: 4 * 72 }, (_, i) => Date.UTC(2026, 2, 7) + i * 15 * 60_000),
    ...Array.from({ length: 4 * 72 }, (_, i) => Date.UTC(2026, 9, 24) + i * 15 * 60_000),
    ...Array.from({ length: 4 * 72 }, (_, i) => Date.UTC(2026, 3, 3) + i * 15 * 60_000),
  ];

  it('formats exactly as luxon does, across offset changes', () => {
    for (const zone of zones) {
      for (const ms of instants) {
        expect(toLocalIso(ms, zone)).toBe(
          DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }),
        );
      }
    }
  });

  it('gives each instant the week weekOf gives it', () => {
    for (const zone of zones) {
      const weekOfInstant = weekKeys(zone);
      for (const ms of instants.filter((_, i) => i % 7 === 0)) {
        expect(weekOfInstant(ms)).toBe(weekOf(ms, zone));
      }
    }
  });
});

describe('calendar days without luxon', () => {
  it('agree with luxon over three years, in several zones', () => {
    const mismatches: string[] = [];
    for (let day = 0; day < 3 * 366; day += 1) {
      const date = DateTime.fromISO('2025-12-20', { zone: 'UTC' }).plus({ days: day }).toISODate() as string;
      expect(addDays(date, 1)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate());
      expect(addDays(date, -40)).toBe(
        DateTime.fromISO(date, { zone: 'UTC' }).minus({ days: 40 }).toISODate(),
      );
      expect(weekdayOf(date)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).weekday);
    }
    for (const zone of ['America/Toronto', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) {
      for (let ms = Date.UTC(2026, 2, 1); ms < Date.UTC(2026, 11, 1); ms += 97 * 60_000) {
        const expected = DateTime.fromMillis(ms, { zone }).toISODate();
        if (localDateOf(ms, zone) !== expected) {
          mismatches.push(
            `localDateOf(${new Date(ms).toISOString()}, ${zone}) = ${localDateOf(ms, zone)}, luxon ${expected}`,
          );
        }
      }
    }
    // Collected, then compared once: an expect() per instant cost more than luxon.
    expect(mismatches).toEqual([]);
  });
});
