import { compareTzdataReleases, TZDATA_MINIMUM } from '@app/config';
import { assignFairly, rankConsultants } from './fair-assignment';
import { toLocalIso } from './local-time';
import {
  checkStart,
  computeSlots,
  weeklyRangeProblems,
  type AvailabilityRules,
  type SlotQuery,
  type TimeSpan,
} from './slots';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function rules(overrides: Partial<AvailabilityRules> = {}): AvailabilityRules {
  return {
    timezone: 'America/Toronto',
    weekly: EVERY_DAY.map((weekday) => ({ weekday, start: '09:00', end: '10:00' })),
    bufferMinutes: 0,
    minNoticeHours: 0,
    maxDaysAhead: 800, // tests run from 2026-01-01 to dates in 2027
    slotIntervalMinutes: 30,
    ...overrides,
  };
}

function slots(
  query: Partial<Omit<SlotQuery, 'from' | 'to' | 'now'>> & { from: string; to: string; now?: string },
): string[] {
  return computeSlots({
    durationMinutes: 30,
    availability: rules(),
    booked: [],
    timeOff: [],
    ...query,
    now: new Date(query.now ?? '2026-01-01T00:00:00Z'),
    from: new Date(query.from),
    to: new Date(query.to),
  }).map((s) => s.startsAt.toISOString());
}

const span = (from: string, until: string): TimeSpan => ({
  from: Date.parse(from),
  until: Date.parse(until),
});

