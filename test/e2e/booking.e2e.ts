// A long spec by design: the whole public booking journey against one app and one SMTP sink.
// Starting an app per file costs seconds, so the cases stay together.
import ICAL from 'ical.js';
import { StaffRole } from '@app/auth';
import { CONSULTATION_SUBJECT } from '@app/consultations';
import { EmailEntity, EmailStatus } from '@app/notifications';
import { ReminderEntity, ReminderStatus, ReminderSubjects } from '@app/reminders';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS, publicBooking, setHours } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto (the firm), 07:00 in Vancouver (the consultant).
const NOW = '2026-11-23T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';
const HOUR = 3_600_000;

interface Slot {
  startsAt: string;
  endsAt: string;
  consultantId: string;
  startsAtLocal: string | null;
  endsAtLocal: string | null;
}

interface Booking {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  startsAtLocal: string;
  timezone: string;
  consultant: { id: string; name: string };
  type: { id: string; name: string; nameFr: string; durationMinutes: number; priceCents: number | null };
  manageUrl?: string;
  canChange?: boolean;
  changeUntil?: string;
}

interface Invite {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  end: string;
  status: string;
  organizer: string;
  attendee: string;
  description: string;
}

/** The text/calendar part of an email, parsed with ical.js. */
function inviteOf(mail: ReceivedEmail): Invite {
  const part = mail.raw.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const time = (name: string) =>
    (event.getFirstPropertyValue(name) as InstanceType<typeof ICAL.Time>).toJSDate().toISOString();
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: time('dtstart'),
    end: time('dtend'),
    status: String(event.getFirstPropertyValue('status')),
    organizer: String(event.getFirstPropertyValue('organizer')),
    // A URI's scheme is case-insensitive (MAILTO: and mailto: are the same address).
    attendee: String(event.getFirstPropertyValue('attendee')).replace(/^mailto:/i, 'mailto:'),
    description: String(event.getFirstPropertyValue('description')),
  };
}

function tokenOf(manageUrl: string): string {
  const match = /\/book\/manage\/([A-Za-z0-9_-]{43})$/.exec(manageUrl);
  expect(match).not.toBeNull();
  return match![1];
}

