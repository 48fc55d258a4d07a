// A long spec by design: every deadlines route against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { StaffRole, UsersService } from '@app/auth';
import { FixedClock } from '@app/shared';
import { DeadlineEntity, DeadlineEvents, DeadlineKind, type DeadlineChange } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

/** 10:00 in Toronto (the firm's zone) on 2026-12-10. */
const NOW = '2026-12-10T15:00:00.000Z';

interface Deadline {
  id: string;
  fileId: string;
  fileNumber: string | null;
  clientName: string | null;
  kind: string;
  source: string;
  title: string;
  notes: string | null;
  dueOn: string;
  assigneeId: string | null;
  isOverdue: boolean;
  completedAt: string | null;
  completedById: string | null;
}

interface File {
  id: string;
  fileNumber: string;
  client: { id: string; firstName: string; lastName: string };
  consultant: { id: string } | null;
  permitExpiresOn: string | null;
  biometricsDueOn: string | null;
  tfwp: { lmiaExpiresOn: string | null } | null;
  deadlines: Deadline[];
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('deadlines', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterEach(() => clock.set(NOW));
  afterAll(() => t.close());

  /** Opens a file through POST /api/files (an IMP C43 file unless the body says otherwise). */
  async function openFile(body: Record<string, unknown> = {}, as: SignedInClient = admin): Promise<File> {
    const consultantId = (body.consultantId as string | undefined) ?? null;
    const client = await t.given.client({ consultantId });
    const res = await as.post('/api/files').send({
      clientId: client.id,
      stream: 'IMP',
      applicationType: 'initial',
      imp: { exemptionCode: 'C43' },
      ...body,
    });
    expect([res.status, res.body.fields]).toEqual([201, undefined]);
    return res.body as File;
  }

  async function deadlinesOf(fileId: string, as: SignedInClient = admin): Promise<Deadline[]> {
    const res = await as.get(`/api/files/${fileId}/deadlines`).query({ limit: 200 }).expect(200);
    return (res.body as Page<Deadline>).items;
  }

  async function listAll(
    query: Record<string, string | number | boolean>,
    as: SignedInClient = admin,
  ): Promise<Deadline[]> {
    const res = await as
      .get('/api/deadlines')
      .query({ limit: 200, ...query })
      .expect(200);
    return (res.body as Page<Deadline>).items;
  }

  describe('key dates of a file', () => {
    it('creates the matching deadlines when a file is opened with key dates, assigned to its consultant', async () => {
      const consultant = await t.signedInAs(StaffRole.Consultant);
      const file = await openFile({
        consultantId: consultant.user.id,
        permitExpiresOn: '2028-12-31',
        biometricsDueOn: '2027-01-10',
        medicalDueOn: '2027-01-20',
        pflResponseDueOn: '2027-02-01',
        submittedOn: '2026-12-01',
      });

      const deadlines = await deadlinesOf(file.id);
      expect(deadlines.map((d) => [d.kind, d.dueOn])).toEqual([
        ['biometrics', '2027-01-10'],
        ['medical', '2027-01-20'],
        ['pfl_response', '2027-02-01'],
        ['permit_expiry', '2028-12-31'],
      ]);
      for (const d of deadlines) {
        expect(d).toMatchObject({
          fileId: file.id,
          fileNumber: file.fileNumber,
          clientName: `${file.client.firstName} ${file.client.lastName}`,
          source: 'key_date',
          assigneeId: consultant.user.id,
          completedAt: null,
          isOverdue: false,
        });
      }
      expect(deadlines[0].title).toBe('Biometrics due');
      // The file's own response carries the same deadlines.
      const fetched = await admin.get(`/api/files/${file.id}`).expect(200);
      expect((fetched.body as File).deadlines.map((d) => d.id).sort()).toEqual(
        deadlines.map((d) => d.id).sort(),
      );
    });

    it('creates the LMIA expiry deadline of a TFWP file', async () => {
      const file = await openFile({
        stream: 'TFWP',
        imp: undefined,
        employer: { name: 'Fraser Farms Ltd.' },
        tfwp: {
          lmiaStream: 'agricultural',
          lmiaStatus: 'positive',
          lmiaNumber: '1234567',
          lmiaIssuedOn: '2026-10-01',
          lmiaExpiresOn: '2027-04-01',
        },
      });
      const deadlines = await deadlinesOf(file.id);
      expect(deadlines.map((d) => [d.kind, d.dueOn, d.source])).toEqual([
        ['lmia_expiry', '2027-04-01', 'key_date'],
      ]);
      expect(deadlines[0].assigneeId).toBeNull();
    });

    it('moves the deadline when its key date changes, removes it when cleared, creates one when set', async () => {
      const file = await openFile({ permitExpiresOn: '2028-12-31', biometricsDueOn: '2027-01-10' });
      const before = await deadlinesOf(file.id);
      const permit = before.find((d) => d.kind === 'permit_expiry') as Deadline;
      const biometrics = before.find((d) => d.kind === 'biometrics') as Deadline;

      await admin
        .patch(`/api/files/${file.id}`)
        .send({ permitExpiresOn: '2029-06-30', biometricsDueOn: null, medicalDueOn: '2027-03-03' })
        .expect(200);

      const after = await deadlinesOf(file.id);
      expect(after.map((d) => [d.kind, d.dueOn])).toEqual([
        ['medical', '2027-03-03'],
        ['permit_expiry', '2029-06-30'],
      ]);
      expect(after.find((d) => d.kind === 'permit_expiry')?.id).toBe(permit.id);
      await admin.get(`/api/deadlines/${biometrics.id}`).expect(404);
    });

    it('keeps a completed key-date deadline completed when the file moves its date', async () => {
      const file = await openFile({ biometricsDueOn: '2027-01-10' });
      const [biometrics] = await deadlinesOf(file.id);
      await admin.patch(`/api/deadlines/${biometrics.id}`).send({ completed: true }).expect(200);
      await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: '2027-01-17' }).expect(200);
      const moved = await admin.get(`/api/deadlines/${biometrics.id}`).expect(200);
      expect(moved.body).toMatchObject({ dueOn: '2027-01-17', completedAt: NOW });
    });

    it("moves the file's key date when its deadline is moved", async () => {
      const file = await openFile({ permitExpiresOn: '2028-12-31' });
      const [permit] = await deadlinesOf(file.id);
      const res = await admin.patch(`/api/deadlines/${permit.id}`).send({ dueOn: '2029-01-15' }).expect(200);
      expect(res.body).toMatchObject({ id: permit.id, dueOn: '2029-01-15', source: 'key_date' });
      const fetched = await admin.get(`/api/files/${file.id}`).expect(200);
      expect((fetched.body as File).permitExpiresOn).toBe('2029-01-15');

      const tfwpFile = await openFile({
        stream: 'TFWP',
        imp: undefined,
        employer: { name: 'Fraser Farms Ltd.' },
        tfwp: {
          lmiaStream: 'agricultural',
          lmiaStatus: 'positive',
          lmiaIssuedOn: '2026-10-01',
          lmiaExpiresOn: '2027-04-01',
        },
      });
      const [lmia] = await deadlinesOf(tfwpFile.id);
      await admin.patch(`/api/deadlines/${lmia.id}`).send({ dueOn: '2027-03-15' }).expect(200);
      const tfwp = await admin.get(`/api/files/${tfwpFile.id}`).expect(200);
      expect((tfwp.body as File).tfwp?.lmiaExpiresOn).toBe('2027-03-15');
    });

    it("moves the old consultant's deadlines (completed ones too) and open unassigned ones to the new consultant", async () => {
      const [first, second] = await Promise.all([t.given.consultant(), t.given.consultant()]);
      const helper = await t.given.user({ role: StaffRole.Assistant });
      const file = await openFile({ consultantId: first.id, permitExpiresOn: '2028-12-31' });
      const mine = await t.given.deadline(file.id, { dueOn: '2027-02-01' });
      const unassigned = await t.given.deadline(file.id, { dueOn: '2027-02-02', assigneeId: null });
      const helpers = await t.given.deadline(file.id, { dueOn: '2027-02-03', assigneeId: helper.id });
      const done = await t.given.deadline(file.id, { dueOn: '2027-02-04' });
      await admin.patch(`/api/deadlines/${done.id}`).send({ completed: true }).expect(200);

      await admin.patch(`/api/files/${file.id}`).send({ consultantId: second.id }).expect(200);

      const byId = new Map((await deadlinesOf(file.id)).map((d) => [d.id, d.assigneeId]));
      const permit = (await deadlinesOf(file.id)).find((d) => d.kind === 'permit_expiry') as Deadline;
      expect(permit.assigneeId).toBe(second.id);
      expect(byId.get(mine.id)).toBe(second.id);
      expect(byId.get(unassigned.id)).toBe(second.id);
      expect(byId.get(helpers.id)).toBe(helper.id);
      // The old consultant no longer sees the file, so no deadline of it stays theirs, done or not.
      expect(byId.get(done.id)).toBe(second.id);
    });

    it('moves a deadline still held by some other consultant (assigned before the rule) to the new consultant', async () => {
      const [first, second, stranger] = await Promise.all([
        t.given.consultant(),
        t.given.consultant(),
        t.given.consultant(),
      ]);
      const file = await openFile({ consultantId: first.id });
      const legacy = await t.given.deadline(file.id, { dueOn: '2027-02-05' });
      await t.dataSource.getRepository(DeadlineEntity).update({ id: legacy.id }, { assigneeId: stranger.id });

      await admin.patch(`/api/files/${file.id}`).send({ consultantId: second.id }).expect(200);
      expect((await deadlinesOf(file.id)).find((d) => d.id === legacy.id)?.assigneeId).toBe(second.id);
    });
  });

  describe('manual deadlines', () => {
    it('creates, reads, changes and deletes a custom deadline', async () => {
      const consultant = await t.signedInAs(StaffRole.Consultant);
      const file = await openFile({ consultantId: consultant.user.id, permitExpiresOn: '2028-12-31' });

      const created = await consultant
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: '  Send signed employment contract ', dueOn: '2027-01-05', notes: 'Ask HR' })
        .expect(201);
      expect(created.body).toMatchObject({
        fileId: file.id,
        fileNumber: file.fileNumber,
        kind: 'custom',
        source: 'manual',
        title: 'Send signed employment contract',
        notes: 'Ask HR',
        dueOn: '2027-01-05',
        assigneeId: consultant.user.id,
        completedAt: null,
      });
      const id = (created.body as Deadline).id;

      const changed = await consultant
        .patch(`/api/deadlines/${id}`)
        .send({ title: 'Send contract', notes: null, dueOn: '2027-01-06' })
        .expect(200);
      expect(changed.body).toMatchObject({ id, title: 'Send contract', notes: null, dueOn: '2027-01-06' });
      const fetched = await consultant.get(`/api/deadlines/${id}`).expect(200);
      expect(fetched.body).toMatchObject({ title: 'Send contract', dueOn: '2027-01-06' });
      // A manual deadline does not touch the file's dates.
      expect(((await admin.get(`/api/files/${file.id}`).expect(200)).body as File).permitExpiresOn).toBe(
        '2028-12-31',
      );

      await consultant.delete(`/api/deadlines/${id}`).expect(204);
      await consultant.get(`/api/deadlines/${id}`).expect(404);
      await consultant.delete(`/api/deadlines/${id}`).expect(404);
    });

    it('titles other manual kinds after their kind, takes another assignee or none', async () => {
      const file = await openFile();
      const other = await t.given.user({ role: StaffRole.Assistant });
      const docs = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ kind: 'document_request', dueOn: '2027-01-05', assigneeId: other.id })
        .expect(201);
      expect(docs.body).toMatchObject({
        kind: 'document_request',
        title: 'Documents requested by IRCC',
        assigneeId: other.id,
      });
      const passport = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ kind: 'passport_expiry', dueOn: '2030-02-01', assigneeId: null })
        .expect(201);
      expect(passport.body).toMatchObject({ title: 'Passport expires', assigneeId: null });
    });

    it('refuses to delete a key-date deadline (409) and to create one by hand (400)', async () => {
      const file = await openFile({ permitExpiresOn: '2028-12-31' });
      const [permit] = await deadlinesOf(file.id);
      const refused = await admin.delete(`/api/deadlines/${permit.id}`).expect(409);
      expect(refused.body.code).toBe('DEADLINE_MANAGED_BY_FILE');
      await admin.get(`/api/deadlines/${permit.id}`).expect(200);

      const manual = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ kind: 'permit_expiry', dueOn: '2029-01-01' })
        .expect(400);
      expect(Object.keys(manual.body.fields)).toEqual(['kind']);
    });

    it('completes and reopens a deadline', async () => {
      const file = await openFile();
      const deadline = await t.given.deadline(file.id, { dueOn: '2027-01-05' });
      const done = await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: true }).expect(200);
      expect(done.body).toMatchObject({ completedAt: NOW, completedById: admin.user.id });

      clock.advance(60_000);
      const again = await admin.patch(`/api/deadlines/${deadline.id}`).send({ completed: true }).expect(200);
      expect(again.body.completedAt).toBe(NOW);

      const reopened = await admin
        .patch(`/api/deadlines/${deadline.id}`)
        .send({ completed: false })
        .expect(200);
      expect(reopened.body).toMatchObject({ completedAt: null, completedById: null });
    });
  });

  describe('lists', () => {
    it('filters by due range, assignee, kind and status', async () => {
      const assignee = await t.given.user({ role: StaffRole.Assistant });
      const file = await openFile({ permitExpiresOn: '2031-03-20' });
      const early = await t.given.deadline(file.id, { dueOn: '2031-03-01', assigneeId: assignee.id });
      const mid = await t.given.deadline(file.id, {
        dueOn: '2031-03-15',
        kind: DeadlineKind.DocumentRequest,
      });
      await t.given.deadline(file.id, { dueOn: '2031-04-01', assigneeId: assignee.id });

      const march = await listAll({ from: '2031-03-01', to: '2031-03-31' });
      expect(march.map((d) => d.dueOn)).toEqual(['2031-03-01', '2031-03-15', '2031-03-20']);
      expect(march[0]).toMatchObject({
        fileNumber: file.fileNumber,
        clientName: `${file.client.firstName} ${file.client.lastName}`,
      });

      const assigned = await listAll({ assigneeId: assignee.id });
      expect(assigned.map((d) => d.dueOn)).toEqual(['2031-03-01', '2031-04-01']);

      const docs = await listAll({ fileId: file.id, kind: 'document_request' });
      expect(docs.map((d) => d.id)).toEqual([mid.id]);

      await admin.patch(`/api/deadlines/${early.id}`).send({ completed: true }).expect(200);
      expect((await listAll({ fileId: file.id, status: 'completed' })).map((d) => d.id)).toEqual([early.id]);
      expect(await listAll({ fileId: file.id, status: 'open' })).toHaveLength(3);
      expect(await listAll({ fileId: file.id, status: 'all' })).toHaveLength(4);
      expect(await listAll({ fileId: file.id })).toHaveLength(4);
    });

    it("lists overdue deadlines by the firm's calendar day, turning over at midnight in Toronto", async () => {
      const file = await openFile();
      const yesterday = await t.given.deadline(file.id, { dueOn: '2026-12-09' });
      const today = await t.given.deadline(file.id, { dueOn: '2026-12-10' });
      const tomorrow = await t.given.deadline(file.id, { dueOn: '2026-12-11' });
      const doneLate = await t.given.deadline(file.id, { dueOn: '2026-12-01' });
      await admin.patch(`/api/deadlines/${doneLate.id}`).send({ completed: true }).expect(200);

      const overdue = await listAll({ fileId: file.id, overdue: 'true' });
      expect(overdue.map((d) => d.id)).toEqual([yesterday.id]);
      expect(overdue[0].isOverdue).toBe(true);
      const notOverdue = await listAll({ fileId: file.id, overdue: 'false' });
      expect(notOverdue.map((d) => d.id)).toEqual([doneLate.id, today.id, tomorrow.id]);
      expect(notOverdue.every((d) => !d.isOverdue)).toBe(true);

      clock.set('2026-12-11T04:59:59Z'); // 23:59:59 on 2026-12-10 in Toronto
      expect((await listAll({ fileId: file.id, overdue: 'true' })).map((d) => d.id)).toEqual([yesterday.id]);
      clock.set('2026-12-11T05:00:00Z'); // midnight in Toronto
      expect((await listAll({ fileId: file.id, overdue: 'true' })).map((d) => d.id)).toEqual([
        yesterday.id,
        today.id,
      ]);
    });

    it('pages by due day then id, without duplicates or gaps', async () => {
      const file = await openFile({ biometricsDueOn: '2027-05-02' });
      for (const dueOn of [
        '2027-05-03',
        '2027-05-01',
        '2027-05-02',
        '2027-05-02',
        '2027-05-01',
        '2027-05-02',
        '2027-05-04',
      ]) {
        await t.given.deadline(file.id, { dueOn });
      }
      const all = await listAll({ fileId: file.id });
      expect(all).toHaveLength(8);
      const sorted = [...all].sort((a, b) =>
        a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1,
      );
      expect(all.map((d) => d.id)).toEqual(sorted.map((d) => d.id));

      for (const url of ['/api/deadlines', `/api/files/${file.id}/deadlines`]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: Record<string, string | number> = {
            fileId: file.id,
            limit: 3,
            ...(cursor ? { cursor } : {}),
          };
          if (url !== '/api/deadlines') {
            delete query.fileId;
          }
          const res = await admin.get(url).query(query).expect(200);
          const page = res.body as Page<Deadline>;
          seen.push(...page.items.map((d) => d.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(pages).toBe(3);
        expect(seen).toEqual(all.map((d) => d.id));
      }
    });
  });

  describe('who sees what', () => {
    it('lets admins and assistants see and change every deadline, consultants only theirs (404 otherwise)', async () => {
      const owner = await t.signedInAs(StaffRole.Consultant);
      const stranger = await t.signedInAs(StaffRole.Consultant);
      const assistant = await t.signedInAs(StaffRole.Assistant);
      const file = await openFile({ consultantId: owner.user.id, permitExpiresOn: '2028-12-31' });
      const custom = await t.given.deadline(file.id, { dueOn: '2027-01-05' });

      for (const who of [admin, assistant, owner]) {
        await who.get(`/api/deadlines/${custom.id}`).expect(200);
        expect(await deadlinesOf(file.id, who)).toHaveLength(2);
      }
      await stranger.get(`/api/deadlines/${custom.id}`).expect(404);
      await stranger.get(`/api/files/${file.id}/deadlines`).expect(404);
      await stranger
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: 'Sneaky', dueOn: '2027-01-01' })
        .expect(404);
      await stranger.patch(`/api/deadlines/${custom.id}`).send({ completed: true }).expect(404);
      await stranger.delete(`/api/deadlines/${custom.id}`).expect(404);
      expect(await listAll({ fileId: file.id }, stranger)).toEqual([]);
      expect((await listAll({ fileId: file.id }, owner)).map((d) => d.id)).toContain(custom.id);

      await assistant.patch(`/api/deadlines/${custom.id}`).send({ notes: 'Called the client' }).expect(200);
      await assistant
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: 'Follow up', dueOn: '2027-01-09' })
        .expect(201);
      await assistant.delete(`/api/deadlines/${custom.id}`).expect(404);
      await owner.get(`/api/deadlines/${custom.id}`).expect(200);
      await owner.delete(`/api/deadlines/${custom.id}`).expect(204);
    });

    it("never shows a consultant a deadline of someone else's file, even one assigned to them before the rule", async () => {
      const owner = await t.given.consultant();
      const helper = await t.signedInAs(StaffRole.Consultant);
      const file = await openFile({ consultantId: owner.id, permitExpiresOn: '2028-12-31' });
      const theirs = await t.given.deadline(file.id, { dueOn: '2027-01-05' });
      await t.dataSource
        .getRepository(DeadlineEntity)
        .update({ id: theirs.id }, { assigneeId: helper.user.id });

      expect(await listAll({ fileId: file.id }, helper)).toEqual([]);
      await helper.get(`/api/deadlines/${theirs.id}`).expect(404);
      await helper.patch(`/api/deadlines/${theirs.id}`).send({ completed: true }).expect(404);
      await helper.get(`/api/files/${file.id}/deadlines`).expect(404);
    });
  });

  describe('bad input', () => {
    it('answers 400 naming each bad field of a new deadline', async () => {
      const file = await openFile();
      const bad = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ dueOn: '2026-02-30', title: '', assigneeId: 'nope', kind: 'someday', extra: 1 })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(bad.body.fields).sort()).toEqual(['assigneeId', 'dueOn', 'extra', 'kind', 'title']);

      const noTitle = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ dueOn: '2027-01-01' })
        .expect(400);
      expect(Object.keys(noTitle.body.fields)).toEqual(['title']);
      const noDay = await admin.post(`/api/files/${file.id}/deadlines`).send({ title: 'x' }).expect(400);
      expect(Object.keys(noDay.body.fields)).toEqual(['dueOn']);
    });

    it("refuses another consultant as assignee (400 naming assigneeId), whoever assigns; takes the file's consultant, assistants, admins", async () => {
      const owner = await t.signedInAs(StaffRole.Consultant);
      const colleague = await t.given.consultant();
      const assistant = await t.signedInAs(StaffRole.Assistant);
      const file = await openFile({ consultantId: owner.user.id }, owner);
      const deadline = await t.given.deadline(file.id, { dueOn: '2027-03-01' });

      const byOwner = await owner
        .patch(`/api/deadlines/${deadline.id}`)
        .send({ assigneeId: colleague.id })
        .expect(400);
      expect(byOwner.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(byOwner.body.fields).toEqual({
        assigneeId: [
          "assigneeId must be an active staff member who may see this file: the file's consultant, an assistant or an admin",
        ],
      });
      const created = await owner
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: 'Employer letter', dueOn: '2027-03-02', assigneeId: colleague.id })
        .expect(400);
      expect(Object.keys(created.body.fields)).toEqual(['assigneeId']);
      for (const as of [admin, assistant]) {
        const res = await as
          .patch(`/api/deadlines/${deadline.id}`)
          .send({ assigneeId: colleague.id })
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['assigneeId']);
      }
      expect((await admin.get(`/api/deadlines/${deadline.id}`).expect(200)).body.assigneeId).toBe(
        owner.user.id,
      );

      await owner.patch(`/api/deadlines/${deadline.id}`).send({ assigneeId: assistant.user.id }).expect(200);
      await assistant.patch(`/api/deadlines/${deadline.id}`).send({ assigneeId: admin.user.id }).expect(200);
      await admin.patch(`/api/deadlines/${deadline.id}`).send({ assigneeId: owner.user.id }).expect(200);
      await owner.patch(`/api/deadlines/${deadline.id}`).send({ assigneeId: null }).expect(200);
    });

    it('refuses an assignee who is not an active staff member, naming assigneeId', async () => {
      const file = await openFile();
      const deadline = await t.given.deadline(file.id);
      const unknown = await admin
        .post(`/api/files/${file.id}/deadlines`)
        .send({ title: 'x', dueOn: '2027-01-01', assigneeId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['assigneeId']);

      const leaver = await t.given.consultant();
      await t.app.get(UsersService).update(leaver.id, { isActive: false });
      const inactive = await admin
        .patch(`/api/deadlines/${deadline.id}`)
        .send({ assigneeId: leaver.id })
        .expect(400);
      expect(Object.keys(inactive.body.fields)).toEqual(['assigneeId']);
    });

    it('answers 400 naming bad changes and bad list queries', async () => {
      const file = await openFile();
      const deadline = await t.given.deadline(file.id);
      const patch = await admin
        .patch(`/api/deadlines/${deadline.id}`)
        .send({ dueOn: '31/12/2026', completed: 'yes', title: null })
        .expect(400);
      expect(Object.keys(patch.body.fields).sort()).toEqual(['completed', 'dueOn', 'title']);
      const nullTitle = await admin.patch(`/api/deadlines/${deadline.id}`).send({ title: null }).expect(400);
      expect(Object.keys(nullTitle.body.fields)).toEqual(['title']);
      const stale = await admin.patch(`/api/deadlines/${deadline.id}`).send({ fileId: file.id }).expect(400);
      expect(Object.keys(stale.body.fields)).toEqual(['fileId']);

      const cases: [Record<string, string>, string][] = [
        [{ from: '2027-02-01', to: '2027-01-01' }, 'to'],
        [{ from: '2027-02-30' }, 'from'],
        [{ overdue: 'maybe' }, 'overdue'],
        [{ limit: '500' }, 'limit'],
        [{ kind: 'bogus' }, 'kind'],
        [{ status: 'done' }, 'status'],
        [{ fileId: 'nope' }, 'fileId'],
        [{ assigneeId: '12' }, 'assigneeId'],
        [{ cursor: 'garbage' }, 'cursor'],
        [{ cursor: Buffer.from(JSON.stringify(['not-a-day', 'x'])).toString('base64url') }, 'cursor'],
      ];
      for (const [query, field] of cases) {
        const res = await admin.get('/api/deadlines').query(query);
        expect([res.status, Object.keys(res.body.fields ?? {})]).toEqual([400, [field]]);
      }
      await admin.get('/api/deadlines/not-a-uuid').expect(400);
      await admin
        .patch('/api/deadlines/00000000-0000-4000-8000-000000000000')
        .send({ completed: true })
        .expect(404);
      const missingFile = await admin
        .post('/api/files/00000000-0000-4000-8000-000000000000/deadlines')
        .send({ title: 'x', dueOn: '2027-01-01' })
        .expect(404);
      expect(missingFile.body.code).toBe('DEADLINE_FILE_NOT_FOUND');
      await admin
        .post(`/api/files/${file.id}/deadlines`)
        .set('Content-Type', 'application/json')
        .send('{"title": ')
        .expect(400);
    });
  });

  it("records every deadline change on the file's timeline", async () => {
    const file = await openFile({ biometricsDueOn: '2027-01-10' });
    const [biometrics] = await deadlinesOf(file.id);
    await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: '2027-01-12' }).expect(200);
    await admin.patch(`/api/deadlines/${biometrics.id}`).send({ completed: true }).expect(200);
    const custom = await admin
      .post(`/api/files/${file.id}/deadlines`)
      .send({ title: 'Call employer', dueOn: '2027-01-03' })
      .expect(201);
    await admin.delete(`/api/deadlines/${custom.body.id}`).expect(204);
    await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: null }).expect(200);

    const res = await admin.get(`/api/files/${file.id}/timeline`).query({ limit: 200 }).expect(200);
    const events = (
      res.body as Page<{
        action: string;
        subjectType: string;
        subjectId: string;
        changes: Record<string, unknown>;
        actor: { id: string } | null;
      }>
    ).items
      .filter((e) => e.subjectType === 'deadline')
      .reverse();
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([
      ['deadline.created', biometrics.id],
      ['deadline.moved', biometrics.id],
      ['deadline.completed', biometrics.id],
      ['deadline.created', custom.body.id],
      ['deadline.removed', custom.body.id],
      ['deadline.removed', biometrics.id],
    ]);
    expect(events[1].changes).toEqual({ dueOn: ['2027-01-10', '2027-01-12'] });
    expect(events.every((e) => e.actor?.id === admin.user.id)).toBe(true);
  });

  describe('DeadlineEvents', () => {
    it('publishes creations, moves, reassignments, completions and removals inside the transaction', async () => {
      const events = t.app.get(DeadlineEvents);
      const recorded: DeadlineChange[] = [];
      const rowExisted: boolean[] = [];
      const unsubscribe = events.subscribe(async (manager, changes) => {
        recorded.push(...changes);
        for (const change of changes.filter((c) => c.change === 'removed')) {
          rowExisted.push(await manager.existsBy(DeadlineEntity, { id: change.deadlineId }));
        }
      });
      try {
        const [first, second] = await Promise.all([t.given.consultant(), t.given.consultant()]);
        const file = await openFile({ consultantId: first.id, biometricsDueOn: '2027-01-10' });
        const [biometrics] = await deadlinesOf(file.id);
        const base = { deadlineId: biometrics.id, fileId: file.id, kind: 'biometrics' };
        expect(recorded).toEqual([{ ...base, change: 'created', dueOn: '2027-01-10', assigneeId: first.id }]);

        await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: '2027-01-12' }).expect(200);
        await admin.patch(`/api/deadlines/${biometrics.id}`).send({ dueOn: '2027-01-14' }).expect(200);
        await admin.patch(`/api/files/${file.id}`).send({ consultantId: second.id }).expect(200);
        await admin.patch(`/api/deadlines/${biometrics.id}`).send({ completed: true }).expect(200);
        await admin.patch(`/api/deadlines/${biometrics.id}`).send({ completed: false }).expect(200);
        await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: null }).expect(200);
        const custom = await t.given.deadline(file.id, { dueOn: '2027-02-01' });
        await admin.delete(`/api/deadlines/${custom.id}`).expect(204);

        expect(recorded.map((c) => [c.change, c.deadlineId, c.dueOn, c.assigneeId])).toEqual([
          ['created', biometrics.id, '2027-01-10', first.id],
          ['moved', biometrics.id, '2027-01-12', first.id],
          ['moved', biometrics.id, '2027-01-14', first.id],
          ['reassigned', biometrics.id, '2027-01-14', second.id],
          ['completed', biometrics.id, '2027-01-14', second.id],
          ['reopened', biometrics.id, '2027-01-14', second.id],
          ['removed', biometrics.id, '2027-01-14', second.id],
          ['created', custom.id, '2027-02-01', second.id],
          ['removed', custom.id, '2027-02-01', second.id],
        ]);
        expect(rowExisted).toEqual([true, true]);
      } finally {
        unsubscribe();
      }
    });

    it('reports only the deadlines that change hands when a file loses its consultant', async () => {
      const consultant = await t.given.consultant();
      const file = await openFile({ consultantId: consultant.id, permitExpiresOn: '2028-12-31' });
      const [permit] = await deadlinesOf(file.id);
      await t.given.deadline(file.id, { dueOn: '2027-01-05', assigneeId: null });
      const recorded: DeadlineChange[] = [];
      const unsubscribe = t.app.get(DeadlineEvents).subscribe((_, changes) => {
        recorded.push(...changes);
      });
      try {
        const res = await admin.patch(`/api/files/${file.id}`).send({ consultantId: null });
        expect(res.status).toBe(200);
      } finally {
        unsubscribe();
      }
      expect(recorded.map((c) => [c.change, c.deadlineId, c.assigneeId])).toEqual([
        ['reassigned', permit.id, null],
      ]);
      expect((await deadlinesOf(file.id)).map((d) => d.assigneeId)).toEqual([null, null]);
    });

    it('rolls the whole change back when a listener throws', async () => {
      const file = await openFile({ permitExpiresOn: '2028-12-31' });
      const [permit] = await deadlinesOf(file.id);
      const custom = await t.given.deadline(file.id, { dueOn: '2027-01-05' });
      const timelineBefore = (
        await admin.get(`/api/files/${file.id}/timeline`).query({ limit: 200 }).expect(200)
      ).body.items.length;

      const unsubscribe = t.app.get(DeadlineEvents).subscribe(() => {
        throw new Error('reminders could not be planned');
      });
      try {
        await admin.patch(`/api/files/${file.id}`).send({ permitExpiresOn: '2029-01-31' }).expect(500);
        await admin.patch(`/api/deadlines/${permit.id}`).send({ dueOn: '2029-02-28' }).expect(500);
        await admin.patch(`/api/deadlines/${custom.id}`).send({ completed: true }).expect(500);
        await admin
          .post(`/api/files/${file.id}/deadlines`)
          .send({ title: 'Lost', dueOn: '2027-01-06' })
          .expect(500);
        await admin.delete(`/api/deadlines/${custom.id}`).expect(500);
      } finally {
        unsubscribe();
      }

      const fetched = (await admin.get(`/api/files/${file.id}`).expect(200)).body as File;
      expect(fetched.permitExpiresOn).toBe('2028-12-31');
      expect(fetched.deadlines.map((d) => [d.id, d.dueOn, d.completedAt])).toEqual([
        [custom.id, '2027-01-05', null],
        [permit.id, '2028-12-31', null],
      ]);
      const timelineAfter = (
        await admin.get(`/api/files/${file.id}/timeline`).query({ limit: 200 }).expect(200)
      ).body.items.length;
      expect(timelineAfter).toBe(timelineBefore);
    });
  });
});
