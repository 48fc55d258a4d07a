import { readFileSync } from 'node:fs';
import { MoreThanOrEqual } from 'typeorm';
import { StaffRole } from '@app/auth';
import { EmailEntity, EmailStatus, OutboxSweep } from '@app/notifications';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { bookableConsultant, LIFTED_BOOKING_LIMITS, publicBooking } from '../support/bookable';
import { withServer } from '../support/test-databases';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';
const ACK_WINDOW_MS = 600_000;
jest.setTimeout(90_000);

/**
 * The outbox against a real SMTP server (the in-process sink) and real PostgreSQL and Redis: every email is
 * written in the booking's transaction and delivered by the worker's sender (run in-process by the test app).
 */
describe('outbox delivery: SMTP down, refusals, dropped connections, PostgreSQL gone while recording', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let consultant: SignedInClient;
  let assistant: SignedInClient;
  let typeId: string;
  let people = 0;
  let day = 0;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        ...LIFTED_BOOKING_LIMITS,
        EMAIL_ATTEMPTS: '6',
        EMAIL_BACKOFF_MS: '250',
        EMAIL_ACK_WINDOW_MS: String(ACK_WINDOW_MS),
      },
    });
    assistant = await t.signedInAs(StaffRole.Assistant);
    ({ consultant, typeId } = await bookableConsultant(
      t,
      { name: 'Amélie Tremblay', email: `amelie-${process.pid}@firm.example.ca` },
      { name: 'Assessment', nameFr: 'Évaluation' },
    ));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });
  beforeEach(() => {
    clock.set(NOW);
    sink.accept();
    sink.clear();
  });

  /** A booking on its own weekday morning slot (Toronto), from its own address. */
  async function book(): Promise<{ id: string; email: string }> {
    day += 1;
    const date = new Date(Date.UTC(2026, 10, 30) + Math.floor((day - 1) / 10) * 86_400_000);
    while (date.getUTCDay() === 0 || date.getUTCDay() === 6) {
      date.setUTCDate(date.getUTCDate() + 1);
    }
    const startsAt = new Date(date.getTime() + 14 * 3_600_000 + ((day - 1) % 10) * 1_800_000).toISOString();
    const email = `visitor${++people}-${process.pid}@example.com`;
    const { id } = await publicBooking(t, {
      type: typeId,
      consultantId: consultant.user.id,
      startsAt,
      email,
    });
    return { id, email };
  }

  const emailsOf = (consultationId: string) =>
    t.dataSource
      .getRepository(EmailEntity)
      .find({ where: { relatedId: consultationId }, order: { createdAt: 'ASC' } });

  it('SMTP stopped, 5 bookings made, SMTP restarted: every confirmation (with its invite) and notice arrives once, none failed', async () => {
    await sink.stop();
    const started = Date.now();
    const bookings = [];
    for (let i = 0; i < 5; i += 1) {
      bookings.push(await book());
    }
    // Written in the bookings' transactions, retried while the server is down.
    for (const b of bookings) {
      expect(await emailsOf(b.id)).toHaveLength(2);
    }
    // At least two each: on a loaded machine the first booking's emails can reach their third attempt before the
    // last booking's reach their second.
    await waitFor(
      async () =>
        (await t.dataSource.getRepository(EmailEntity).countBy({ attempts: MoreThanOrEqual(2) })) >= 10,
      10_000,
      'two attempts each',
    );
    await sink.restart();
    const restarted = Date.now();
    await waitFor(() => sink.received.length >= 10, 30_000, 'ten emails');
    const recovered = Date.now() - restarted;
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.received).toHaveLength(10);
    for (const b of bookings) {
      const client = sink.to(b.email);
      expect(client).toHaveLength(1);
      expect(client[0].raw.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
      const rows = await emailsOf(b.id);
      expect(rows.map((r) => r.status)).toEqual([EmailStatus.Sent, EmailStatus.Sent]);
      expect(rows.every((r) => r.secret === null && r.attempts >= 2)).toBe(true);
    }
    expect(sink.to(consultant.user.email)).toHaveLength(5);
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(10);
    expect(sink.received.every((m) => m.messageId.endsWith('@permitdesk.example.ca>'))).toBe(true);
    expect(await t.dataSource.getRepository(EmailEntity).countBy({ status: EmailStatus.Failed })).toBe(0);
    process.stdout.write(
      `SMTP down ${restarted - started} ms; all 10 delivered ${recovered} ms after the restart\n`,
    );
  });

  it('SMTP answering 5xx: failed with the reason after one attempt; a retry from the outbox sends it with the same Message-ID', async () => {
    sink.refuse(550);
    const b = await book();
    const failed = await waitFor(
      async () =>
        (await emailsOf(b.id)).filter((r) => r.status === EmailStatus.Failed).length === 2 && emailsOf(b.id),
      10_000,
      'both failed',
    );
    for (const row of failed) {
      expect(row).toMatchObject({ attempts: 1, status: EmailStatus.Failed });
      expect(row.error).toMatch(/550/);
      expect(row.messageId).toMatch(/@permitdesk\.example\.ca>$/);
    }
    const client = failed.find((r) => r.to === b.email)!;
    expect(client.secret).toMatch(/^v2\./);
    const listed = await assistant.get('/api/emails').query({ status: 'failed', to: b.email }).expect(200);
    expect(listed.body.items[0]).toMatchObject({
      id: client.id,
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/550/),
    });
    sink.accept();
    const retried = await assistant.post(`/api/emails/${client.id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ status: 'sent', messageId: client.messageId, error: null });
    expect(sink.to(b.email)).toHaveLength(1);
    expect(sink.to(b.email)[0].messageId).toBe(client.messageId);
    expect(sink.to(b.email)[0].text).toMatch(/\/book\/manage\/[A-Za-z0-9_-]{43}/);
  });

  it('SMTP answering 4xx: retried with back-off, then sent', async () => {
    sink.refuseNext(4, 451);
    const b = await book();
    const rows = await waitFor(
      async () => (await emailsOf(b.id)).every((r) => r.status === EmailStatus.Sent) && emailsOf(b.id),
      20_000,
      'both sent',
    );
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(6);
    expect(sink.to(b.email)).toHaveLength(1);
    expect(sink.to(consultant.user.email)).toHaveLength(1);
  });

  it('a connection dropped after DATA: not sent again within the acknowledgement window; after it, once, with the same Message-ID', async () => {
    sink.dropAfterData(1);
    const b = await book();
    const unknown = await waitFor(
      async () =>
        (await emailsOf(b.id)).find(
          (r) => r.status === EmailStatus.Sending && r.error?.startsWith('Outcome unknown'),
        ),
      15_000,
      'an unconfirmed email',
    );
    await waitFor(
      async () => (await emailsOf(b.id)).some((r) => r.status === EmailStatus.Sent),
      10_000,
      'the other one sent',
    );
    expect(sink.received).toHaveLength(2);
    const sweep = t.app.get(OutboxSweep);
    clock.advance(ACK_WINDOW_MS - 60_000);
    expect((await sweep.run()).reclaimed).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.received).toHaveLength(2);

    clock.advance(120_000);
    expect((await sweep.run()).reclaimed).toBe(1);
    await waitFor(
      async () =>
        (await t.dataSource.getRepository(EmailEntity).findOneByOrFail({ id: unknown.id })).status ===
        EmailStatus.Sent,
      10_000,
      'sent after the window',
    );
    const copies = sink.received.filter((m) => m.messageId === unknown.messageId);
    expect(copies).toHaveLength(2);
    expect(sink.received).toHaveLength(3);
  });

  it('a pending email whose job was lost is delivered by the sweep', async () => {
    await t.dataSource.query(
      `INSERT INTO emails (kind, "to", subject, text, status, message_id) VALUES ('test', 'lost@example.com', 'Lost job', 'Hello', 'pending', '<lost-${process.pid}@permitdesk.example.ca>')`,
    );
    expect((await t.app.get(OutboxSweep).run()).requeued).toBeGreaterThanOrEqual(1);
    await waitFor(() => sink.to('lost@example.com').length === 1, 10_000, 'the lost email');
    expect(await t.dataSource.getRepository(EmailEntity).countBy({ status: EmailStatus.Pending })).toBe(0);
  });

  it('PostgreSQL gone when "sent" is recorded: nothing is sent twice; the bookkeeping completes when it is back, and says so', async () => {
    sink.hold();
    const b = await book();
    await waitFor(() => sink.heldConnected >= 2, 10_000, 'both emails held before the answer');
    // The app's database refuses connections and its sessions end: the answers below cannot be recorded.
    await withServer(async (client) => {
      await client.query(`ALTER DATABASE "${t.database}" ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
        t.database,
      ]);
    });
    const outage = Date.now();
    sink.release();
    await waitFor(() => sink.received.length >= 2, 10_000, 'both accepted');
    await new Promise((r) => setTimeout(r, 3000));
    await withServer((client) => client.query(`ALTER DATABASE "${t.database}" ALLOW_CONNECTIONS true`));
    const back = Date.now();
    const rows = await waitFor(
      async () => {
        try {
          const found = await emailsOf(b.id);
          return found.every((r) => r.status === EmailStatus.Sent) && found;
        } catch {
          return false;
        }
      },
      30_000,
      'both recorded as sent',
    );
    const recorded = Date.now() - back;
    expect(rows.every((r) => r.secret === null)).toBe(true);
    expect((await t.app.get(OutboxSweep).run()).reclaimed).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sink.to(b.email)).toHaveLength(1);
    expect(sink.to(consultant.user.email)).toHaveLength(1);
    const log = readFileSync(t.logFile, 'utf8');
    expect(log).toMatch(/accepted by the SMTP server as <[^>]+>, but recording it failed/);
    expect(log).toMatch(/recorded as sent after \d+ failed attempt\(s\)/);
    process.stdout.write(
      `Database down ${back - outage} ms; both recorded ${recorded} ms after it came back; received ${sink.received.length}\n`,
    );
  });
});
