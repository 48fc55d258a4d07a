import ICAL from 'ical.js';
import { buildInvite, escapeText, foldLine, type InviteInput } from './calendar-invite';

const input: InviteInput = {
  method: 'REQUEST',
  uid: '7b6c1c9e-0000-4000-8000-000000000001@permitdesk.example',
  sequence: 2,
  now: new Date('2026-11-20T10:00:00Z'),
  startsAt: new Date('2026-12-01T17:00:00Z'),
  endsAt: new Date('2026-12-01T17:30:00Z'),
  summary: 'Évaluation de permis de travail – Amélie Tremblay',
  description: 'Consultation; bring your passport, LMIA and offer.\nSecond line',
  location: 'Video call',
  url: 'https://permitdesk.example/book/manage/abc',
  organizer: { name: 'Amélie "RCIC" Tremblay', email: 'amelie@firm.ca' },
  attendee: { name: 'Priya Sharma', email: 'priya@example.com' },
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event };
}

describe('buildInvite', () => {
  it('writes an invite calendars can read: UTC times, UID, SEQUENCE, METHOD, organizer and attendee', () => {
    const { calendar, event } = parse(buildInvite(input));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(input.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    const start = event.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    expect(start.toJSDate().toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(start.zone?.tzid).toBe('UTC');
    expect((event.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe('2026-12-01T17:30:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe(input.summary);
    expect(event.getFirstPropertyValue('description')).toBe(`${input.description}\n\n${input.url}`);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:amelie@firm.ca');
    expect(event.getFirstProperty('organizer')!.getParameter('cn')).toBe('Amélie RCIC Tremblay');
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:priya@example.com');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const { calendar, event } = parse(buildInvite({ ...input, method: 'CANCEL', sequence: 3 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe(input.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('uses CRLF line endings and folds long lines at 75 octets without splitting a character', () => {
    const ics = buildInvite({ ...input, description: 'é'.repeat(200) });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parse(ics).event.getFirstPropertyValue('description')).toBe(`${'é'.repeat(200)}\n\n${input.url}`);
  });

  it('escapes text values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(foldLine('x'.repeat(80))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(5)}`);
  });
});
