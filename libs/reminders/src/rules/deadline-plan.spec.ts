import { compareTzdataReleases, TZDATA_MINIMUM } from '@app/config';
import {
  planDeadlineReminders,
  parseDeadlineOffsetKey,
  scheduledKey,
  type DeadlinePlanInput,
} from './deadline-plan';
import { sendInstant } from './send-time';

const NOW = new Date('2026-12-01T15:00:00Z'); // 10:00 in Toronto

function plan(patch: Partial<DeadlinePlanInput> = {}) {
  return planDeadlineReminders({
    dueOn: '2026-12-20',
    offsets: [7, 1],
    isCompleted: false,
    recipients: ['consultant'],
    escalateTo: ['admin'],
    sendHour: 8,
    timeZone: 'America/Toronto',
    now: NOW,
    today: '2026-12-01',
    catchUp: true,
    scheduled: new Map(),
    ...patch,
  }).map((p) => `${p.offsetKey} ${p.recipient} ${p.sendAt.toISOString()}`);
}

describe('planDeadlineReminders', () => {
  it('places each offset at the send hour in the firm zone, and one escalation per admin the morning after', () => {
    expect(plan()).toEqual([
      '1d@2026-12-20 consultant 2026-12-19T13:00:00.000Z',
      '7d@2026-12-20 consultant 2026-12-13T13:00:00.000Z',
      'overdue@2026-12-20 admin 2026-12-21T13:00:00.000Z',
    ]);
  });

  it('sends only the nearest past offset, right away, when the deadline has just changed', () => {
    expect(plan({ offsets: [120, 90, 60, 30, 14, 7] })).toEqual([
      '7d@2026-12-20 consultant 2026-12-13T13:00:00.000Z',
      '14d@2026-12-20 consultant 2026-12-06T13:00:00.000Z',
      `30d@2026-12-20 consultant ${NOW.toISOString()}`,
      'overdue@2026-12-20 admin 2026-12-21T13:00:00.000Z',
    ]);
  });

  it('a policy re-plan (no catch-up) skips past offsets but keeps those already scheduled as they are', () => {
    const kept = new Date('2026-11-30T20:00:00Z');
    expect(plan({ offsets: [60, 30, 14], catchUp: false })).toEqual([
      '14d@2026-12-20 consultant 2026-12-06T13:00:00.000Z',
      'overdue@2026-12-20 admin 2026-12-21T13:00:00.000Z',
    ]);
    expect(
      plan({
        offsets: [60, 30, 14],
        catchUp: false,
        scheduled: new Map([[scheduledKey('30d@2026-12-20', 'consultant'), kept]]),
      }),
    ).toContain(`30d@2026-12-20 consultant ${kept.toISOString()}`);
  });

  it('an overdue deadline: no catch-up before it, an escalation right away (or none without catch-up)', () => {
    expect(plan({ dueOn: '2026-11-28' })).toEqual([`overdue@2026-11-28 admin ${NOW.toISOString()}`]);
    expect(plan({ dueOn: '2026-11-28', catchUp: false })).toEqual([]);
  });

  it('nothing for a completed deadline; each recipient once', () => {
    expect(plan({ isCompleted: true })).toEqual([]);
    expect(plan({ recipients: ['a', 'a', 'b'], escalateTo: [], offsets: [1] })).toEqual([
      '1d@2026-12-20 a 2026-12-19T13:00:00.000Z',
      '1d@2026-12-20 b 2026-12-19T13:00:00.000Z',
    ]);
  });

  it('parses its own keys', () => {
    expect(parseDeadlineOffsetKey('30d@2027-01-15')).toEqual({ days: 30, dueOn: '2027-01-15' });
    expect(parseDeadlineOffsetKey('overdue@2027-01-15')).toEqual({ overdue: true, dueOn: '2027-01-15' });
    expect(parseDeadlineOffsetKey('24h')).toBeNull();
  });
});

describe('sendInstant', () => {
  it('uses current IANA rules: British Columbia stays on UTC-7 from 2026-11-01', () => {
    expect(compareTzdataReleases(process.versions.tz ?? '0000a', TZDATA_MINIMUM)).toBeGreaterThanOrEqual(0);
    expect(sendInstant('2026-12-01', 8, 'America/Vancouver').toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(sendInstant('2026-07-01', 8, 'America/Vancouver').toISOString()).toBe('2026-07-01T15:00:00.000Z');
    expect(sendInstant('2026-12-01', 8, 'America/Toronto').toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(sendInstant('2026-07-01', 8, 'America/Toronto').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
