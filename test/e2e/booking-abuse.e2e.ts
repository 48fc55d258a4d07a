// A long spec by design: every public-booking limit against one app.
// Starting an app per file costs seconds, so the cases stay together.
import {
  BookingService,
  CONSULTATION_SUBJECT,
  ConsultationEntity,
  ConsultationStatus,
} from '@app/consultations';
import { EmailEntity } from '@app/notifications';
import { ReminderEntity } from '@app/reminders';
import { FixedClock } from '@app/shared';
import { bookableConsultant } from '../support/bookable';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Monday 2026-11-23, 10:00 in Toronto; slots open from Wednesday (24 h notice).
const NOW = '2026-11-23T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';
const MINUTE = 60_000;

interface Slot {
  startsAt: string;
  consultantId: string;
}

/** The consultant of these parts, taking 30-minute consultations on weekdays. */
const RAJESH = { name: 'Rajesh Patel', email: `rajesh-${process.pid}@firm.example.ca` };

function tokenIn(mail: ReceivedEmail): string {
  const match = /\/book\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.text);
  expect(match).not.toBeNull();
  return match![1];
}

describe('public booking limits: per email and per client address', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let typeId: string;
  let slots: Slot[];
  let next = 0;
  let people = 0;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: {
        PUBLIC_RATE_LIMIT: '10000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '3',
        APP_URL,
        TRUST_PROXY: 'loopback',
      },
    });
    ({ typeId } = await bookableConsultant(t, RAJESH));
    slots = (
      await t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, from: '2026-11-25', to: '2026-12-20' })
        .expect(200)
    ).body;
  });
  afterAll(() => t.close());

  const email = () => `visitor${++people}-${process.pid}@example.com`;
  const book = (from: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/public/bookings')
      .set('X-Forwarded-For', from)
      .send({
        type: typeId,
        startsAt: slots[next++].startsAt,
        name: 'Priya Sharma',
        email: email(),
        timezone: 'Asia/Kolkata',
        ...body,
      });

  it('refuses a 4th open future booking for one email address (409 saying what to do), counting any letter case', async () => {
    const address = `priya.${process.pid}@example.com`;
    const made = [];
    for (const [i, spelled] of [address, address.toUpperCase(), address].entries()) {
      const res = await book(`198.51.100.${i + 1}`, { email: spelled });
      expect(res.status).toBe(201);
      made.push(res.body as { manageUrl: string });
    }
    const fourth = await book('198.51.100.9', { email: address });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({
      statusCode: 409,
      code: 'CONSULTATION_BOOKING_LIMIT_PER_EMAIL',
      fields: null,
    });
    expect(fourth.body.message).toMatch(
      /already has 3 upcoming consultations booked.*link in its confirmation email.*contact the office/,
    );

    // A cancelled booking no longer counts.
    const token = made[0].manageUrl.split('/').pop()!;
    await t
      .http()
      .post(`/api/public/bookings/${token}/cancel`)
      .set('X-Forwarded-For', '198.51.100.9')
      .expect(200);
    expect((await book('198.51.100.9', { email: address })).status).toBe(201);
  });

  it('refuses the 4th booking in an hour from one client address with 429 and Retry-After; refused bookings use no turn', async () => {
    const from = '203.0.113.7';
    const first = await book(from);
    expect(first.status).toBe(201);
    // The same time again: 409, and it does not count.
    const taken = await t.http().post('/api/public/bookings').set('X-Forwarded-For', from).send({
      type: typeId,
      startsAt: first.body.startsAt,
      name: 'Someone Else',
      email: email(),
      timezone: 'Asia/Kolkata',
    });
    expect(taken.body.code).toBe('CONSULTATION_SLOT_TAKEN');
    expect((await book(from)).status).toBe(201);
    expect((await book(from)).status).toBe(201);

    const refused = await book(from);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'CONSULTATION_BOOKING_LIMIT_PER_ADDRESS',
      fields: null,
    });
    expect(refused.body.message).toMatch(/at most 3\).*try again in \d+ minutes?.*contact the office/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Another address has its own count.
    expect((await book('203.0.113.8')).status).toBe(201);
  });

  it('lets 3 of a 59-request flood from one address through, whatever the timing, and mails only those 3', async () => {
    const from = '192.0.2.59';
    // Emails are written to the outbox in each booking's transaction: the count is exact once it answers.
    const before = await t.dataSource.getRepository(EmailEntity).count();
    const started = Date.now();
    const statuses = (await Promise.all(Array.from({ length: 59 }, () => book(from)))).map((r) => r.status);
    const elapsedMs = Date.now() - started;
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(56);
    // Three confirmations to the addresses typed and three notices to the consultant; nothing else.
    expect((await t.dataSource.getRepository(EmailEntity).count()) - before).toBe(6);
    expect(elapsedMs).toBeLessThan(30_000);
  });
});

