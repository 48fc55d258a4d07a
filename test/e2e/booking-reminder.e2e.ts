import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import { StaffRole } from '@app/auth';
import { CONSULTATION_SUBJECT } from '@app/consultations';
import { ReminderEntity, REMINDERS_QUEUE, ReminderStatus } from '@app/reminders';
import { FixedClock } from '@app/shared';
import { createWorkerContext } from '../../apps/worker/src/bootstrap';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS, publicBooking } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';

describe('the client reminder 24 h before a consultation, sent by the worker', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue;
  let consultantId: string;
  let typeId: string;
  let people = 0;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL: 'https://permitdesk.example.ca',
        ...LIFTED_BOOKING_LIMITS,
      },
    });
    worker = await createWorkerContext(t.config, { clock });
    queue = t.app.get<Queue>(getQueueToken(REMINDERS_QUEUE));
    const admin = await t.signedInAs(StaffRole.Admin);
    const consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Amélie Tremblay' });
    consultantId = consultant.user.id;
    await consultant
      .put(`/api/consultants/${consultantId}/availability`)
      .send({
        timezone: 'America/Toronto',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        videoLink: 'https://meet.example.ca/amelie',
      })
      .expect(200);
    typeId = await consultationType(admin);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.close();
  });

  async function book(
    startsAt: string,
    language = 'en',
  ): Promise<{ id: string; token: string; email: string }> {
    const email = `client${++people}-${process.pid}@example.com`;
    const { id, token } = await publicBooking(t, { type: typeId, consultantId, startsAt, email, language });
    return { id, token, email };
  }

  async function reminderOf(consultationId: string): Promise<ReminderEntity> {
    return t.dataSource.getRepository(ReminderEntity).findOneByOrFail({
      subjectType: CONSULTATION_SUBJECT,
      subjectId: consultationId,
      status: ReminderStatus.Scheduled,
    });
  }

  /** Real time passing: the clock moves to the send time and the delayed job is promoted. */
  async function runDue(reminder: ReminderEntity): Promise<void> {
    clock.set(reminder.sendAt);
    const job = await queue.getJob(reminder.id);
    expect(job).not.toBeNull();
    await job!.promote();
  }

  it('sends the reminder at the planned time, once, in the client’s language', async () => {
    const booked = await book('2026-11-24T16:00:00Z', 'fr');
    const reminder = await reminderOf(booked.id);
    expect(reminder.sendAt.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    await waitFor(() => sink.to(booked.email).length === 1, 10_000, 'the confirmation');

    await runDue(reminder);
    const sent = await waitFor(
      async () => {
        const row = await t.dataSource.getRepository(ReminderEntity).findOneByOrFail({ id: reminder.id });
        return row.status === ReminderStatus.Sent ? row : null;
      },
      20_000,
      'the reminder to be sent',
    );
    expect(sent.messageId).toBe(`<reminder-${reminder.id}@permitdesk.example.ca>`);
    const mails = sink.to(booked.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toContain('Rappel : votre consultation a lieu demain');
    expect(mails[1].text).toContain('Amélie Tremblay');
    // Where to go: the consultant's video link.
    expect(mails[1].text).toContain('Appel vidéo : https://meet.example.ca/amelie');
  });

  it('sends nothing for a cancelled consultation', async () => {
    clock.set(NOW);
    const booked = await book('2026-11-25T16:00:00Z');
    const reminder = await reminderOf(booked.id);
    await t.http().post(`/api/public/bookings/${booked.token}/cancel`).expect(200);
    const row = await t.dataSource.getRepository(ReminderEntity).findOneByOrFail({ id: reminder.id });
    expect(row.status).toBe(ReminderStatus.Cancelled);
    expect(await queue.getJob(reminder.id)).toBeNull();
  });
});