describe('computeSlots', () => {
  it('runs with tzdata that knows British Columbia stays on UTC-7 from 2026-11-01', () => {
    expect(compareTzdataReleases(process.versions.tz ?? '0000a', TZDATA_MINIMUM)).toBeGreaterThanOrEqual(0);
  });

  it('puts slots on the grid inside the weekly hours, several ranges a day', () => {
    const availability = rules({
      weekly: [
        { weekday: 1, start: '09:00', end: '10:30' },
        { weekday: 1, start: '13:00', end: '14:00' },
      ],
    });
    // Monday 2026-12-07, Toronto on EST (UTC-5).
    expect(slots({ availability, from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z' })).toEqual([
      '2026-12-07T14:00:00.000Z',
      '2026-12-07T14:30:00.000Z',
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T18:00:00.000Z',
      '2026-12-07T18:30:00.000Z',
    ]);
  });

  it('only offers a slot whose whole consultation fits in the range', () => {
    const availability = rules({ weekly: [{ weekday: 1, start: '09:00', end: '10:00' }] });
    const sixty = computeSlots({
      now: new Date('2026-01-01T00:00:00Z'),
      from: new Date('2026-12-07T00:00:00Z'),
      to: new Date('2026-12-08T00:00:00Z'),
      durationMinutes: 60,
      availability,
      booked: [],
      timeOff: [],
    });
    expect(sixty.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['2026-12-07T14:00:00.000Z', '2026-12-07T15:00:00.000Z'],
    ]);
  });

  describe('America/Toronto across DST', () => {
    it('keeps 09:00 local on both sides of spring-forward (2027-03-14): 14:00Z before, 13:00Z after', () => {
      expect(
        slots({
          from: '2027-03-13T00:00:00Z',
          to: '2027-03-16T00:00:00Z',
          availability: rules({ slotIntervalMinutes: 60 }),
        }),
      ).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z', '2027-03-15T13:00:00.000Z']);
    });

    it('skips the local times the spring-forward gap removes', () => {
      const availability = rules({ weekly: [{ weekday: 7, start: '01:00', end: '04:00' }] });
      const starts = slots({ availability, from: '2027-03-14T00:00:00Z', to: '2027-03-15T00:00:00Z' });
      expect(starts).toEqual([
        '2027-03-14T06:00:00.000Z', // 01:00 EST
        '2027-03-14T06:30:00.000Z', // 01:30 EST
        '2027-03-14T07:00:00.000Z', // 03:00 EDT: 02:00-02:59 do not exist
        '2027-03-14T07:30:00.000Z', // 03:30 EDT
      ]);
      expect(starts.map((s) => toLocalIso(Date.parse(s), 'America/Toronto'))).toEqual([
        '2027-03-14T01:00:00-05:00',
        '2027-03-14T01:30:00-05:00',
        '2027-03-14T03:00:00-04:00',
        '2027-03-14T03:30:00-04:00',
      ]);
    });

    it('starts a range whose start does not exist at the moment the clocks jump', () => {
      const availability = rules({ weekly: [{ weekday: 7, start: '02:30', end: '04:00' }] });
      expect(slots({ availability, from: '2027-03-14T00:00:00Z', to: '2027-03-15T00:00:00Z' })).toEqual([
        '2027-03-14T07:00:00.000Z',
        '2027-03-14T07:30:00.000Z',
      ]);
    });

    it('keeps 09:00 local on both sides of fall-back (2026-11-01): 13:00Z before, 14:00Z after', () => {
      expect(
        slots({
          from: '2026-10-31T00:00:00Z',
          to: '2026-11-03T00:00:00Z',
          availability: rules({ slotIntervalMinutes: 60 }),
        }),
      ).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']);
    });

    it('offers both occurrences of the repeated fall-back hour, as the two real hours they are', () => {
      const availability = rules({
        weekly: [{ weekday: 7, start: '00:00', end: '03:00' }],
        slotIntervalMinutes: 60,
      });
      const starts = computeSlots({
        now: new Date('2026-01-01T00:00:00Z'),
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-11-02T00:00:00Z'),
        durationMinutes: 60,
        availability,
        booked: [],
        timeOff: [],
      }).map((s) => toLocalIso(s.startsAt.getTime(), 'America/Toronto'));
      // 00:00 EDT to 03:00 EST is four real hours.
      expect(starts).toEqual([
        '2026-11-01T00:00:00-04:00',
        '2026-11-01T01:00:00-04:00',
        '2026-11-01T01:00:00-05:00',
        '2026-11-01T02:00:00-05:00',
      ]);
    });
  });

  describe('America/Vancouver before and after 2026-11-01 (UTC-7 all year)', () => {
    const vancouver = rules({ timezone: 'America/Vancouver', slotIntervalMinutes: 60 });

    it('is 16:00Z at 09:00 in summer time before the change', () => {
      expect(
        slots({ availability: vancouver, from: '2026-10-26T00:00:00Z', to: '2026-10-27T00:00:00Z' }),
      ).toEqual(['2026-10-26T16:00:00.000Z']);
    });

    it('stays 16:00Z at 09:00 after 2026-11-01, in winter and the next summer (old rules would say 17:00Z)', () => {
      expect(
        slots({ availability: vancouver, from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z' }),
      ).toEqual(['2026-11-02T16:00:00.000Z']);
      expect(
        slots({ availability: vancouver, from: '2026-12-14T00:00:00Z', to: '2026-12-15T00:00:00Z' }),
      ).toEqual(['2026-12-14T16:00:00.000Z']);
      expect(
        slots({ availability: vancouver, from: '2027-03-15T00:00:00Z', to: '2027-03-16T00:00:00Z' }),
      ).toEqual(['2027-03-15T16:00:00.000Z']);
      expect(
        slots({ availability: vancouver, from: '2027-07-12T00:00:00Z', to: '2027-07-13T00:00:00Z' }),
      ).toEqual(['2027-07-12T16:00:00.000Z']);
    });

    it('has no repeated hour on 2026-11-01: the clocks do not go back', () => {
      const availability = rules({
        timezone: 'America/Vancouver',
        weekly: [{ weekday: 7, start: '00:00', end: '03:00' }],
        slotIntervalMinutes: 60,
      });
      expect(slots({ availability, from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' })).toEqual([
        '2026-11-01T07:00:00.000Z',
        '2026-11-01T08:00:00.000Z',
        '2026-11-01T09:00:00.000Z',
      ]);
    });
  });

  it('gives a visitor in Asia/Kolkata the same instants in their local time, across their midnight', () => {
    const availability = rules({
      weekly: [{ weekday: 2, start: '12:00', end: '14:00' }],
      slotIntervalMinutes: 60,
    });
    const found = computeSlots({
      now: new Date('2026-01-01T00:00:00Z'),
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2026-12-02T00:00:00Z'),
      durationMinutes: 60,
      availability,
      booked: [],
      timeOff: [],
    });
    expect(found.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-01T17:00:00.000Z',
      '2026-12-01T18:00:00.000Z',
    ]);
    expect(found.map((s) => toLocalIso(s.startsAt.getTime(), 'Asia/Kolkata'))).toEqual([
      '2026-12-01T22:30:00+05:30',
      '2026-12-01T23:30:00+05:30',
    ]);
    expect(toLocalIso(found[1].endsAt.getTime(), 'Asia/Kolkata')).toBe('2026-12-02T00:30:00+05:30');
  });

  it('keeps the buffer free after other consultations and after the new one', () => {
    const availability = rules({
      weekly: [{ weekday: 1, start: '08:00', end: '11:00' }],
      slotIntervalMinutes: 15,
      bufferMinutes: 15,
    });
    // Booked 09:00-09:30 local (14:00Z), holding until 09:45 with its buffer.
    const booked = [span('2026-12-07T14:00:00Z', '2026-12-07T14:45:00Z')];
    const starts = slots({ availability, booked, from: '2026-12-07T13:00:00Z', to: '2026-12-07T16:00:00Z' });
    expect(starts).toContain('2026-12-07T13:15:00.000Z'); // 08:15-08:45, its buffer ends 09:00
    expect(starts).not.toContain('2026-12-07T13:30:00.000Z'); // 08:30-09:00, its buffer would run into 09:00
    expect(starts).not.toContain('2026-12-07T14:30:00.000Z'); // inside the other's buffer
    expect(starts).toContain('2026-12-07T14:45:00.000Z'); // right after the buffer
  });

  it('leaves out slots before the minimum notice', () => {
    const availability = rules({ minNoticeHours: 24, slotIntervalMinutes: 60 });
    // Now: 2026-12-07 09:30 local. 09:00 on the 8th is 23.5 h away; on the 9th, fine.
    expect(
      slots({
        availability,
        now: '2026-12-07T14:30:00Z',
        from: '2026-12-07T00:00:00Z',
        to: '2026-12-10T00:00:00Z',
      }),
    ).toEqual(['2026-12-09T14:00:00.000Z']);
  });

  it('leaves out time off, to the minute', () => {
    const timeOff = [span('2026-12-07T14:30:00Z', '2026-12-08T14:30:00Z')];
    expect(slots({ timeOff, from: '2026-12-07T00:00:00Z', to: '2026-12-09T00:00:00Z' })).toEqual([
      '2026-12-07T14:00:00.000Z',
      '2026-12-08T14:30:00.000Z',
    ]);
  });

  it('stops at the horizon: today plus maxDaysAhead, in the consultant zone', () => {
    const availability = rules({ maxDaysAhead: 2, slotIntervalMinutes: 60 });
    // Now: 2026-12-07 23:30 local (04:30Z on the 8th): today is the 7th, the last bookable day the 9th.
    expect(
      slots({
        availability,
        now: '2026-12-08T04:30:00Z',
        from: '2026-12-07T00:00:00Z',
        to: '2026-12-20T00:00:00Z',
      }),
    ).toEqual(['2026-12-08T14:00:00.000Z', '2026-12-09T14:00:00.000Z']);
  });

  it('returns nothing without weekly hours or for an empty window', () => {
    expect(
      slots({
        availability: rules({ weekly: [] }),
        from: '2026-12-07T00:00:00Z',
        to: '2026-12-14T00:00:00Z',
      }),
    ).toEqual([]);
    expect(slots({ from: '2026-12-07T00:00:00Z', to: '2026-12-07T00:00:00Z' })).toEqual([]);
  });
});

describe('checkStart', () => {
  const base = {
    now: new Date('2026-12-07T12:00:00Z'),
    durationMinutes: 30,
    availability: rules({ minNoticeHours: 1, maxDaysAhead: 10, bufferMinutes: 10 }),
    booked: [span('2026-12-08T14:00:00Z', '2026-12-08T14:40:00Z')],
    timeOff: [span('2026-12-09T00:00:00Z', '2026-12-10T00:00:00Z')],
  };
  const check = (start: string) => checkStart({ ...base, start: new Date(start) });

  it('accepts a slot', () => {
    expect(check('2026-12-07T14:00:00Z')).toBe('ok');
    expect(check('2026-12-07T14:30:00Z')).toBe('ok');
  });

  it('names the first reason a start is not a slot', () => {
    expect(check('2026-12-07T11:00:00Z')).toBe('past');
    expect(check('2026-12-07T12:30:00Z')).toBe('notice');
    expect(check('2026-12-18T14:00:00Z')).toBe('horizon');
    expect(check('2026-12-07T14:10:00Z')).toBe('off_grid');
    expect(check('2026-12-07T16:00:00Z')).toBe('unavailable');
    expect(check('2026-12-07T14:45:00Z')).toBe('unavailable'); // would end after 10:00
    expect(check('2026-12-09T14:00:00Z')).toBe('time_off');
    expect(check('2026-12-08T14:00:00Z')).toBe('taken');
    expect(check('2026-12-08T14:30:00Z')).toBe('taken'); // inside the other's buffer
  });
});

describe('any consultant', () => {
  const slot = (iso: string) => ({
    startsAt: new Date(iso),
    endsAt: new Date(Date.parse(iso) + 30 * 60_000),
  });
  const zone = 'America/Toronto';

  it('gives each start to the free consultant with the fewest bookings that week, ties to the lowest id', () => {
    const assigned = assignFairly(
      [
        {
          consultantId: 'a',
          slots: [slot('2026-12-07T14:00:00Z'), slot('2026-12-07T15:00:00Z')],
          bookedStarts: [Date.parse('2026-12-08T14:00:00Z')],
        },
        {
          consultantId: 'b',
          slots: [slot('2026-12-07T14:00:00Z'), slot('2026-12-14T15:00:00Z')],
          bookedStarts: [],
        },
        {
          consultantId: 'c',
          slots: [slot('2026-12-14T15:00:00Z')],
          bookedStarts: [Date.parse('2026-12-01T14:00:00Z')],
        },
      ],
      zone,
    );
    expect(assigned.map((s) => [s.startsAt.toISOString(), s.consultantId])).toEqual([
      ['2026-12-07T14:00:00.000Z', 'b'], // a has one booking that week
      ['2026-12-07T15:00:00.000Z', 'a'], // only a is free
      ['2026-12-14T15:00:00.000Z', 'b'], // the next week both are at zero (c's booking was an earlier week): lower id
    ]);
  });

  it('ranks consultants for a booking the same way, so a lost race can go to the next', () => {
    const start = Date.parse('2026-12-07T14:00:00Z');
    expect(
      rankConsultants(
        [
          {
            consultantId: 'c',
            bookedStarts: [Date.parse('2026-12-08T14:00:00Z'), Date.parse('2026-12-09T14:00:00Z')],
          },
          { consultantId: 'b', bookedStarts: [Date.parse('2026-12-08T15:00:00Z')] },
          { consultantId: 'a', bookedStarts: [Date.parse('2026-12-10T15:00:00Z')] },
        ],
        start,
        zone,
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('weeklyRangeProblems', () => {
  it('accepts ranges up to 24:00 and several a day', () => {
    expect(
      weeklyRangeProblems([
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '17:00' },
        { weekday: 5, start: '18:00', end: '24:00' },
      ]),
    ).toEqual({});
  });

  it('names ranges that end before they start or overlap another on the same day', () => {
    expect(
      weeklyRangeProblems([
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '10:00', end: '09:00' },
      ]),
    ).toEqual({
      'weekly.1': ['overlaps weekly.0 on the same weekday'],
      'weekly.2.end': ['end must be after start'],
    });
  });
});
