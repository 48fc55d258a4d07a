import { StaffRole } from '@app/auth';
import { EmailEntity, EmailStatus } from '@app/notifications';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { bookableConsultant, publicBooking } from '../support/bookable';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';

interface OutboxItem {
  id: string;
  kind: string;
  to: string;
  text: string;
  html: string | null;
  status: EmailStatus;
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

function calendarOf(mail: ReceivedEmail): string {
  const part = mail.raw.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  return unfold(part!.content.toString('utf8'));
}

describe('outbox: manage links are shown to their recipient only', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let assistant: SignedInClient;
  let consultant: SignedInClient;
  let typeId: string;
  let people = 0;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ clock, env: { SMTP_URL: sink.url, APP_URL, PUBLIC_RATE_LIMIT: '10000' } });
    assistant = await t.signedInAs(StaffRole.Assistant);
    ({ consultant, typeId } = await bookableConsultant(t, {
      name: 'Amélie Tremblay',
      email: `amelie-${process.pid}@firm.example.ca`,
    }));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  async function book(startsAt: string): Promise<{ id: string; token: string; email: string }> {
    const email = `visitor${++people}-${process.pid}@example.com`;
    const { id, token } = await publicBooking(t, {
      type: typeId,
      consultantId: consultant.user.id,
      startsAt,
      email,
    });
    return { id, token, email };
  }

  async function confirmationIn(outbox: SignedInClient, to: string): Promise<OutboxItem> {
    const res = await outbox.get('/api/emails').query({ kind: 'consultation_booked', to }).expect(200);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0] as OutboxItem;
  }

  function expectHidden(row: EmailEntity, token: string): void {
    for (const content of [row.subject, row.text, row.html ?? '', unfold(row.icalEvent ?? '')]) {
      expect(content).not.toContain(token);
    }
    expect(row.text).toContain(`${APP_URL}/book/manage/[hidden]`);
    expect(unfold(row.icalEvent ?? '')).toContain(`URL;VALUE=URI:${APP_URL}/book/manage/[hidden]`);
  }

  it('GET /api/emails shows the confirmation with the token hidden; the client got the link; nothing is kept once sent', async () => {
    const booked = await book('2026-12-15T14:00:00Z');
    const received = await waitFor(
      () => sink.received.find((m) => m.to.includes(booked.email)),
      10_000,
      'the confirmation',
    );
    expect(received.text).toContain(`${APP_URL}/book/manage/${booked.token}`);
    expect(received.html).toContain(`${APP_URL}/book/manage/${booked.token}`);
    expect(calendarOf(received)).toContain(`URL;VALUE=URI:${APP_URL}/book/manage/${booked.token}`);

    // The server's "250 OK" reaches the sink before the sender records it: wait for the record.
    const listed = await waitFor(
      async () => {
        const item = await confirmationIn(assistant, booked.email);
        return item.status !== EmailStatus.Sending && item;
      },
      10_000,
      'the confirmation recorded',
    );
    expect(listed.status).toBe(EmailStatus.Sent);
    expect(listed.text).not.toContain(booked.token);
    expect(listed.html ?? '').not.toContain(booked.token);
    expect(listed.text).toContain('/book/manage/[hidden]');
    expect(JSON.stringify(listed)).not.toMatch(/secret|v1\./);

    const row = await t.dataSource.getRepository(EmailEntity).findOneByOrFail({ id: listed.id });
    expectHidden(row, booked.token);
    expect(row.secret).toBeNull();
  });

  it('a failed confirmation keeps the token encrypted; a retry sends the link, then drops the token', async () => {
    // Refused for good (5xx): failed after one attempt. (A 4xx would be retried by the worker.)
    sink.refuse(550);
    let booked: { id: string; token: string; email: string };
    let failed: EmailEntity;
    try {
      booked = await book('2026-12-16T14:00:00Z');
      failed = await waitFor(
        () =>
          t.dataSource
            .getRepository(EmailEntity)
            .findOneBy({ relatedId: booked.id, kind: 'consultation_booked', status: EmailStatus.Failed }),
        15_000,
        'the failed confirmation',
      );
    } finally {
      sink.accept();
    }
    expectHidden(failed, booked.token);
    expect(failed.secret).toMatch(/^v2\./);
    expect(failed.secret).not.toContain(booked.token);
    expect((await confirmationIn(assistant, booked.email)).text).not.toContain(booked.token);

    await consultant.post(`/api/emails/${failed.id}/retry`).expect(404);
    const retried = await assistant.post(`/api/emails/${failed.id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: EmailStatus.Sent, error: null });
    expect(retried.body.text).not.toContain(booked.token);

    const received = await waitFor(
      () => sink.received.find((m) => m.to.includes(booked.email)),
      10_000,
      'the resent confirmation',
    );
    expect(received.text).toContain(`${APP_URL}/book/manage/${booked.token}`);
    expect(received.html).toContain(`${APP_URL}/book/manage/${booked.token}`);
    const ics = calendarOf(received);
    expect(ics).toContain(`URL;VALUE=URI:${APP_URL}/book/manage/${booked.token}`);
    expect(ics).toContain('METHOD:REQUEST');
    await t.http().get(`/api/public/bookings/${booked.token}`).expect(200);

    const after = await t.dataSource.getRepository(EmailEntity).findOneByOrFail({ id: failed.id });
    expect(after.secret).toBeNull();
    expectHidden(after, booked.token);
    const again = await assistant.post(`/api/emails/${failed.id}/retry`).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    await assistant.post('/api/emails/2f1d3c9e-8b7a-4c6d-9e0f-112233445566/retry').expect(404);
  });

  it('GET /api/emails pages newest first by cursor and refuses a cursor it did not hand out, naming it', async () => {
    const first = await assistant.get('/api/emails').query({ limit: 1 }).expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await assistant
      .get('/api/emails')
      .query({ limit: 1, cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(Date.parse(second.body.items[0].createdAt)).toBeLessThanOrEqual(
      Date.parse(first.body.items[0].createdAt),
    );

    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-an-id'])).toString('base64url');
    const refused = await assistant.get('/api/emails').query({ cursor: forged }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: expect.any(Array) } });
  });
});
