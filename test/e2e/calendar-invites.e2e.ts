// A long spec by design: every invite path (emails, download, feed) against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS, publicBooking, setHours } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';
const HOST = 'permitdesk.example.ca';

interface ParsedEvent {
  method: string | null;
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  location: string | null;
  organizer: string;
  organizerCn: string | null;
  attendee: string | null;
  attendeeCn: string | null;
  attendeeRole: string | null;
  attendeePartstat: string | null;
  attendeeRsvp: string | null;
}

/** Every VEVENT of an iCalendar text, parsed with ical.js; URIs' scheme in lower case (it is case-insensitive). */
function parseCalendar(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const method = calendar.getFirstPropertyValue('method');
  const lower = (uri: unknown) => String(uri).replace(/^mailto:/i, 'mailto:');
  return calendar.getAllSubcomponents('vevent').map((event) => {
    const time = (name: string) =>
      (event.getFirstPropertyValue(name) as InstanceType<typeof ICAL.Time>).toJSDate().toISOString();
    const attendee = event.getFirstProperty('attendee');
    const organizer = event.getFirstProperty('organizer')!;
    const param = (p: typeof attendee, name: string) =>
      p ? ((p.getParameter(name) as string | undefined) ?? null) : null;
    return {
      method: method === null ? null : String(method),
      uid: String(event.getFirstPropertyValue('uid')),
      sequence: Number(event.getFirstPropertyValue('sequence')),
      status: String(event.getFirstPropertyValue('status')),
      start: time('dtstart'),
      end: time('dtend'),
      location: (event.getFirstPropertyValue('location') as string | null) ?? null,
      organizer: lower(organizer.getFirstValue()),
      organizerCn: param(organizer, 'cn'),
      attendee: attendee ? lower(attendee.getFirstValue()) : null,
      attendeeCn: param(attendee, 'cn'),
      attendeeRole: param(attendee, 'role'),
      attendeePartstat: param(attendee, 'partstat'),
      attendeeRsvp: param(attendee, 'rsvp'),
    };
  });
}

function inviteOf(mail: ReceivedEmail): ParsedEvent {
  const part = mail.raw.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  const [event] = parseCalendar(part!.content.toString('utf8'));
  return event;
}

