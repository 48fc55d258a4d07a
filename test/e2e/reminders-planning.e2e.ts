import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { StaffRole, type UserEntity } from '@app/auth';
import { ReminderEntity, REMINDERS_QUEUE, ReminderStatus } from '@app/reminders';
import { FixedClock } from '@app/shared';
import { DeadlineEvents, DeadlineKind } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { DEFAULT_OFFSETS, reminderPolicy } from '../support/reminder-policy';

// 10:00 in Toronto (UTC-5): reminders go out at 08:00 Toronto = 13:00Z.
const NOW = '2026-12-01T15:00:00.000Z';

describe('reminders: planning as deadlines change', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: UserEntity;
  let queue: Queue;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.given.consultant();
    queue = t.app.get<Queue>(getQueueToken(REMINDERS_QUEUE));
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  const rowsOf = (subjectId: string) =>
    t.dataSource.manager.find(ReminderEntity, {
      where: { subjectId },
      order: { sendAt: 'ASC', recipient: 'ASC' },
    });
  const scheduledOf = async (subjectId: string) =>
    (await rowsOf(subjectId)).filter((r) => r.status === ReminderStatus.Scheduled);
  const admins = async () =>
    (
      await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE role = 'admin' AND is_active`)
    ).map((r) => r.id);
  const summary = (rows: ReminderEntity[]) =>
    rows.map(
      (r) =>
        `${r.offsetKey} ${r.recipient === consultant.id ? 'consultant' : 'admin'} ${r.sendAt.toISOString()}`,
    );

  async function expectJobs(rows: ReminderEntity[]): Promise<void> {
    for (const row of rows) {
      const job = await queue.getJob(row.id);
      expect(job).not.toBeNull();
      expect(job?.data).toEqual({ reminderId: row.id });
      expect(job?.opts.delay).toBe(Math.max(0, row.sendAt.getTime() - clock.now().getTime()));
    }
  }
  async function expectNoJobs(rows: ReminderEntity[]): Promise<void> {
    for (const row of rows) {
      expect(await queue.getJob(row.id)).toBeNull();
    }
  }

  it('plans one row and one delayed job per offset and recipient at 08:00 in the firm zone, and escalates once to admins', async () => {
    const file = await t.given.file({ consultantId: consultant.id });
    const deadline = await t.given.deadline(file.id, { dueOn: '2026-12-20' });
    const rows = await rowsOf(deadline.id);
    const adminIds = await admins();
    expect(
      rows.filter((r) => r.recipient === consultant.id).map((r) => [r.offsetKey, r.sendAt.toISOString()]),
    ).toEqual([
      ['7d@2026-12-20', '2026-12-13T13:00:00.000Z'],
      ['1d@2026-12-20', '2026-12-19T13:00:00.000Z'],
    ]);
    const escalations = rows.filter((r) => r.offsetKey === 'overdue@2026-12-20');
    expect(escalations.map((r) => r.recipient).sort()).toEqual([...adminIds].sort());
    expect(escalations.every((r) => r.sendAt.toISOString() === '2026-12-21T13:00:00.000Z')).toBe(true);
    expect(rows.every((r) => r.status === ReminderStatus.Scheduled && r.subjectType === 'deadline')).toBe(
      true,
    );
    await expectJobs(rows);
  });

  it('moves reminders when the deadline moves: old ones cancelled without jobs, new ones scheduled with jobs', async () => {
    const file = await t.given.file({ consultantId: consultant.id });
    const deadline = await t.given.deadline(file.id, { dueOn: '2026-12-20' });
    const before = await scheduledOf(deadline.id);
    await admin.patch(`/api/deadlines/${deadline.id}`).send({ dueOn: '2027-01-10' }).expect(200);

    const after = await rowsOf(deadline.id);
    const old = after.filter((r) => r.offsetKey.endsWith('@2026-12-20'));
    expect(old.map((r) => r.status)).toEqual(before.map(() => ReminderStatus.Cancelled));
    await expectNoJobs(old);
    const fresh = after.filter((r) => r.status === ReminderStatus.Scheduled);
    expect(summary(fresh.filter((r) => r.recipient === consultant.id))).toEqual([
      '7d@2027-01-10 consultant 2027-01-03T13:00:00.000Z',
      '1d@2027-01-10 consultant 2027-01-09T13:00:00.000Z',
    ]);
    await expectJobs(fresh);
  });

  it('cancels every reminder of a completed deadline, re-arms them when it is reopened, cancels them when removed', async () => {
    const file = await t.given.file({ consultantId: consultant.id });
    const deadline = await t.given.deadline(file.id, { dueOn: '2026-12-20' });
    const planned = await scheduledOf(deadline.id);

    await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: true }).expect(200);
    expect((await rowsOf(deadline.id)).map((r) => r.status)).toEqual(
      planned.map(() => ReminderStatus.Cancelled),
    );
    await expectNoJobs(planned);

    await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: false }).expect(200);
    const rearmed = await scheduledOf(deadline.id);
    expect(rearmed.map((r) => r.id).sort()).toEqual(planned.map((r) => r.id).sort());
    await expectJobs(rearmed);

    await admin.delete(`/api/deadlines/${deadline.id}`).expect(204);
    expect((await rowsOf(deadline.id)).every((r) => r.status === ReminderStatus.Cancelled)).toBe(true);
    await expectNoJobs(rearmed);
  });

  it('past offsets of a new deadline: only the nearest one is sent right away, the others are skipped', async () => {
    // Permit expiry on 2026-12-20 (19 days ahead): 120, 90, 60 and 30 days before are past; 14 and 7 are ahead.
    const file = await t.given.file({ consultantId: consultant.id, permitExpiresOn: '2026-12-20' });
    const [deadline] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM deadlines WHERE file_id = $1 AND kind = 'permit_expiry'`,
      [file.id],
    );
    const mine = (await rowsOf(deadline.id)).filter((r) => r.recipient === consultant.id);
    expect(summary(mine)).toEqual([
      `30d@2026-12-20 consultant ${NOW}`,
      '14d@2026-12-20 consultant 2026-12-06T13:00:00.000Z',
      '7d@2026-12-20 consultant 2026-12-13T13:00:00.000Z',
    ]);
    await expectJobs(mine);
  });

  it('a deadline created already overdue gets no reminders before it, and one escalation per admin right away', async () => {
    const file = await t.given.file({ consultantId: consultant.id });
    const deadline = await t.given.deadline(file.id, { dueOn: '2026-11-25' });
    const rows = await rowsOf(deadline.id);
    expect(rows.filter((r) => r.recipient === consultant.id)).toEqual([]);
    expect(rows.map((r) => r.offsetKey)).toEqual(rows.map(() => 'overdue@2026-11-25'));
    expect(rows.map((r) => r.recipient).sort()).toEqual((await admins()).sort());
    expect(rows.every((r) => r.sendAt.toISOString() === NOW)).toBe(true);
  });

  it('follows the assignee, and the file consultant when the file changes hands', async () => {
    const helper = await t.given.user({ role: StaffRole.Assistant });
    const other = await t.given.consultant();
    const file = await t.given.file({ consultantId: consultant.id });
    const deadline = await t.given.deadline(file.id, { dueOn: '2026-12-20' });
    await admin.patch(`/api/deadlines/${deadline.id}`).send({ assigneeId: helper.id }).expect(200);
    let rows = await rowsOf(deadline.id);
    expect(rows.filter((r) => r.recipient === consultant.id).map((r) => r.status)).toEqual([
      ReminderStatus.Cancelled,
      ReminderStatus.Cancelled,
    ]);
    expect(
      rows
        .filter((r) => r.recipient === helper.id && r.status === ReminderStatus.Scheduled)
        .map((r) => r.offsetKey),
    ).toEqual(['7d@2026-12-20', '1d@2026-12-20']);

    const second = await t.given.deadline(file.id, { dueOn: '2026-12-22' });
    await admin.patch(`/api/files/${file.id}`).send({ consultantId: other.id }).expect(200);
    rows = await scheduledOf(second.id);
    expect(rows.filter((r) => !r.offsetKey.startsWith('overdue')).map((r) => r.recipient)).toEqual([
      other.id,
      other.id,
    ]);
  });

  it('writes nothing and queues nothing when the deadline change rolls back', async () => {
    const file = await t.given.file({ consultantId: consultant.id });
    const unsubscribe = t.app.get(DeadlineEvents).subscribe(() => {
      throw new Error('refused after reminders were planned');
    });
    const countBefore = await queue.getJobCounts();
    try {
      await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: 'Rolled back', dueOn: '2026-12-20' })
        .expect(500);
    } finally {
      unsubscribe();
    }
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM reminders r JOIN deadlines d ON d.id = r.subject_id WHERE d.file_id = $1`,
      [file.id],
    );
    expect(n).toBe(0);
    expect(
      await t.dataSource.query(`SELECT 1 FROM deadlines WHERE file_id = $1 AND source = 'manual'`, [file.id]),
    ).toEqual([]);
    expect((await queue.getJobCounts()).delayed).toBe(countBefore.delayed);
  });

  describe('policy (GET|PUT /api/settings/reminders)', () => {
    const policy = (patch: Record<string, unknown> = {}) =>
      reminderPolicy({
        offsets: { ...DEFAULT_OFFSETS, document_expiry: [60, 30] },
        escalateOverdue: true,
        dailyDigest: true,
        ...patch,
      });

    it('shows the defaults to admins only', async () => {
      const res = await admin.get('/api/settings/reminders').expect(200);
      expect(res.body).toEqual({
        ...policy(),
        timeZone: 'America/Toronto',
        updatedAt: null,
        updatedById: null,
      });
      const assistant = await t.signedInAs(StaffRole.Assistant);
      await assistant.get('/api/settings/reminders').expect(404);
      await assistant.put('/api/settings/reminders').send(policy()).expect(404);
    });

    it('refuses bad values naming the field', async () => {
      const noCustom = policy();
      delete (noCustom.offsets as Record<string, unknown>).custom;
      let res = await admin.put('/api/settings/reminders').send(noCustom).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['offsets.custom']);
      res = await admin
        .put('/api/settings/reminders')
        .send(policy({ sendHour: 24 }))
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['sendHour']);
      res = await admin
        .put('/api/settings/reminders')
        .send(policy({ offsets: { ...policy().offsets, medical: [7, 7], custom: [-1], typo: [1] } }))
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['offsets.custom', 'offsets.typo']);
      res = await admin
        .put('/api/settings/reminders')
        .send(policy({ offsets: { ...policy().offsets, medical: [7, 7] } }))
        .expect(400);
      expect(res.body.fields).toEqual({ 'offsets.medical': ['offsets.medical lists a day twice'] });
    });

    it('a change re-plans the future reminders of open deadlines (offsets, hour, assistants) and keeps what was sent', async () => {
      const assistant = await t.given.user({ role: StaffRole.Assistant });
      const file = await t.given.file({ consultantId: consultant.id });
      const deadline = await t.given.deadline(file.id, { dueOn: '2026-12-20' });
      const completed = await t.given.deadline(file.id, { dueOn: '2026-12-21' });
      await admin.patch(`/api/deadlines/${completed.id}`).send({ completed: true }).expect(200);
      const [seven] = (await rowsOf(deadline.id)).filter((r) => r.offsetKey === '7d@2026-12-20');
      await t.dataSource.manager.update(ReminderEntity, { id: seven.id }, { status: ReminderStatus.Sent });

      const res = await admin
        .put('/api/settings/reminders')
        .send(
          policy({
            sendHour: 9,
            notifyAssistants: true,
            offsets: { ...policy().offsets, custom: [25, 7, 3] },
          }),
        )
        .expect(200);
      expect(res.body).toMatchObject({ sendHour: 9, notifyAssistants: true, updatedById: admin.user.id });
      expect(res.body.offsets.custom).toEqual([25, 7, 3]);
      expect(res.body.replanned.deadlines).toBeGreaterThanOrEqual(1);

      const rows = await rowsOf(deadline.id);
      const byKey = (recipient: string) =>
        rows
          .filter((r) => r.recipient === recipient && r.status !== ReminderStatus.Cancelled)
          .map((r) => `${r.offsetKey} ${r.status} ${r.sendAt.toISOString()}`);
      // 25 days before is already past: a policy change does not send late reminders; 7 was sent and stays sent.
      expect(byKey(consultant.id)).toEqual([
        '7d@2026-12-20 sent 2026-12-13T13:00:00.000Z',
        '3d@2026-12-20 scheduled 2026-12-17T14:00:00.000Z',
      ]);
      expect(byKey(assistant.id)).toEqual([
        '7d@2026-12-20 scheduled 2026-12-13T14:00:00.000Z',
        '3d@2026-12-20 scheduled 2026-12-17T14:00:00.000Z',
      ]);
      expect(rows.find((r) => r.offsetKey === '1d@2026-12-20')?.status).toBe(ReminderStatus.Cancelled);
      expect(
        rows
          .filter((r) => r.offsetKey.startsWith('overdue'))
          .every((r) => r.sendAt.toISOString() === '2026-12-21T14:00:00.000Z'),
      ).toBe(true);
      await expectJobs(rows.filter((r) => r.status === ReminderStatus.Scheduled));
      expect((await rowsOf(completed.id)).every((r) => r.status === ReminderStatus.Cancelled)).toBe(true);

      const after = await admin.get('/api/settings/reminders').expect(200);
      expect(after.body.sendHour).toBe(9);
      const [audit] = await t.dataSource.query<{ changes: Record<string, unknown> }[]>(
        `SELECT changes FROM audit_events WHERE action = 'reminder_settings.updated'`,
      );
      expect(Object.keys(audit.changes).sort()).toEqual(['notifyAssistants', 'offsets', 'sendHour']);
    });

    afterAll(async () => {
      await admin.put('/api/settings/reminders').send(policy()).expect(200);
    });
  });

  describe('GET /api/reminders', () => {
    it('lists by send time with filters and keyset pages; consultants see only their own', async () => {
      const file = await t.given.file({ consultantId: consultant.id });
      const deadline = await t.given.deadline(file.id, {
        dueOn: '2027-02-01',
        kind: DeadlineKind.DocumentRequest,
      });
      const page1 = await admin
        .get(`/api/reminders?subjectId=${deadline.id}&status=scheduled&limit=2`)
        .expect(200);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await admin
        .get(
          `/api/reminders?subjectId=${deadline.id}&status=scheduled&limit=2&cursor=${page1.body.nextCursor}`,
        )
        .expect(200);
      const all = [...page1.body.items, ...page2.body.items];
      expect(all.map((r: { offsetKey: string }) => r.offsetKey).slice(0, 2)).toEqual([
        '7d@2027-02-01',
        '2d@2027-02-01',
      ]);
      const inJanuary = await admin
        .get(`/api/reminders?subjectId=${deadline.id}&from=2027-01-25&to=2027-01-25`)
        .expect(200);
      expect(inJanuary.body.items.map((r: { offsetKey: string }) => r.offsetKey)).toEqual(['7d@2027-02-01']);

      const asConsultant = await t.signedInAs(StaffRole.Consultant);
      const mine = await asConsultant.get(`/api/reminders?subjectId=${deadline.id}`).expect(200);
      expect(mine.body.items).toEqual([]);
      await asConsultant.get(`/api/reminders/${all[0].id}`).expect(404);
      await admin.get('/api/reminders?status=nope').expect(400);
      await admin.get('/api/reminders?from=yesterday').expect(400);
      await admin.get(`/api/reminders/${all[0].id}`).expect(200);
      await admin.post(`/api/reminders/${all[0].id}/retry`).expect(409);
    });
  });
});
