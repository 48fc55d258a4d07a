import ICAL from 'ical.js';
import {
  buildCalendarFeed,
  buildInvite,
  consultationEvent,
  meetingLocation,
  summarizeInvite,
  type InviteConsultation,
  type InviteInput,
} from './calendar-invite';

const input: InviteInput = {
  method: 'REQUEST',
  uid: '7b6c1c9e-0000-4000-8000-000000000001@permitdesk.example',
  sequence: 2,
  cancelled: false,
  now: new Date('2026-11-20T10:00:00Z'),
  startsAt: new Date('2026-12-01T17:00:00Z'),
  endsAt: new Date('2026-12-01T17:30:00Z'),
  summary: 'Évaluation de permis de travail – Amélie Tremblay',
  description: 'Consultation; bring your passport, LMIA and offer.\nSecond line',
  location: 'Video call: https://meet.example.ca/amelie',
  url: 'https://permitdesk.example/book/manage/abc',
  organizer: { name: 'Amélie "RCIC" Tremblay', email: 'amelie@firm.ca' },
  attendee: { name: 'Priya Sharma', email: 'priya@example.com' },
};

const consultation: InviteConsultation = {
  id: '7b6c1c9e-0000-4000-8000-000000000001',
  sequence: 0,
  status: 'booked',
  startsAt: new Date('2026-12-01T17:00:00Z'),
  endsAt: new Date('2026-12-01T17:30:00Z'),
  mode: 'video',
  language: 'en',
  type: { name: 'Work permit assessment', nameFr: 'Évaluation de permis de travail' },
  consultant: { name: 'Amélie Tremblay', email: 'amelie@firm.ca' },
  client: { firstName: 'Priya', lastName: 'Sharma', email: 'priya@example.com' },
};

const consultantPlaces = {
  videoLink: 'https://meet.example.ca/amelie',
  phoneNumber: null,
  officeAddress: null,
};
const typePlaces = {
  videoLink: 'https://meet.example.ca/firm',
  phoneNumber: '+1 604 555 0100',
  officeAddress: '1055 W Georgia St, Vancouver, BC',
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event };
}

const iso = (value: unknown) => (value as InstanceType<typeof ICAL.Time>).toJSDate().toISOString();