describe('public booking: slots, booking, emails with invites, manage link, reminder', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let rajesh: SignedInClient;
  let amelie: SignedInClient;
  let typeId: string;
  let people = 0;

  const email = () => `visitor${++people}-${process.pid}@example.com`;

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
    rajesh = await t.signedInAs(StaffRole.Consultant, {
      name: 'Rajesh Patel',
      email: `rajesh-${process.pid}@firm.example.ca`,
    });
    amelie = await t.signedInAs(StaffRole.Consultant, {
      name: 'Amélie Tremblay',
      email: `amelie-${process.pid}@firm.example.ca`,
    });
    // Rajesh works from Vancouver, Amélie from Toronto; both weekdays 09:00-12:00 and 13:00-17:00.
    const weekly = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' },
      { weekday, start: '13:00', end: '17:00' },
    ]);
    await setHours(rajesh, rajesh.user.id, { timezone: 'America/Vancouver', weekly, bufferMinutes: 15 });
    await setHours(amelie, amelie.user.id, { weekly, bufferMinutes: 15 });
    typeId = await consultationType(admin, { priceCents: 15000 });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });
  afterEach(() => clock.set(NOW));

  async function book(body: Record<string, unknown>): Promise<Booking> {
    return (await publicBooking(t, { type: typeId, email: email(), timezone: 'Asia/Kolkata', ...body }))
      .body as unknown as Booking;
  }

  async function slots(query: Record<string, string>): Promise<Slot[]> {
    const res = await t
      .http()
      .get('/api/public/slots')
      .query({ type: typeId, ...query })
      .expect(200);
    return res.body as Slot[];
  }

  async function reminderRows(consultationId: string): Promise<ReminderEntity[]> {
    return t.dataSource.getRepository(ReminderEntity).find({
      where: { subjectType: CONSULTATION_SUBJECT, subjectId: consultationId },
      order: { createdAt: 'ASC' },
    });
  }

  it('lists the active types with both names and price, and the consultants who take bookings', async () => {
    const hidden = await admin
      .post('/api/consultation-types')
      .send({ name: 'Retired offer', nameFr: 'Offre retirée', durationMinutes: 45, active: false })
      .expect(201);
    const types = await t.http().get('/api/public/consultation-types').expect(200);
    expect(types.body).toEqual([
      {
        id: typeId,
        name: 'Work permit assessment',
        nameFr: 'Évaluation de permis de travail',
        durationMinutes: 30,
        priceCents: 15000,
        description: null,
        descriptionFr: null,
        mode: 'video',
      },
    ]);
    expect(types.body.map((x: { id: string }) => x.id)).not.toContain(hidden.body.id);
    const consultants = await t.http().get('/api/public/consultants').expect(200);
    expect(consultants.body.map((c: { name: string }) => c.name)).toEqual([
      'Amélie Tremblay',
      'Rajesh Patel',
    ]);
  });

  it("gives slots in UTC and in the visitor's time, with Vancouver on UTC-7 after 2026-11-01", async () => {
    const found = await slots({
      consultantId: rajesh.user.id,
      from: '2026-12-01',
      to: '2026-12-01',
      timezone: 'Asia/Kolkata',
    });
    // Kolkata's 2026-12-01 runs from 18:30Z on the 30th: it starts with Rajesh's Monday 11:30 in Vancouver.
    expect(found[0]).toEqual({
      startsAt: '2026-11-30T18:30:00.000Z',
      endsAt: '2026-11-30T19:00:00.000Z',
      consultantId: rajesh.user.id,
      startsAtLocal: '2026-12-01T00:00:00+05:30',
      endsAtLocal: '2026-12-01T00:30:00+05:30',
    });
    // Tuesday 09:00 in Vancouver is 16:00Z (UTC-7; the old rules' PST would make it 17:00Z).
    expect(found.find((s) => s.startsAt === '2026-12-01T16:00:00.000Z')).toEqual({
      startsAt: '2026-12-01T16:00:00.000Z',
      endsAt: '2026-12-01T16:30:00.000Z',
      consultantId: rajesh.user.id,
      startsAtLocal: '2026-12-01T21:30:00+05:30',
      endsAtLocal: '2026-12-01T22:00:00+05:30',
    });
    expect(found.some((s) => s.startsAt === '2026-12-01T15:30:00.000Z')).toBe(false);
    expect(
      found.every((s) => s.startsAt >= '2026-11-30T18:30:00.000Z' && s.startsAt < '2026-12-01T18:30:00.000Z'),
    ).toBe(true);
    // Without a zone: UTC only.
    const plain = await slots({
      consultantId: rajesh.user.id,
      from: '2026-12-01T16:00:00Z',
      to: '2026-12-01T17:00:00Z',
    });
    expect(plain.map((s) => [s.startsAt, s.startsAtLocal])).toEqual([
      ['2026-12-01T16:00:00.000Z', null],
      ['2026-12-01T16:30:00.000Z', null],
    ]);
  });

  it('respects the minimum notice: nothing in the next 24 hours', async () => {
    const found = await slots({ consultantId: amelie.user.id });
    expect(found.length).toBeGreaterThan(0);
    expect(Date.parse(found[0].startsAt)).toBeGreaterThanOrEqual(Date.parse(NOW) + 24 * HOUR);
  });

  it('books: 201 with the manage link, a confirmation with a parseable invite to the client, a notice to the consultant', async () => {
    const visitor = email();
    const booked = await book({
      consultantId: rajesh.user.id,
      startsAt: '2026-12-01T17:00:00Z',
      email: visitor,
      topic: 'PGWP expiring',
      prescreen: { hasJobOffer: true, lmia: 'exempt', insideCanada: true, permitExpiresOn: '2027-01-31' },
    });
    expect(booked).toMatchObject({
      status: 'booked',
      startsAt: '2026-12-01T17:00:00.000Z',
      endsAt: '2026-12-01T17:30:00.000Z',
      startsAtLocal: '2026-12-01T22:30:00+05:30',
      consultant: { id: rajesh.user.id, name: 'Rajesh Patel' },
      type: { id: typeId, durationMinutes: 30 },
    });
    const token = tokenOf(booked.manageUrl!);
    expect(booked.manageUrl).toBe(`${APP_URL}/book/manage/${token}`);

    // Only the hash of the token is stored.
    const [row] = await t.dataSource.query(
      'SELECT manage_token_hash, is_urgent, prescreen FROM consultations WHERE id = $1',
      [booked.id],
    );
    expect(row.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    // A permit expiring within 90 days marks it urgent for staff.
    expect(row.is_urgent).toBe(true);
    expect(row.prescreen).toEqual({
      hasJobOffer: true,
      lmia: 'exempt',
      insideCanada: true,
      permitExpiresOn: '2027-01-31',
    });

    const [confirmation] = await waitFor(
      () => (sink.to(visitor).length ? sink.to(visitor) : null),
      10_000,
      'the confirmation',
    );
    expect(confirmation.subject).toContain('Your consultation is booked');
    expect(confirmation.text).toContain(booked.manageUrl!);
    expect(confirmation.text).toContain('Rajesh Patel');
    expect(confirmation.text).toContain('Asia/Kolkata');
    const invite = inviteOf(confirmation);
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `${booked.id}@permitdesk.example.ca`,
      sequence: 0,
      start: '2026-12-01T17:00:00.000Z',
      end: '2026-12-01T17:30:00.000Z',
      status: 'CONFIRMED',
      organizer: `mailto:${rajesh.user.email}`,
      attendee: `mailto:${visitor}`,
    });
    expect(invite.description).toContain(booked.manageUrl!);

    const notice = await waitFor(
      () => sink.to(rajesh.user.email).find((m) => m.text.includes(visitor)),
      10_000,
      'the notice',
    );
    expect(notice.subject).toMatch(/^\[URGENT\] New consultation: Priya Sharma/);
    expect(notice.text).toContain('PGWP expiring');
    expect(notice.text).toContain('LMIA: LMIA-exempt');
    // Times in the consultant's own zone: 10:00 in Vancouver.
    expect(notice.text).toMatch(/10:00\sa\.m\./);
    expect(notice.text).toContain('America/Vancouver');
  });

  it('writes the consultant’s notice in the consultant’s language, whatever the client’s', async () => {
    await t.dataSource.query(`UPDATE users SET languages = '{fr,en}' WHERE id = $1`, [amelie.user.id]);
    const visitor = email();
    await book({
      consultantId: amelie.user.id,
      startsAt: '2026-12-15T15:00:00Z',
      email: visitor,
      language: 'en',
    });
    const notice = await waitFor(
      () => sink.to(amelie.user.email).find((m) => m.text.includes(visitor)),
      10_000,
      'the notice',
    );
    expect(notice.subject).toMatch(
      /^Nouvelle consultation : Priya Sharma|^Nouvelle consultation: Priya Sharma/,
    );
    expect(notice.text).toContain('Bonjour Amélie Tremblay');
    const confirmation = await waitFor(() => sink.to(visitor)[0], 10_000, 'the confirmation');
    expect(confirmation.subject).toContain('Your consultation is booked');
  });

  it('matches the client by email whatever its case, or creates a prospect', async () => {
    const client = await t.given.client({
      email: `Known.Client-${process.pid}@Example.com`,
      firstName: 'Known',
      lastName: 'Client',
    });
    const booked = await book({
      consultantId: amelie.user.id,
      startsAt: '2026-12-02T14:00:00Z',
      email: `known.client-${process.pid}@example.com`,
    });
    const staffView = await admin.get(`/api/consultations/${booked.id}`).expect(200);
    expect(staffView.body.client).toMatchObject({ id: client.id, isProspect: false });

    const fresh = await book({
      consultantId: amelie.user.id,
      startsAt: '2026-12-02T15:00:00Z',
      name: 'Léa Roy',
    });
    const freshView = await admin.get(`/api/consultations/${fresh.id}`).expect(200);
    expect(freshView.body.client).toMatchObject({ firstName: 'Léa', lastName: 'Roy', isProspect: true });
  });

  it('writes the emails in French when asked', async () => {
    const visitor = email();
    await book({
      consultantId: amelie.user.id,
      startsAt: '2026-12-03T14:00:00Z',
      email: visitor,
      language: 'fr',
      timezone: 'America/Montreal',
    });
    const [mail] = await waitFor(
      () => (sink.to(visitor).length ? sink.to(visitor) : null),
      10_000,
      'the French confirmation',
    );
    expect(mail.subject).toContain('Votre consultation est réservée');
    expect(mail.text).toContain('Évaluation de permis de travail');
    expect(mail.text).toContain('Consulter, déplacer ou annuler');
  });

  it('manages by token: view, reschedule (SEQUENCE raised), cancel (METHOD:CANCEL); a wrong or used token is a 404', async () => {
    const visitor = email();
    const booked = await book({
      consultantId: rajesh.user.id,
      startsAt: '2026-12-04T17:00:00Z',
      email: visitor,
    });
    const token = tokenOf(booked.manageUrl!);
    await waitFor(() => sink.to(visitor).length === 1, 10_000, 'the confirmation');

    const viewed = await t.http().get(`/api/public/bookings/${token}`).expect(200);
    expect(viewed.body).toMatchObject({
      id: booked.id,
      status: 'booked',
      startsAt: '2026-12-04T17:00:00.000Z',
      canChange: true,
      changeUntil: '2026-12-03T17:00:00.000Z',
    });
    expect(viewed.body.manageUrl).toBeUndefined();

    // Only the right token works.
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await t.http().get(`/api/public/bookings/${wrong}`).expect(404);
    await t.http().get('/api/public/bookings/not-a-token').expect(404);
    await t.http().post(`/api/public/bookings/${wrong}/cancel`).expect(404);

    // Reschedule to another slot: the old time is free again, the invite is updated under the same UID.
    const moved = await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: '2026-12-04T18:00:00Z' })
      .expect(200);
    expect(moved.body).toMatchObject({
      id: booked.id,
      status: 'booked',
      startsAt: '2026-12-04T18:00:00.000Z',
    });
    const [, update] = await waitFor(
      () => (sink.to(visitor).length >= 2 ? sink.to(visitor) : null),
      10_000,
      'the update',
    );
    expect(update.subject).toContain('Your consultation has moved');
    expect(inviteOf(update)).toMatchObject({
      method: 'REQUEST',
      uid: `${booked.id}@permitdesk.example.ca`,
      sequence: 1,
      start: '2026-12-04T18:00:00.000Z',
    });
    expect(update.text).toContain(booked.manageUrl!);
    const free = await slots({
      consultantId: rajesh.user.id,
      from: '2026-12-04T17:00:00Z',
      to: '2026-12-04T17:30:00Z',
    });
    expect(free.map((s) => s.startsAt)).toEqual(['2026-12-04T17:00:00.000Z']);

    // Rescheduling to a time that is not a slot is refused like a booking.
    const offGrid = await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: '2026-12-04T18:10:00Z' })
      .expect(400);
    expect(offGrid.body.fields).toHaveProperty('startsAt');

    // Cancel: METHOD:CANCEL with a higher SEQUENCE; the token is used up.
    const cancelled = await t.http().post(`/api/public/bookings/${token}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ id: booked.id, status: 'cancelled', canChange: false });
    const [, , cancellation] = await waitFor(
      () => (sink.to(visitor).length >= 3 ? sink.to(visitor) : null),
      10_000,
      'the cancellation',
    );
    expect(inviteOf(cancellation)).toMatchObject({
      method: 'CANCEL',
      uid: `${booked.id}@permitdesk.example.ca`,
      sequence: 2,
      status: 'CANCELLED',
    });
    await waitFor(
      () => sink.to(rajesh.user.email).some((m) => m.subject.startsWith('Consultation cancelled')),
      10_000,
      'the notice',
    );
    await t.http().get(`/api/public/bookings/${token}`).expect(404);
    await t.http().post(`/api/public/bookings/${token}/cancel`).expect(404);
    await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: '2026-12-04T19:00:00Z' })
      .expect(404);
    // And the time can be booked again.
    await book({ consultantId: rajesh.user.id, startsAt: '2026-12-04T18:00:00Z' });
  });

  it('refuses to cancel or reschedule online after the cutoff (24 h before)', async () => {
    const booked = await book({ consultantId: amelie.user.id, startsAt: '2026-12-07T14:00:00Z' });
    const token = tokenOf(booked.manageUrl!);
    clock.set('2026-12-06T14:00:01Z');
    const late = await t.http().post(`/api/public/bookings/${token}/cancel`).expect(409);
    expect(late.body.code).toBe('CONSULTATION_TOO_LATE_TO_CHANGE');
    await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: '2026-12-08T14:00:00Z' })
      .expect(409);
    const viewed = await t.http().get(`/api/public/bookings/${token}`).expect(200);
    expect(viewed.body).toMatchObject({ status: 'booked', canChange: false });
    clock.set('2026-12-06T14:00:00Z');
    await t.http().post(`/api/public/bookings/${token}/cancel`).expect(200);
  });

  it('books "any consultant" with the least-booked one that week, and keeps them apart', async () => {
    // Tuesday 18:00Z: 13:00 in Toronto and 11:00 in Vancouver, so both are free; one start time is offered.
    const start = '2026-12-08T18:00:00Z';
    const both = await slots({ from: start, to: '2026-12-08T18:30:00Z' });
    expect(both).toHaveLength(1);
    expect(both[0].consultantId).toBe([amelie.user.id, rajesh.user.id].sort()[0]); // a tie: the lowest id
    // Give Amélie a booking that week: "any" now goes to Rajesh, and the slot list says so.
    await book({ consultantId: amelie.user.id, startsAt: '2026-12-09T14:00:00Z' });
    const [offered] = await slots({ from: start, to: '2026-12-08T18:30:00Z' });
    expect(offered.consultantId).toBe(rajesh.user.id);
    const first = await book({ startsAt: start });
    expect(first.consultant.id).toBe(rajesh.user.id);
    // Rajesh is now taken at that time: the next "any" booking goes to Amélie, then nobody is left.
    const second = await book({ startsAt: start });
    expect(second.consultant.id).toBe(amelie.user.id);
    const third = await t
      .http()
      .post('/api/public/bookings')
      .send({ type: typeId, name: 'Late Comer', email: email(), timezone: 'UTC', startsAt: start });
    expect([third.status, third.body.code]).toEqual([409, 'CONSULTATION_SLOT_TAKEN']);
  });

  it('plans the client reminder 24 h before, moves it on reschedule, cancels it on cancel', async () => {
    const visitor = email();
    const booked = await book({
      consultantId: rajesh.user.id,
      startsAt: '2026-12-10T17:00:00Z',
      email: visitor,
    });
    const token = tokenOf(booked.manageUrl!);
    let rows = await reminderRows(booked.id);
    expect(rows.map((r) => [r.status, r.sendAt.toISOString(), r.recipient])).toEqual([
      [ReminderStatus.Scheduled, '2026-12-09T17:00:00.000Z', visitor],
    ]);
    // What the worker will send: the reminder rendered from the consultation as it is then.
    const handler = t.app.get(ReminderSubjects).get(CONSULTATION_SUBJECT)!;
    const rendered = await handler.render(t.dataSource.manager, rows[0]);
    expect(rendered).toMatchObject({ to: visitor, language: 'en' });
    expect(rendered!.subject).toContain('Reminder: your consultation is tomorrow');

    await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: '2026-12-11T17:00:00Z' })
      .expect(200);
    rows = await reminderRows(booked.id);
    expect(
      rows.filter((r) => r.status === ReminderStatus.Scheduled).map((r) => r.sendAt.toISOString()),
    ).toEqual(['2026-12-10T17:00:00.000Z']);
    // The reminder planned for the old time would render nothing if it ever ran.
    const stale = rows.find((r) => r.sendAt.toISOString() === '2026-12-09T17:00:00.000Z');
    expect(stale?.status).toBe(ReminderStatus.Cancelled);
    expect(await handler.render(t.dataSource.manager, stale!)).toBeNull();

    await t.http().post(`/api/public/bookings/${token}/cancel`).expect(200);
    rows = await reminderRows(booked.id);
    expect(rows.every((r) => r.status === ReminderStatus.Cancelled)).toBe(true);
    expect(await handler.render(t.dataSource.manager, rows[rows.length - 1])).toBeNull();
  });

  it('keeps the booking when the email cannot be sent: the outbox has it, marked failed', async () => {
    const visitor = email();
    sink.refuse(550); // refused for good: failed at once (a 4xx is retried by the worker)
    try {
      const booked = await book({
        consultantId: amelie.user.id,
        startsAt: '2026-12-14T14:00:00Z',
        email: visitor,
      });
      const failed = await waitFor(
        async () => {
          const rows = await t.dataSource
            .getRepository(EmailEntity)
            .find({ where: { relatedId: booked.id } });
          return rows.length === 2 && rows.every((r) => r.status === EmailStatus.Failed) ? rows : null;
        },
        15_000,
        'the failed emails in the outbox',
      );
      expect(failed.map((r) => r.kind).sort()).toEqual(['consultation_booked', 'consultation_notice']);
      const [row] = await t.dataSource.query('SELECT status FROM consultations WHERE id = $1', [booked.id]);
      expect(row.status).toBe('booked');
    } finally {
      sink.accept();
    }
  });
});