describe("the client's confirmation email carries no text of the booker's but a capped, escaped name", () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let consultant: SignedInClient;
  let typeId: string;
  let slots: Slot[];
  let next = 0;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        PUBLIC_RATE_LIMIT: '10000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100',
      },
    });
    ({ consultant, typeId } = await bookableConsultant(t, RAJESH));
    slots = (
      await t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, from: '2026-11-25', to: '2026-11-30' })
        .expect(200)
    ).body;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  async function bookAndRead(
    name: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ client: ReceivedEmail; notice: ReceivedEmail }> {
    const to = `target${next}-${process.pid}@example.com`;
    sink.clear();
    await t
      .http()
      .post('/api/public/bookings')
      .send({
        type: typeId,
        startsAt: slots[next++].startsAt,
        name,
        email: to,
        timezone: 'America/Toronto',
        ...extra,
      })
      .expect(201);
    const client = await waitFor(() => sink.to(to)[0], 10_000, 'the client email');
    const notice = await waitFor(() => sink.to(consultant.user.email)[0], 10_000, 'the consultant notice');
    return { client, notice };
  }

  it('escapes HTML in the name and keeps the topic and pre-screen answers for staff only', async () => {
    const topic = 'Claim your prize at http://spam.example.net/win';
    const { client, notice } = await bookAndRead('<b>Eve</b> & Co', {
      topic,
      prescreen: { hasJobOffer: true, lmia: 'exempt' },
    });
    expect(client.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt; &amp; Co,');
    expect(client.html).not.toContain('<b>Eve</b>');
    const ics = client.raw.attachments.map((a) => a.content.toString('utf8')).join('\n');
    for (const part of [client.subject, client.text, client.html, ics]) {
      expect(part).not.toContain('spam.example');
      expect(part).not.toContain('Job offer');
    }
    expect(notice.text).toContain(`Topic: ${topic}`);
    expect(notice.text).toContain('Job offer: yes');
  });

  it('cuts a long name at 50 characters and drops a "name" that reads like a link or a phone number', async () => {
    const long = 'Maximiliana Alexandra Konstantinopoulou-Vanderbilt Wolfeschlegelsteinhausen';
    const { client } = await bookAndRead(long);
    expect(client.text).toContain(`Hello ${long.slice(0, 49).trimEnd()}…,`);
    expect(client.text).not.toContain(long);

    for (const [name, marker] of [
      ['Visit www.spamhost.test', 'spamhost'],
      ['Call 1-800-555-0199 now', '555-0199'],
      ['Go to https://spamhost.test', 'spamhost'],
      ['Mail me at win@spamhost.test', 'spamhost'],
    ]) {
      const { client: mail } = await bookAndRead(name);
      expect(mail.text.startsWith('Hello,\n')).toBe(true);
      expect(mail.text).not.toContain(marker);
      expect(mail.html).not.toContain(marker);
    }
  });
});