describe('buildInvite', () => {
  it('writes an invite calendars can read: UTC times, UID, SEQUENCE, DTSTAMP, METHOD, organizer, attendee, location', () => {
    const { calendar, event } = parse(buildInvite(input));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(input.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    const start = event.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    expect(start.toJSDate().toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(start.zone?.tzid).toBe('UTC');
    expect(iso(event.getFirstPropertyValue('dtend'))).toBe('2026-12-01T17:30:00.000Z');
    expect(iso(event.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T10:00:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe(input.summary);
    expect(event.getFirstPropertyValue('description')).toBe(`${input.description}\n\n${input.url}`);
    expect(event.getFirstPropertyValue('location')).toBe('Video call: https://meet.example.ca/amelie');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:amelie@firm.ca');
    expect(event.getFirstProperty('organizer')!.getParameter('cn')).toBe('Amélie RCIC Tremblay');
    const attendee = event.getFirstProperty('attendee')!;
    expect(String(attendee.getFirstValue()).replace(/^mailto:/i, 'mailto:')).toBe('mailto:priya@example.com');
    expect(attendee.getParameter('cn')).toBe('Priya Sharma');
    expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendee.getParameter('partstat')).toBe('ACCEPTED');
    expect(attendee.getParameter('rsvp')).toBe('FALSE');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID', () => {
    const { calendar, event } = parse(buildInvite({ ...input, method: 'CANCEL', sequence: 3 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe(input.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('uses CRLF line endings and folds long lines at 75 octets, multi-byte text intact', () => {
    const ics = buildInvite({ ...input, description: 'é'.repeat(200) });
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parse(ics).event.getFirstPropertyValue('description')).toBe(`${'é'.repeat(200)}\n\n${input.url}`);
  });

  it('cannot be broken by names with quotes, line breaks or property syntax', () => {
    const ics = buildInvite({
      ...input,
      attendee: { name: 'Eve"\r\nX-INJECT:1;ROLE=CHAIR', email: 'eve@example.com' },
    });
    expect(ics).not.toMatch(/^X-INJECT/m);
    const { event } = parse(ics);
    expect(event.getAllProperties('attendee')).toHaveLength(1);
    expect(event.getFirstProperty('attendee')!.getParameter('role')).toBe('REQ-PARTICIPANT');
  });
});

describe('consultationEvent', () => {
  const host = 'permitdesk.example.ca';

  it('gives every copy of a consultation the same UID on the APP_URL host and its SEQUENCE', () => {
    const client = consultationEvent(consultation, {
      host,
      places: [consultantPlaces],
      audience: 'client',
      manageUrl: 'https://x/book/manage/t',
    });
    const staff = consultationEvent(
      { ...consultation, sequence: 4 },
      { host, places: [consultantPlaces], audience: 'consultant' },
    );
    expect(client.uid).toBe(`${consultation.id}@permitdesk.example.ca`);
    expect(staff.uid).toBe(client.uid);
    expect([client.sequence, staff.sequence]).toEqual([0, 4]);
    expect(client.url).toBe('https://x/book/manage/t');
    expect(staff.url).toBeUndefined();
    expect(client.summary).toBe('Work permit assessment – Amélie Tremblay');
    expect(staff.summary).toBe('Work permit assessment – Priya Sharma');
    expect(client.organizer).toEqual({ name: 'Amélie Tremblay', email: 'amelie@firm.ca' });
    expect(client.attendee).toEqual({ name: 'Priya Sharma', email: 'priya@example.com' });
  });

  it.each([
    ['video', [consultantPlaces, typePlaces], 'Video call: https://meet.example.ca/amelie'],
    ['video', [{}, typePlaces], 'Video call: https://meet.example.ca/firm'],
    ['phone', [consultantPlaces, typePlaces], 'Phone call: +1 604 555 0100'],
    ['in_person', [consultantPlaces, typePlaces], 'In person: 1055 W Georgia St, Vancouver, BC'],
    ['in_person', [consultantPlaces], 'In person'],
  ])(
    'LOCATION for %s comes from the consultant, else the type, else the mode in words',
    (mode, places, expected) => {
      const event = consultationEvent({ ...consultation, mode }, { host, places, audience: 'client' });
      expect(event.location).toBe(expected);
      expect(
        parse(buildInvite({ ...event, method: 'REQUEST', now: new Date() })).event.getFirstPropertyValue(
          'location',
        ),
      ).toBe(expected);
    },
  );

  it("writes the client's copy in French when they booked in French", () => {
    const event = consultationEvent(
      { ...consultation, language: 'fr', mode: 'phone' },
      { host, places: [typePlaces], audience: 'client' },
    );
    expect(event.summary).toBe('Évaluation de permis de travail – Amélie Tremblay');
    expect(event.location).toBe('Appel téléphonique: +1 604 555 0100');
    expect(meetingLocation('video', [], 'fr')).toBe('Appel vidéo');
  });

  it('marks a cancelled consultation', () => {
    expect(
      consultationEvent(
        { ...consultation, status: 'cancelled' },
        { host, places: [], audience: 'consultant' },
      ).cancelled,
    ).toBe(true);
  });
});

describe('buildCalendarFeed', () => {
  it('lists every consultation with the same UID and SEQUENCE as its invites, cancelled ones as CANCELLED', () => {
    const host = 'permitdesk.example.ca';
    const booked = consultationEvent(consultation, {
      host,
      places: [consultantPlaces],
      audience: 'consultant',
    });
    const cancelled = consultationEvent(
      { ...consultation, id: '7b6c1c9e-0000-4000-8000-000000000002', status: 'cancelled', sequence: 1 },
      { host, places: [], audience: 'consultant' },
    );
    const ics = buildCalendarFeed({
      name: 'PermitDesk – Amélie Tremblay',
      now: new Date('2026-11-20T10:00:00Z'),
      events: [booked, cancelled],
    });
    const { calendar } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('PermitDesk – Amélie Tremblay');
    const events = calendar.getAllSubcomponents('vevent');
    expect(
      events.map((e) => [
        e.getFirstPropertyValue('uid'),
        e.getFirstPropertyValue('sequence'),
        e.getFirstPropertyValue('status'),
      ]),
    ).toEqual([
      [`${consultation.id}@permitdesk.example.ca`, 0, 'CONFIRMED'],
      ['7b6c1c9e-0000-4000-8000-000000000002@permitdesk.example.ca', 1, 'CANCELLED'],
    ]);
    expect(iso(events[0].getFirstPropertyValue('dtstart'))).toBe('2026-12-01T17:00:00.000Z');
  });
});

describe('summarizeInvite', () => {
  it('reads back what staff need to see of an attached invite', () => {
    const ics = buildInvite({
      ...input,
      summary: 'A, long; summary '.repeat(8),
      method: 'CANCEL',
      sequence: 5,
    });
    expect(summarizeInvite(ics)).toEqual({
      method: 'CANCEL',
      uid: input.uid,
      sequence: 5,
      status: 'CANCELLED',
      summary: 'A, long; summary '.repeat(8),
      location: input.location,
      startsAt: '2026-12-01T17:00:00.000Z',
      endsAt: '2026-12-01T17:30:00.000Z',
    });
  });
});
