// A long spec by design: every sending path of reminders against one app, worker and SMTP server.
// Starting an app per file costs seconds, so the cases stay together.
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { StaffRole, UsersService, type UserEntity } from '@app/auth';
import { EmailEntity, EmailStatus } from '@app/notifications';
import {
  ReminderEntity,
  REMINDERS_QUEUE,
  ReminderStatus,
  ReminderSubjects,
  ReminderSweep,
  type SendReminderPayload,
} from '@app/reminders';
import { FixedClock } from '@app/shared';
import { createWorkerContext } from '../../apps/worker/src/bootstrap';
import { RemindersProcessor } from '../../apps/worker/src/reminders/reminders.processor';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { reminderPolicy } from '../support/reminder-policy';

// Tuesday 2026-12-01, 10:00 in Toronto: reminders are sent at 08:00 Toronto (13:00Z).
const NOW = '2026-12-01T15:00:00.000Z';
jest.setTimeout(90_000);

describe('reminders: sending through the worker and a real SMTP server', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue;
  let admin: SignedInClient;
  let consultant: UserEntity;
  let people = 0;

  const policy = reminderPolicy;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL: 'https://permitdesk.example.ca',
        REMINDER_ATTEMPTS: '3',
        REMINDER_BACKOFF_MS: '150',
        REMINDER_SWEEP_MS: '3600000',
        REMINDER_SENDING_TIMEOUT_MS: '1000',
        // A reminder's email is delivered (and retried) by the outbox; the reminder follows its outcome.
        EMAIL_ATTEMPTS: '3',
        EMAIL_BACKOFF_MS: '150',
      },
    });
    worker = await createWorkerContext(t.config, { clock });
    queue = t.app.get<Queue>(getQueueToken(REMINDERS_QUEUE));
    admin = await t.signedInAs(StaffRole.Admin);
    // Escalations and digests have their own tests below; the others look at one reminder at a time.
    await admin.put('/api/settings/reminders').send(policy()).expect(200);
    consultant = await staff('Marie Tremblay', ['en']);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.close();
  });
  beforeEach(() => {
    clock.set(NOW);
    sink.accept();
  });

  function staff(name: string, languages: string[], role = StaffRole.Consultant): Promise<UserEntity> {
    people += 1;
    return t.app.get(UsersService).create({
      email: `person${people}-${process.pid}@firm.example.ca`,
      name,
      role,
      password: 'a-long-test-password',
      languages,
    });
  }

  const rowsOf = (subjectId: string) =>
    t.dataSource.manager.find(ReminderEntity, { where: { subjectId }, order: { sendAt: 'ASC' } });
  const row = (id: string) => t.dataSource.manager.findOneByOrFail(ReminderEntity, { id });
  const messagesOf = (reminderId: string) =>
    sink.received.filter((m) => m.messageId === `<reminder-${reminderId}@permitdesk.example.ca>`);
  const waitForStatus = (id: string, statuses: ReminderStatus[], timeoutMs = 30_000) =>
    waitFor(
      async () => statuses.includes((await row(id)).status) && row(id),
      timeoutMs,
      `reminder ${id} to be ${statuses.join('/')}`,
    );

  /** What the clock makes due gets its delayed job promoted, as real time passing would. */
  async function sendDue(): Promise<ReminderEntity[]> {
    const due = await t.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .where('r.status = :s AND r.sendAt <= :now', { s: ReminderStatus.Scheduled, now: clock.now() })
      .getMany();
    for (const r of due) {
      const job = await queue.getJob(r.id);
      if (job && (await job.isDelayed())) {
        await job.promote();
      }
    }
    for (const r of due) {
      await waitForStatus(r.id, [ReminderStatus.Sent, ReminderStatus.Cancelled, ReminderStatus.Failed]);
    }
    return due;
  }

  async function customDeadline(
    dueOn: string,
    assignee: UserEntity = consultant,
    title = `Employer letter ${dueOn}`,
  ) {
    const file = await t.given.file({ consultantId: assignee.id });
    const deadline = await t.given.deadline(file.id, { dueOn, title });
    return { file, deadline };
  }

  it('sends a due reminder once, in English, with the file, client, kind, date, days left and a link', async () => {
    // Due Saturday 2026-12-05: 7 days before is past (sent right away), 1 day before is ahead.
    const { file, deadline } = await customDeadline('2026-12-05');
    const [due, ahead] = await rowsOf(deadline.id);
    expect([due.offsetKey, ahead.offsetKey]).toEqual(['7d@2026-12-05', '1d@2026-12-05']);
    const sent = await waitForStatus(due.id, [ReminderStatus.Sent]);
    const [email] = messagesOf(due.id);
    expect(messagesOf(due.id)).toHaveLength(1);
    expect(sent.messageId).toBe(`<reminder-${due.id}@permitdesk.example.ca>`);
    expect(email.to).toEqual([consultant.email]);
    expect(email.subject).toBe(
      `Reminder: ${file.fileNumber} – Deadline in 4 days (Saturday, December 5, 2026)`,
    );
    const client = await t.dataSource.query<{ first_name: string; last_name: string }[]>(
      'SELECT first_name, last_name FROM clients WHERE id = $1',
      [file.clientId],
    );
    expect(email.text).toContain('Hello Marie Tremblay,');
    expect(email.text).toContain(`File: ${file.fileNumber}`);
    expect(email.text).toContain(`Client: ${client[0].first_name} ${client[0].last_name}`);
    expect(email.text).toContain('Deadline: Deadline');
    expect(email.text).toContain('Details: Employer letter 2026-12-05');
    expect(email.text).toContain('Due: Saturday, December 5, 2026');
    expect(email.text).toContain('Days left: 4');
    expect(email.text).toContain(`Open the file: https://permitdesk.example.ca/admin/files/${file.id}`);
    expect(email.html).toContain(
      `<a href="https://permitdesk.example.ca/admin/files/${file.id}">Open the file</a>`,
    );
    expect(email.html).toContain('<td>4</td>');
    expect((await row(ahead.id)).status).toBe(ReminderStatus.Scheduled);

    const outbox = await t.dataSource.manager.findBy(EmailEntity, {
      relatedType: 'reminder',
      relatedId: due.id,
    });
    expect(outbox.map((e) => [e.kind, e.status])).toEqual([['deadline_reminder', EmailStatus.Sent]]);
  });

  it('the worker renders every subject type: deadlines, digests and consultations', () => {
    expect(worker.get(ReminderSubjects).types().sort()).toEqual([
      'consultation',
      'deadline',
      'deadline_digest',
    ]);
  });

  it('a job run twice (or three times at once) sends one email', async () => {
    const { deadline } = await customDeadline('2026-12-06');
    const [due] = await rowsOf(deadline.id);
    const processor = worker.get(RemindersProcessor);
    const fake = {
      data: { reminderId: due.id },
      opts: { attempts: 3 },
      attemptsMade: 0,
    } as Job<SendReminderPayload>;
    const outcomes = await Promise.all([processor.send(fake), processor.send(fake)]);
    await waitForStatus(due.id, [ReminderStatus.Sent]);
    expect(outcomes.filter((o) => o === 'queued').length).toBeLessThanOrEqual(1);
    // The same job again, under another id (as a duplicate add would run it).
    await queue.add(
      'send-reminder',
      { reminderId: due.id },
      { jobId: `again-${due.id}`, removeOnComplete: true },
    );
    await waitFor(
      async () => (await queue.getJob(`again-${due.id}`)) === null,
      30_000,
      'the duplicate job to finish',
    );
    expect(await processor.send(fake)).toBe('skipped');
    expect(messagesOf(due.id)).toHaveLength(1);
    expect((await row(due.id)).attempts).toBe(1);
  });

  it('a completed deadline sends nothing: its rows are cancelled, and a row that was already queued is cancelled when rendered', async () => {
    const { deadline } = await customDeadline('2026-12-20');
    const rows = await rowsOf(deadline.id);
    await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: true }).expect(200);
    expect((await rowsOf(deadline.id)).map((r) => r.status)).toEqual(
      rows.map(() => ReminderStatus.Cancelled),
    );

    // Completed behind the planner's back (as if between the claim and the send): the worker re-reads it.
    const { deadline: other } = await customDeadline('2026-12-21');
    const [seven] = await rowsOf(other.id);
    await t.dataSource.query('UPDATE deadlines SET completed_at = now() WHERE id = $1', [other.id]);
    clock.set('2026-12-14T13:00:00Z');
    await sendDue();
    expect((await row(seven.id)).status).toBe(ReminderStatus.Cancelled);
    expect(messagesOf(seven.id)).toEqual([]);
    for (const r of rows) {
      expect(messagesOf(r.id)).toEqual([]);
    }
  });

  it('SMTP down: retries with backoff, then delivers once when the server is back', async () => {
    sink.refuseNext(2);
    const started = Date.now();
    const { deadline } = await customDeadline('2026-12-07');
    const [due] = await rowsOf(deadline.id);
    // Not `sent` while the server refuses it: the reminder waits for its email.
    const [whileRetrying] = await waitFor(
      async () => {
        const rows = await t.dataSource.query<{ email: string; reminder: string }[]>(
          `SELECT e.status AS email, r.status AS reminder FROM emails e JOIN reminders r ON r.id = e.related_id
          WHERE e.related_type = 'reminder' AND e.related_id = $1 AND e.status = 'pending' AND e.error LIKE '%451%'`,
          [due.id],
        );
        return rows.length > 0 && rows;
      },
      30_000,
      'the email waiting for its next try',
    );
    expect(whileRetrying.reminder).toBe(ReminderStatus.Sending);
    const sent = await waitForStatus(due.id, [ReminderStatus.Sent]);
    // The retries waited: 150 ms, then 300 ms (exponential backoff).
    expect(Date.now() - started).toBeGreaterThanOrEqual(440);
    expect(sent.attempts).toBe(3);
    expect(sent.messageId).toBe(`<reminder-${due.id}@permitdesk.example.ca>`);
    expect(messagesOf(due.id)).toHaveLength(1);
    // One email, tried three times by the outbox.
    const outbox = await t.dataSource.manager.find(EmailEntity, {
      where: { relatedId: due.id },
      order: { createdAt: 'ASC' },
    });
    expect(outbox.map((e) => [e.status, e.attempts])).toEqual([[EmailStatus.Sent, 3]]);
  });

  it('ends failed after the last attempt, is listed as failed, and POST /retry sends it once', async () => {
    sink.refuse();
    const { deadline } = await customDeadline('2026-12-08');
    const [due] = await rowsOf(deadline.id);
    const failed = await waitForStatus(due.id, [ReminderStatus.Failed]);
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/451/);
    const list = await admin.get('/api/reminders?status=failed').expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(due.id);
    expect(messagesOf(due.id)).toEqual([]);

    sink.accept();
    const [failedEmail] = await t.dataSource.manager.findBy(EmailEntity, {
      relatedType: 'reminder',
      relatedId: due.id,
    });
    expect(failedEmail).toMatchObject({ status: EmailStatus.Failed, attempts: 3 });
    expect(failedEmail.error).toMatch(/451/);
    const retried = await admin.post(`/api/reminders/${due.id}/retry`).expect(200);
    // Its email is sent again; the reminder is `sending` until the server accepts it.
    expect(retried.body).toMatchObject({ id: due.id, status: 'sending' });
    const sent = await waitForStatus(due.id, [ReminderStatus.Sent]);
    expect(sent.messageId).toBe(`<reminder-${due.id}@permitdesk.example.ca>`);
    expect(messagesOf(due.id)).toHaveLength(1);
    // The same email, not a second one.
    const emails = await t.dataSource.manager.findBy(EmailEntity, {
      relatedType: 'reminder',
      relatedId: due.id,
    });
    expect(emails.map((e) => [e.id, e.status])).toEqual([[failedEmail.id, EmailStatus.Sent]]);
    await admin.post(`/api/reminders/${due.id}/retry`).expect(409);
    await admin.post('/api/reminders/00000000-0000-4000-8000-000000000000/retry').expect(404);
  });

  it('Redis emptied: the sweep restores every job, and every reminder is delivered once', async () => {
    const workerQueue = worker.get<Queue>(getQueueToken(REMINDERS_QUEUE));
    await workerQueue.pause(true);
    try {
      const deadlines = [];
      for (const dueOn of ['2026-12-03', '2026-12-04', '2026-12-05']) {
        deadlines.push((await customDeadline(dueOn)).deadline);
      }
      const rows = (await Promise.all(deadlines.map((d) => rowsOf(d.id)))).flat();
      expect(rows.filter((r) => r.sendAt.getTime() <= clock.now().getTime())).toHaveLength(3);
      expect(rows).toHaveLength(6);

      // "FLUSHDB", limited to this test file's prefix: other test files share the Redis server.
      const keys = await queue.client.keys(`${t.config.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await queue.client.del(...keys);
      for (const r of rows) {
        expect(await queue.getJob(r.id)).toBeNull();
      }

      const outcome = await worker.get(ReminderSweep).run();
      expect(outcome.requeued).toBeGreaterThanOrEqual(rows.length);
      for (const r of rows) {
        expect(await queue.getJob(r.id)).not.toBeNull();
      }
      await workerQueue.resume(true);
      await waitFor(
        async () =>
          (await Promise.all(rows.filter((r) => r.sendAt <= clock.now()).map((r) => row(r.id)))).every(
            (r) => r.status === ReminderStatus.Sent,
          ),
        30_000,
        'the due reminders',
      );
      for (const day of ['2026-12-02', '2026-12-03', '2026-12-04']) {
        clock.set(`${day}T13:00:00Z`);
        await sendDue();
      }
      await worker.get(ReminderSweep).run();
      for (const r of rows) {
        const after = await row(r.id);
        expect([r.offsetKey, after.status]).toEqual([r.offsetKey, ReminderStatus.Sent]);
        expect(messagesOf(r.id)).toHaveLength(1);
      }
    } finally {
      await workerQueue.resume(true);
    }
  });

  it('the sweep reads rows whose send time has microseconds once, and restores their jobs', async () => {
    const { deadline } = await customDeadline('2027-06-30');
    const rows = await rowsOf(deadline.id);
    expect(rows.length).toBeGreaterThan(1);
    // Written by SQL rather than the planner: one send time, to the microsecond, for all of them.
    await t.dataSource.query(
      `UPDATE reminders SET send_at = '2027-06-20T13:00:00.123456Z' WHERE subject_type = 'deadline' AND subject_id = $1`,
      [deadline.id],
    );
    for (const r of rows) {
      await (await queue.getJob(r.id))?.remove();
    }
    // A cursor cut to milliseconds would read these rows again forever: the sweep would not return.
    const outcome = await worker.get(ReminderSweep).run();
    expect(outcome.requeued).toBeGreaterThanOrEqual(rows.length);
    for (const r of rows) {
      expect(await queue.getJob(r.id)).not.toBeNull();
    }
  });

  it('recovers rows a killed worker left in sending, deciding from the outbox', async () => {
    const { deadline } = await customDeadline('2026-12-24');
    const [seven, one] = await rowsOf(deadline.id);
    const { deadline: third } = await customDeadline('2026-12-25');
    const [locked] = await rowsOf(third.id);
    const claimedAt = new Date(clock.now().getTime() - 60_000);
    await t.dataSource.manager.update(
      ReminderEntity,
      { id: seven.id },
      { status: ReminderStatus.Sending, claimedAt },
    );
    await t.dataSource.manager.update(
      ReminderEntity,
      { id: one.id },
      { status: ReminderStatus.Sending, claimedAt, sendAt: clock.now() },
    );
    await t.dataSource.manager.update(
      ReminderEntity,
      { id: locked.id },
      { status: ReminderStatus.Sending, claimedAt },
    );
    // The first one's email had gone out before the worker died; the second one's had not.
    await t.dataSource.manager.insert(EmailEntity, {
      kind: 'deadline_reminder',
      to: consultant.email,
      subject: 'sent before the crash',
      text: '...',
      relatedType: 'reminder',
      relatedId: seven.id,
      status: EmailStatus.Sent,
      messageId: `<reminder-${seven.id}@permitdesk.example.ca>`,
      sentAt: claimedAt,
    });
    // The third one's job is still held by a live worker (its lock exists): not touched.
    await queue.client.set(`${queue.toKey(locked.id)}:lock`, 'another-worker', 'PX', 60_000);
    // A fourth one's email had ended failed (its outcome not recorded on it); a fifth one's is still in the outbox.
    const { deadline: fourth } = await customDeadline('2026-12-26');
    const [gaveUp, waiting] = await rowsOf(fourth.id);
    await t.dataSource.manager.update(
      ReminderEntity,
      { id: gaveUp.id },
      { status: ReminderStatus.Sending, claimedAt },
    );
    await t.dataSource.manager.update(
      ReminderEntity,
      { id: waiting.id },
      { status: ReminderStatus.Sending, claimedAt },
    );
    const outboxRow = (relatedId: string, status: EmailStatus, error: string | null) => ({
      kind: 'deadline_reminder',
      to: consultant.email,
      subject: 'written before the crash',
      text: '...',
      relatedType: 'reminder',
      relatedId,
      status,
      error,
      messageId: `<reminder-${relatedId}@permitdesk.example.ca>`,
    });
    await t.dataSource.manager.insert(
      EmailEntity,
      outboxRow(gaveUp.id, EmailStatus.Failed, '550 Mailbox unavailable'),
    );
    // `sending` with its acknowledgement window ahead: the outbox sweep leaves it alone too.
    await t.dataSource.manager.insert(EmailEntity, {
      ...outboxRow(waiting.id, EmailStatus.Sending, null),
      claimedAt: new Date(),
      nextAttemptAt: new Date(Date.now() + 3_600_000),
    });

    const outcome = await worker.get(ReminderSweep).run();
    expect(outcome).toMatchObject({ recoveredSent: 1, recoveredFailed: 1, recoveredToSend: 1 });
    expect(await row(gaveUp.id)).toMatchObject({
      status: ReminderStatus.Failed,
      lastError: '550 Mailbox unavailable',
    });
    expect((await row(waiting.id)).status).toBe(ReminderStatus.Sending);
    expect(await row(seven.id)).toMatchObject({
      status: ReminderStatus.Sent,
      messageId: `<reminder-${seven.id}@permitdesk.example.ca>`,
    });
    await waitForStatus(one.id, [ReminderStatus.Sent]);
    expect(messagesOf(one.id)).toHaveLength(1);
    expect(messagesOf(seven.id)).toHaveLength(0);
    expect((await row(locked.id)).status).toBe(ReminderStatus.Sending);
    await queue.client.del(`${queue.toKey(locked.id)}:lock`);
  });

  it('writes French reminders to a French-speaking consultant', async () => {
    const francophone = await staff('Élodie Gagnon', ['fr', 'en']);
    const { file, deadline } = await customDeadline('2026-12-03', francophone, 'Lettre de l’employeur');
    const [due] = await rowsOf(deadline.id);
    await waitForStatus(due.id, [ReminderStatus.Sent]);
    const [email] = messagesOf(due.id);
    expect(email.subject).toBe(`Rappel : ${file.fileNumber} – Échéance dans 2 jours (jeudi 3 décembre 2026)`);
    expect(email.text).toContain('Bonjour Élodie Gagnon,');
    expect(email.text).toContain(`Dossier : ${file.fileNumber}`);
    expect(email.text).toContain('Échéance : Échéance');
    expect(email.text).toContain('Date : jeudi 3 décembre 2026');
    expect(email.text).toContain('Jours restants : 2');
    expect(email.text).toContain(`Ouvrir le dossier : https://permitdesk.example.ca/admin/files/${file.id}`);
    expect(email.html).toContain('<html lang="fr">');
  });

  it('escalates an overdue deadline once to each admin, in their language', async () => {
    await admin
      .put('/api/settings/reminders')
      .send(policy({ escalateOverdue: true }))
      .expect(200);
    try {
      const frenchAdmin = await staff('Louis Roy', ['fr'], StaffRole.Admin);
      const { file, deadline } = await customDeadline('2026-12-02');
      clock.set('2026-12-03T13:00:00Z');
      await sendDue();
      const escalations = (await rowsOf(deadline.id)).filter((r) => r.offsetKey === 'overdue@2026-12-02');
      expect(escalations.map((r) => r.status)).toEqual(escalations.map(() => ReminderStatus.Sent));
      const toFrench = escalations.find((r) => r.recipient === frenchAdmin.id) as ReminderEntity;
      const [fr] = messagesOf(toFrench.id);
      expect(fr.subject).toBe(`En retard : ${file.fileNumber} – Échéance (mercredi 2 décembre 2026)`);
      expect(fr.text).toContain('Responsable : Marie Tremblay');
      const toAdmin = escalations.find((r) => r.recipient === admin.user.id) as ReminderEntity;
      const [en] = messagesOf(toAdmin.id);
      expect(en.subject).toBe(`Overdue: ${file.fileNumber} – Deadline (Wednesday, December 2, 2026)`);
      expect(en.text).toContain('Was due: Wednesday, December 2, 2026 (1 day overdue)');
      // Once: a later sweep and a later day add nothing.
      clock.set('2026-12-04T13:00:00Z');
      await worker.get(ReminderSweep).run();
      await sendDue();
      for (const r of escalations) {
        expect(messagesOf(r.id)).toHaveLength(1);
      }
    } finally {
      await admin.put('/api/settings/reminders').send(policy()).expect(200);
    }
  });

  it('sends each consultant one daily digest at the send hour: overdue, then the next 14 days by day; none when empty', async () => {
    await admin
      .put('/api/settings/reminders')
      .send(policy({ dailyDigest: true, offsets: { ...policy().offsets, custom: [] } }))
      .expect(200);
    try {
      clock.set('2026-12-07T12:00:00Z'); // Monday 07:00 in Toronto, before the send hour
      const busy = await staff('Ana Silva', ['en']);
      const idle = await staff('Idle Person', ['en']);
      const francophone = await staff('Chloé Martin', ['fr']);
      const file = await t.given.file({ consultantId: busy.id });
      for (const [dueOn, title] of [
        ['2026-12-04', 'Late police certificate'],
        ['2026-12-07', 'Sign the forms'],
        ['2026-12-09', 'Employer letter'],
        ['2026-12-09', 'Pay stubs'],
        ['2026-12-20', 'Last day of the window'],
        ['2026-12-21', 'Outside the window'],
      ]) {
        await t.given.deadline(file.id, { dueOn, title });
      }
      const done = await t.given.deadline(file.id, { dueOn: '2026-12-08', title: 'Already done' });
      await admin.patch(`/api/deadlines/${done.id}`).send({ completed: true }).expect(200);
      const frFile = await t.given.file({ consultantId: francophone.id });
      await t.given.deadline(frFile.id, { dueOn: '2026-12-08', title: 'Photos' });

      const sweep = worker.get(ReminderSweep);
      await sweep.run();
      const digests = await t.dataSource.manager.find(ReminderEntity, {
        where: { subjectType: 'deadline_digest', subjectId: busy.id },
      });
      expect(digests.map((d) => [d.offsetKey, d.sendAt.toISOString()]).sort()).toEqual([
        ['daily@2026-12-07', '2026-12-07T13:00:00.000Z'],
        ['daily@2026-12-08', '2026-12-08T13:00:00.000Z'],
      ]);

      clock.set('2026-12-07T13:00:00Z');
      await sendDue();
      const mine = sink.to(busy.email).filter((m) => m.subject.startsWith('Your deadlines'));
      expect(mine).toHaveLength(1);
      const [digest] = mine;
      expect(digest.subject).toBe('Your deadlines for Monday, December 7, 2026: 5 items');
      const text = digest.text;
      const order = [
        'Overdue (1)',
        'Late police certificate',
        'Next 14 days',
        'Monday, December 7, 2026',
        'Sign the forms',
        'Wednesday, December 9, 2026',
        'Employer letter',
        'Pay stubs',
        'Sunday, December 20, 2026',
        'Last day of the window',
      ];
      const positions = order.map((s) => text.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain('3 days overdue');
      expect(text).toContain('in 2 days');
      expect(text).not.toContain('Outside the window');
      expect(text).not.toContain('Already done');
      expect(text).toContain(`https://permitdesk.example.ca/admin/files/${file.id}`);
      expect(digest.html).toContain('<h2>Overdue (1)</h2>');

      const [fr] = sink.to(francophone.email).filter((m) => m.subject.startsWith('Vos échéances'));
      expect(fr.subject).toBe('Vos échéances du lundi 7 décembre 2026 : 1 élément');
      expect(fr.text).toContain('Les 14 prochains jours');
      expect(fr.text).toContain('mardi 8 décembre 2026');
      expect(fr.text).toContain('demain');

      const idleDigest = await t.dataSource.manager.findOneByOrFail(ReminderEntity, {
        subjectType: 'deadline_digest',
        subjectId: idle.id,
        offsetKey: 'daily@2026-12-07',
      });
      expect(idleDigest.status).toBe(ReminderStatus.Cancelled);
      expect(sink.to(idle.email)).toEqual([]);

      // Later sweeps the same day plan nothing new: one digest a day.
      clock.set('2026-12-07T15:00:00Z');
      await sweep.run();
      await sendDue();
      expect(sink.to(busy.email).filter((m) => m.subject.startsWith('Your deadlines'))).toHaveLength(1);
    } finally {
      await admin.put('/api/settings/reminders').send(policy()).expect(200);
    }
  });

  it('GET /api/emails: admins and assistants see the outbox, a consultant only emails sent to them', async () => {
    const assistant = await t.signedInAs(StaffRole.Assistant);
    const all = await admin.get('/api/emails?limit=200').expect(200);
    expect(all.body.items.length).toBeGreaterThan(1);
    expect(new Set(all.body.items.map((e: { to: string }) => e.to)).size).toBeGreaterThan(1);
    expect((await assistant.get('/api/emails?limit=200').expect(200)).body.items).toHaveLength(
      all.body.items.length,
    );
    const failed = await admin.get('/api/emails?status=failed').expect(200);
    expect(failed.body.items.every((e: { status: string }) => e.status === 'failed')).toBe(true);

    const consultantClient = await t.signedInAs(StaffRole.Consultant);
    const { deadline } = await customDeadline('2026-12-04', consultantClient.user);
    const [due] = await rowsOf(deadline.id);
    await waitForStatus(due.id, [ReminderStatus.Sent]);
    const own = await consultantClient
      .get(`/api/emails?to=${encodeURIComponent(consultant.email)}`)
      .expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((e: { to: string }) => e.to === consultantClient.user.email)).toBe(true);
    expect(own.body.items[0]).toMatchObject({
      kind: 'deadline_reminder',
      relatedType: 'reminder',
      relatedId: due.id,
      status: 'sent',
    });
    await admin.get('/api/emails?status=sideways').expect(400);
  });

  describe('bull-board at /admin/queues', () => {
    it('is refused without a sign-in and to non-admins; an admin bearer token opens it', async () => {
      await t.http().get('/admin/queues').expect(401);
      const asConsultant = await t.signedInAs(StaffRole.Consultant);
      await t.http().get('/admin/queues').set('Authorization', `Bearer ${asConsultant.token}`).expect(404);
      await t.http().get('/admin/queues').set('Authorization', 'Bearer not-a-token').expect(401);
      const page = await t
        .http()
        .get('/admin/queues')
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(200);
      expect(page.text).toContain('<base href="/admin/queues/"');
      const api = await t
        .http()
        .get('/admin/queues/api/queues')
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(200);
      expect(JSON.stringify(api.body)).toContain(REMINDERS_QUEUE);
    });

    it('a browser gets an HttpOnly, SameSite=Strict cookie scoped to /admin/queues from POST /api/auth/queues-session', async () => {
      const res = await admin.post('/api/auth/queues-session').expect(200);
      expect(res.body.url).toBe('/admin/queues');
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(
        /^pd_queues=[^;]+; Max-Age=3600; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/,
      );
      const value = cookie.split(';')[0];
      await t.http().get('/admin/queues/api/queues').set('Cookie', value).expect(200);
      await t
        .http()
        .get('/admin/queues')
        .set('Cookie', `${value.slice(0, -2)}xx`)
        .expect(401);
      // The cookie is not an access token, and an access token is not a cookie.
      await t
        .http()
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${value.split('=')[1]}`)
        .expect(401);
      await t.http().get('/admin/queues').set('Cookie', `pd_queues=${admin.token}`).expect(401);
      const asAssistant = await t.signedInAs(StaffRole.Assistant);
      await asAssistant.post('/api/auth/queues-session').expect(404);
      const closed = await admin.delete('/api/auth/queues-session').expect(204);
      expect((closed.headers['set-cookie'] as unknown as string[])[0]).toMatch(
        /^pd_queues=; Path=\/admin\/queues; Expires=Thu, 01 Jan 1970/,
      );
    });
  });
});