describe('email confirmation of public bookings (BOOKING_EMAIL_CONFIRMATION=true)', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let consultant: SignedInClient;
  let typeId: string;
  let people = 0;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        PUBLIC_RATE_LIMIT: '10000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100',
        BOOKING_EMAIL_CONFIRMATION: 'true',
        BOOKING_CONFIRMATION_HOLD_MINUTES: '30',
      },
    });
    ({ consultant, typeId } = await bookableConsultant(t, RAJESH));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });
  afterEach(() => clock.set(NOW));

  const email = () => `held${++people}-${process.pid}@example.com`;
  const book = (startsAt: string, to = email()) =>
    t
      .http()
      .post('/api/public/bookings')
      .send({ type: typeId, startsAt, name: 'Priya Sharma', email: to, timezone: 'Asia/Kolkata' });
  const startsOf = async (day: string): Promise<string[]> =>
    (
      (await t.http().get('/api/public/slots').query({ type: typeId, from: day, to: day }).expect(200))
        .body as Slot[]
    ).map((s) => s.startsAt);
  const reminders = (id: string) =>
    t.dataSource.getRepository(ReminderEntity).findBy({ subjectType: CONSULTATION_SUBJECT, subjectId: id });
  const stored = (id: string) => t.dataSource.getRepository(ConsultationEntity).findOneByOrFail({ id });

  it('holds the slot for 30 minutes: others get 409, the consultant hears nothing; then it is free again', async () => {
    const [slot] = await startsOf('2026-11-25');
    const to = email();
    sink.clear();
    const res = await book(slot, to).expect(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      manageUrl: null,
      confirmBy: new Date(Date.parse(NOW) + 30 * MINUTE).toISOString(),
    });
    const request = await waitFor(() => sink.to(to)[0], 10_000, 'the confirmation request');
    expect(request.subject).toMatch(/^Please confirm your consultation/);
    expect(request.text).toContain('Confirm your consultation: https://permitdesk.example.ca/book/manage/');
    expect(request.raw.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toEqual([]);
    expect(sink.to(consultant.user.email)).toEqual([]);
    expect(await reminders(res.body.id)).toEqual([]);
    const token = tokenIn(request);

    // Held: not offered, and a second booking of it loses.
    expect(await startsOf('2026-11-25')).not.toContain(slot);
    expect((await book(slot)).body).toMatchObject({ statusCode: 409, code: 'CONSULTATION_SLOT_TAKEN' });
    const managed = await t.http().get(`/api/public/bookings/${token}`).expect(200);
    expect(managed.body).toMatchObject({ status: 'pending', confirmBy: res.body.confirmBy });

    // 31 minutes on, the hold has lapsed: offered again, and booking it releases the old one first.
    clock.advance(31 * MINUTE);
    expect(await startsOf('2026-11-25')).toContain(slot);
    const again = await book(slot).expect(201);
    expect(again.body.status).toBe('pending');
    expect(await stored(res.body.id)).toMatchObject({
      status: ConsultationStatus.Cancelled,
      manageTokenHash: null,
    });
    await t.http().post(`/api/public/bookings/${token}/confirm`).expect(404);
  });

  it('lets exactly one of 20 simultaneous bookings take a slot whose hold has lapsed (the constraint decides)', async () => {
    const [, , , slot] = await startsOf('2026-11-25');
    const held = await book(slot).expect(201);
    clock.advance(31 * MINUTE);
    const results = await Promise.all(Array.from({ length: 20 }, () => book(slot)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(19).fill('CONSULTATION_SLOT_TAKEN'),
    );
    expect(await stored(held.body.id)).toMatchObject({ status: ConsultationStatus.Cancelled });
    const live = await t.dataSource
      .getRepository(ConsultationEntity)
      .countBy({ startsAt: new Date(slot), status: ConsultationStatus.Booked });
    expect(live).toBe(1);
  });

  it('confirming by the emailed link keeps the slot and sends the invite, the consultant notice and plans the reminder', async () => {
    const [, slot] = await startsOf('2026-11-26');
    const to = email();
    sink.clear();
    const res = await book(slot, to).expect(201);
    const token = tokenIn(await waitFor(() => sink.to(to)[0], 10_000, 'the confirmation request'));

    clock.advance(10 * MINUTE);
    const confirmed = await t.http().post(`/api/public/bookings/${token}/confirm`).expect(200);
    expect(confirmed.body).toMatchObject({
      id: res.body.id,
      status: 'booked',
      confirmBy: null,
      canChange: true,
    });
    const booked = await waitFor(
      () => sink.to(to).find((m) => m.subject.startsWith('Your consultation is booked')),
      10_000,
      'the booking',
    );
    expect(booked.text).toContain(`/book/manage/${token}`);
    expect(booked.raw.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const notice = await waitFor(() => sink.to(consultant.user.email)[0], 10_000, 'the consultant notice');
    expect(notice.subject).toMatch(/^New consultation: Priya Sharma/);
    expect((await reminders(res.body.id)).map((r) => r.recipient)).toEqual([to]);
    expect(await stored(res.body.id)).toMatchObject({ holdExpiresAt: null, confirmedAt: clock.now() });

    // Confirming again changes nothing and sends nothing; a lapse no longer matters.
    sink.clear();
    clock.advance(60 * MINUTE);
    await t.http().post(`/api/public/bookings/${token}/confirm`).expect(200);
    expect(sink.received).toEqual([]);
    expect(await startsOf('2026-11-26')).not.toContain(slot);

    const staff = await consultant.get(`/api/consultations/${res.body.id}`).expect(200);
    expect(staff.body).toMatchObject({ status: 'booked', awaitingConfirmationUntil: null });
  });

  it('refuses a confirmation that comes too late (409) and releases lapsed holds periodically', async () => {
    const [, , slot] = await startsOf('2026-11-27');
    const to = email();
    sink.clear();
    const res = await book(slot, to).expect(201);
    const staff = await consultant.get(`/api/consultations/${res.body.id}`).expect(200);
    expect(staff.body.awaitingConfirmationUntil).toBe(res.body.confirmBy);
    const token = tokenIn(await waitFor(() => sink.to(to)[0], 10_000, 'the confirmation request'));

    clock.advance(30 * MINUTE);
    const late = await t.http().post(`/api/public/bookings/${token}/confirm`).expect(409);
    expect(late.body).toMatchObject({ code: 'CONSULTATION_CONFIRMATION_EXPIRED' });
    expect(late.body.message).toMatch(/please book again/);

    expect(await t.app.get(BookingService).releaseLapsedHolds()).toContain(res.body.id);
    expect(await stored(res.body.id)).toMatchObject({ status: ConsultationStatus.Cancelled });
    expect(sink.to(consultant.user.email)).toEqual([]);
  });
});