describe('calendar invites that calendars merge: emails, the booking page download and the consultant feed', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let rajesh: SignedInClient;
  let amelie: SignedInClient;
  let typeId: string;
  let people = 0;
  const email = () => `invitee${++people}-${process.pid}@example.com`;
  const feedTokens: string[] = [];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        ...LIFTED_BOOKING_LIMITS,
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    rajesh = await t.signedInAs(StaffRole.Consultant, {
      name: 'Rajesh Patel',
      email: `rajesh-inv-${process.pid}@firm.example.ca`,
    });
    amelie = await t.signedInAs(StaffRole.Consultant, {
      name: 'Amélie Tremblay',
      email: `amelie-inv-${process.pid}@firm.example.ca`,
    });
    // Rajesh has his own video room; Amélie relies on the type's settings.
    await setHours(rajesh, rajesh.user.id, { videoLink: 'https://meet.example.ca/rajesh' });
    await setHours(amelie, amelie.user.id);
    typeId = await consultationType(admin, {
      videoLink: 'https://meet.example.ca/firm',
      phoneNumber: '+1 416 555 0100',
      officeAddress: '100 King St W, Suite 5600, Toronto, ON M5X 1C9',
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  async function book(
    body: Record<string, unknown>,
  ): Promise<{ id: string; manageUrl: string; token: string; visitor: string }> {
    const visitor = email();
    const { id, manageUrl, token } = await publicBooking(t, { type: typeId, email: visitor, ...body });
    return { id, manageUrl, token, visitor };
  }

  const mailsTo = (to: string, n: number, what: string) =>
    waitFor(() => (sink.to(to).length >= n ? sink.to(to) : null), 10_000, what);

  describe('settings', () => {
    it('validates the meeting places on types and availability, and shows them back', async () => {
      const bad = await admin
        .post('/api/consultation-types')
        .send({
          name: 'X',
          nameFr: 'X',
          durationMinutes: 30,
          videoLink: 'http://insecure.example',
          phoneNumber: 'call me',
          officeAddress: 'a\nb',
        })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['officeAddress', 'phoneNumber', 'videoLink']);
      const type = await admin.get('/api/consultation-types').expect(200);
      expect(type.body.items.find((i: { id: string }) => i.id === typeId)).toMatchObject({
        videoLink: 'https://meet.example.ca/firm',
        phoneNumber: '+1 416 555 0100',
        officeAddress: '100 King St W, Suite 5600, Toronto, ON M5X 1C9',
      });
      const availability = await rajesh.get(`/api/consultants/${rajesh.user.id}/availability`).expect(200);
      expect(availability.body).toMatchObject({
        videoLink: 'https://meet.example.ca/rajesh',
        phoneNumber: null,
        officeAddress: null,
      });
      await admin
        .patch(`/api/consultation-types/${typeId}`)
        .send({ videoLink: 'javascript:alert(1)' })
        .expect(400);
    });
  });

  describe('one event everywhere', () => {
    it('confirmation, download, move, feed and cancellation share the UID; SEQUENCE rises; CANCEL at the end', async () => {
      const booked = await book({
        consultantId: rajesh.user.id,
        startsAt: '2026-12-01T15:00:00Z',
        mode: 'video',
      });
      const uid = `${booked.id}@${HOST}`;

      // The confirmation: METHOD:REQUEST, organizer the consultant, attendee the client, LOCATION his video room.
      const [confirmation] = await mailsTo(booked.visitor, 1, 'the confirmation');
      expect(inviteOf(confirmation)).toEqual({
        method: 'REQUEST',
        uid,
        sequence: 0,
        status: 'CONFIRMED',
        start: '2026-12-01T15:00:00.000Z',
        end: '2026-12-01T15:30:00.000Z',
        location: 'Video call: https://meet.example.ca/rajesh',
        organizer: `mailto:${rajesh.user.email}`,
        organizerCn: 'Rajesh Patel',
        attendee: `mailto:${booked.visitor}`,
        attendeeCn: 'Priya Sharma',
        attendeeRole: 'REQ-PARTICIPANT',
        attendeePartstat: 'ACCEPTED',
        attendeeRsvp: 'FALSE',
      });
      // The email says where too.
      expect(confirmation.text).toContain('https://meet.example.ca/rajesh');
      // The consultant's notice carries the same event.
      const notice = await waitFor(
        () => sink.to(rajesh.user.email).find((m) => m.text.includes(booked.visitor)),
        10_000,
        'the notice',
      );
      expect(inviteOf(notice)).toMatchObject({ uid, sequence: 0, method: 'PUBLISH' });

      // The booking page's download: the same event, as a copy.
      const download = await t.http().get(`/api/public/bookings/${booked.token}/invite.ics`).expect(200);
      expect(download.headers['content-type']).toMatch(/^text\/calendar/);
      expect(parseCalendar(download.text)).toEqual([
        expect.objectContaining({
          method: 'PUBLISH',
          uid,
          sequence: 0,
          start: '2026-12-01T15:00:00.000Z',
          location: 'Video call: https://meet.example.ca/rajesh',
        }),
      ]);

      // Staff see what the email carried.
      const outbox = await admin.get('/api/emails').query({ to: booked.visitor }).expect(200);
      expect(outbox.body.items[0].invite).toMatchObject({
        method: 'REQUEST',
        uid,
        sequence: 0,
        status: 'CONFIRMED',
        startsAt: '2026-12-01T15:00:00.000Z',
        summary: 'Work permit assessment – Rajesh Patel',
      });

      // Moved by the client: the same UID, SEQUENCE 1, still a REQUEST.
      await t
        .http()
        .post(`/api/public/bookings/${booked.token}/reschedule`)
        .send({ startsAt: '2026-12-01T16:00:00Z' })
        .expect(200);
      const [, moved] = await mailsTo(booked.visitor, 2, 'the move');
      expect(inviteOf(moved)).toMatchObject({
        method: 'REQUEST',
        uid,
        sequence: 1,
        start: '2026-12-01T16:00:00.000Z',
      });
      const downloadAfterMove = await t
        .http()
        .get(`/api/public/bookings/${booked.token}/invite.ics`)
        .expect(200);
      expect(parseCalendar(downloadAfterMove.text)[0]).toMatchObject({
        uid,
        sequence: 1,
        start: '2026-12-01T16:00:00.000Z',
      });

      // The consultant's feed: the same UID and SEQUENCE.
      const feed = await rajesh.post(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(201);
      feedTokens.push(/\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.body.url)![1]);
      expect(feed.body.url).toMatch(new RegExp(`^${APP_URL}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      expect(feed.body.webcalUrl).toBe(feed.body.url.replace('https:', 'webcal:'));
      const path = new URL(feed.body.url).pathname;
      const feedText = (
        await t
          .http()
          .get(path)
          .expect(200)
          .expect('Content-Type', /^text\/calendar/)
      ).text;
      expect(parseCalendar(feedText).find((e) => e.uid === uid)).toMatchObject({
        method: 'PUBLISH',
        sequence: 1,
        status: 'CONFIRMED',
        start: '2026-12-01T16:00:00.000Z',
        organizer: `mailto:${rajesh.user.email}`,
        attendee: `mailto:${booked.visitor}`,
        location: 'Video call: https://meet.example.ca/rajesh',
      });

      // Cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 2, in the email and in the feed.
      await t.http().post(`/api/public/bookings/${booked.token}/cancel`).expect(200);
      const [, , cancellation] = await mailsTo(booked.visitor, 3, 'the cancellation');
      expect(inviteOf(cancellation)).toMatchObject({
        method: 'CANCEL',
        uid,
        sequence: 2,
        status: 'CANCELLED',
      });
      const feedAfter = (await t.http().get(path).expect(200)).text;
      expect(parseCalendar(feedAfter).find((e) => e.uid === uid)).toMatchObject({
        sequence: 2,
        status: 'CANCELLED',
      });
      // The used-up link no longer downloads.
      await t.http().get(`/api/public/bookings/${booked.token}/invite.ics`).expect(404);
    });

    it.each([
      ['phone', 'Phone call: +1 416 555 0100'],
      ['in_person', 'In person: 100 King St W, Suite 5600, Toronto, ON M5X 1C9'],
      ['video', 'Video call: https://meet.example.ca/firm'],
    ])(
      'LOCATION for a %s consultation comes from the type when the consultant has none',
      async (mode, location) => {
        const slot = {
          phone: '2026-12-02T15:00:00Z',
          in_person: '2026-12-02T16:00:00Z',
          video: '2026-12-02T17:00:00Z',
        }[mode]!;
        const booked = await book({ consultantId: amelie.user.id, startsAt: slot, mode });
        const [confirmation] = await mailsTo(booked.visitor, 1, 'the confirmation');
        expect(inviteOf(confirmation)).toMatchObject({
          uid: `${booked.id}@${HOST}`,
          location,
          organizer: `mailto:${amelie.user.email}`,
        });
        expect(confirmation.text).toContain(location.slice(location.indexOf(': ') + 2));
      },
    );

    it('a move and a cancellation by staff keep the UID and raise SEQUENCE', async () => {
      const booked = await book({ consultantId: amelie.user.id, startsAt: '2026-12-03T15:00:00Z' });
      await mailsTo(booked.visitor, 1, 'the confirmation');
      await amelie
        .patch(`/api/consultations/${booked.id}`)
        .send({ startsAt: '2026-12-03T18:00:00Z' })
        .expect(200);
      await admin.patch(`/api/consultations/${booked.id}`).send({ status: 'cancelled' }).expect(200);
      const mails = await mailsTo(booked.visitor, 3, 'the move and the cancellation');
      expect(mails.map(inviteOf).map((e) => [e.method, e.uid, e.sequence])).toEqual([
        ['REQUEST', `${booked.id}@${HOST}`, 0],
        ['REQUEST', `${booked.id}@${HOST}`, 1],
        ['CANCEL', `${booked.id}@${HOST}`, 2],
      ]);
    });
  });

  describe('the consultant feed', () => {
    it('shows its status without the token, regenerates (old address dead) and revokes (404)', async () => {
      const first = await amelie.post(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(201);
      const firstPath = new URL(first.body.url).pathname;
      feedTokens.push(firstPath.slice('/api/calendar/'.length, -'.ics'.length));
      await t.http().get(firstPath).expect(200);
      const status = await amelie.get(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(200);
      expect(status.body).toMatchObject({ consultantId: amelie.user.id, active: true, lastFetchedAt: NOW });
      expect(JSON.stringify(status.body)).not.toContain(feedTokens.at(-1));
      const [row] = await t.dataSource.query(
        'SELECT token_hash FROM calendar_feeds WHERE consultant_id = $1',
        [amelie.user.id],
      );
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);

      // Regenerated by an admin: the old address stops working.
      const second = await admin.post(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(201);
      const secondPath = new URL(second.body.url).pathname;
      feedTokens.push(secondPath.slice('/api/calendar/'.length, -'.ics'.length));
      await t.http().get(firstPath).expect(404);
      await t.http().get(secondPath).expect(200);

      // Revoked by the consultant: 404, and a second revoke is a 404 too.
      await amelie.delete(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(204);
      await t.http().get(secondPath).expect(404);
      await amelie.delete(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(404);
      expect(
        (await amelie.get(`/api/consultants/${amelie.user.id}/calendar-feed`).expect(200)).body,
      ).toMatchObject({ active: false });
    });

    it('answers 404 for a wrong or malformed token', async () => {
      const wrong = 'A'.repeat(42) + 'B';
      await t.http().get(`/api/calendar/${wrong}.ics`).expect(404);
      await t.http().get('/api/calendar/not-a-token.ics').expect(404);
      await t.http().get('/api/calendar/.ics').expect(404);
    });

    it("lets nobody but the consultant and admins touch a consultant's feed (404)", async () => {
      const own = await rajesh.post(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(201);
      feedTokens.push(new URL(own.body.url).pathname.slice('/api/calendar/'.length, -'.ics'.length));
      await amelie.delete(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(404);
      await amelie.post(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(404);
      await amelie.get(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(404);
      await assistant.post(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(404);
      await t.http().post(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(401);
      // Rajesh's feed still works.
      await t.http().get(new URL(own.body.url).pathname).expect(200);
      // An admin may revoke it.
      await admin.delete(`/api/consultants/${rajesh.user.id}/calendar-feed`).expect(204);
      await t.http().get(new URL(own.body.url).pathname).expect(404);
    });

    it('keeps consultants to their own outbox, invites included', async () => {
      const mine = await rajesh.get('/api/emails').expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((e: { to: string }) => e.to === rajesh.user.email)).toBe(true);
      expect(mine.body.items.some((e: { invite: unknown }) => e.invite !== null)).toBe(true);
      const all = await assistant.get('/api/emails').expect(200);
      expect(all.body.items.some((e: { to: string }) => e.to !== rajesh.user.email)).toBe(true);
    });

    it('never writes a feed token to the logs', () => {
      expect(feedTokens.length).toBeGreaterThanOrEqual(3);
      const log = readFileSync(t.logFile, 'utf8');
      // The requests were logged (the check is not vacuous) ...
      expect(log).toContain('/api/calendar/[redacted]');
      // ... without their tokens.
      for (const token of feedTokens) {
        expect(log).not.toContain(token);
      }
    });
  });
});
