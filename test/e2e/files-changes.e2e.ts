// A long spec by design: every change to a file (fields, status workflow, timeline) against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { StaffRole } from '@app/auth';
import { FixedClock, ValidationFailedError } from '@app/shared';
import { DeadlineEvents, LmiaStatus, WorkPermitStream } from '@app/work-permits';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface Event {
  action: string;
  subjectType: string;
  actor: { id: string; name: string | null } | null;
  changes: Record<string, unknown>;
}

describe('work-permit files: changes, status workflow and timeline', () => {
  let t: TestApp;
  let admin: SignedInClient;
  // 22:00 on 2026-11-22 in Toronto (the firm's time zone), already the 23rd in UTC.
  const clock = new FixedClock(new Date('2026-11-23T03:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  async function eventsOf(fileId: string): Promise<number> {
    const rows: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM audit_events WHERE file_id = $1',
      [fileId],
    );
    return rows[0].n;
  }

  async function timeline(fileId: string): Promise<Event[]> {
    const res = await admin.get(`/api/files/${fileId}/timeline`).query({ limit: 200 }).expect(200);
    return res.body.items as Event[];
  }

  async function moveTo(fileId: string, ...statuses: string[]): Promise<void> {
    if (statuses.includes('preparing')) {
      await t.given.agreementOverride(fileId);
    }
    for (const to of statuses) {
      await admin.post(`/api/files/${fileId}/transitions`).send({ to }).expect(200);
    }
  }

  describe('PATCH', () => {
    it('changes only the fields given and records them on the timeline', async () => {
      const file = await t.given.file({ jobTitle: 'Cook', province: 'ON', permitExpiresOn: '2028-01-31' });
      const res = await admin
        .patch(`/api/files/${file.id}`)
        .send({ jobTitle: 'Head cook', wage: { amount: 24, period: 'hour' } })
        .expect(200);
      expect(res.body).toMatchObject({
        jobTitle: 'Head cook',
        wage: { amount: 24, period: 'hour' },
        province: 'ON',
        permitExpiresOn: '2028-01-31',
        imp: { exemptionCode: 'C43', permitType: 'open' },
      });
      const [latest] = await timeline(file.id);
      expect(latest).toMatchObject({
        action: 'file.updated',
        actor: { id: admin.user.id, name: admin.user.name },
        changes: { jobTitle: ['Cook', 'Head cook'], wage: [null, '24.00'], wagePeriod: [null, 'hour'] },
      });
      expect(Object.keys(latest.changes).sort()).toEqual(['jobTitle', 'wage', 'wagePeriod']);
    });

    it('records nothing for a change that changes nothing', async () => {
      const file = await t.given.file({ jobTitle: 'Cook' });
      const before = await eventsOf(file.id);
      await admin.patch(`/api/files/${file.id}`).send({ jobTitle: 'Cook', stream: 'IMP' }).expect(200);
      expect(await eventsOf(file.id)).toBe(before);
    });

    it('keeps key-date deadlines in step: set, moved, cleared with null', async () => {
      const file = await t.given.file();
      const set = await admin
        .patch(`/api/files/${file.id}`)
        .send({ biometricsDueOn: '2026-12-10', permitExpiresOn: '2029-06-30' })
        .expect(200);
      expect(set.body.deadlines.map((d: { kind: string; dueOn: string }) => [d.kind, d.dueOn])).toEqual([
        ['biometrics', '2026-12-10'],
        ['permit_expiry', '2029-06-30'],
      ]);
      const moved = await admin
        .patch(`/api/files/${file.id}`)
        .send({ biometricsDueOn: '2026-12-20' })
        .expect(200);
      expect(moved.body.deadlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'biometrics', dueOn: '2026-12-20' })]),
      );
      const cleared = await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: null }).expect(200);
      expect(cleared.body.biometricsDueOn).toBeNull();
      expect(cleared.body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['permit_expiry']);
    });

    it('refuses a change of stream', async () => {
      const file = await t.given.file();
      const res = await admin.patch(`/api/files/${file.id}`).send({ stream: 'TFWP' }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['stream']);
    });

    it('re-applies the IMP rules when the code changes', async () => {
      const file = await t.given.file();
      const missing = await admin
        .patch(`/api/files/${file.id}`)
        .send({ imp: { exemptionCode: 'C16' } })
        .expect(400);
      expect(Object.keys(missing.body.fields).sort()).toEqual([
        'employer.name',
        'imp.offerOfEmploymentNumber',
      ]);

      const specific = await admin
        .patch(`/api/files/${file.id}`)
        .send({
          employer: { name: 'Maple Software Inc.' },
          imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A7654321' },
        })
        .expect(200);
      expect(specific.body.imp).toMatchObject({
        exemptionCode: 'C10',
        permitType: 'employer_specific',
        offerOfEmploymentNumber: 'A7654321',
        complianceFeePaid: false,
      });

      await admin
        .patch(`/api/files/${file.id}`)
        .send({ imp: { exemptionCode: 'T24' } })
        .expect(400);
      await admin
        .patch(`/api/files/${file.id}`)
        .send({ employer: { name: null } })
        .expect(400);

      const open = await admin
        .patch(`/api/files/${file.id}`)
        .send({ imp: { exemptionCode: 'C41' } })
        .expect(200);
      expect(open.body.imp).toMatchObject({
        exemptionCode: 'C41',
        permitType: 'open',
        offerOfEmploymentNumber: null,
        complianceFeePaid: null,
      });
    });

    it('moves a defaulted LMIA expiry with the issue date and keeps the TFWP block', async () => {
      const file = await t.given.file({
        stream: WorkPermitStream.Tfwp,
        employer: { name: 'Fraser Farms Ltd.' },
        tfwp: { lmiaStream: 'agricultural', lmiaStatus: LmiaStatus.Pending },
      });
      const issued = await admin
        .patch(`/api/files/${file.id}`)
        .send({ tfwp: { lmiaStatus: 'positive', lmiaIssuedOn: '2026-11-02', lmiaNumber: '7654321' } })
        .expect(200);
      expect(issued.body.tfwp).toMatchObject({
        lmiaStream: 'agricultural',
        lmiaStatus: 'positive',
        lmiaIssuedOn: '2026-11-02',
        lmiaExpiresOn: '2027-05-02',
      });
      expect(issued.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'lmia_expiry', dueOn: '2027-05-02' }),
      ]);
      const refused = await admin
        .patch(`/api/files/${file.id}`)
        .send({ imp: { exemptionCode: 'C10' } })
        .expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['imp']);
      await admin.patch(`/api/files/${file.id}`).send({ tfwp: null }).expect(400);
    });

    it('hands the open deadlines to a new consultant', async () => {
      const first = await t.given.consultant();
      const second = await t.given.consultant({ name: 'Second Consultant' });
      const file = await t.given.file({ consultantId: first.id, permitExpiresOn: '2028-05-01' });
      const res = await admin.patch(`/api/files/${file.id}`).send({ consultantId: second.id }).expect(200);
      expect(res.body.consultant).toEqual({ id: second.id, name: 'Second Consultant' });
      expect(res.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'permit_expiry', assigneeId: second.id }),
      ]);
    });

    it('leaves no trace when it fails in the service: no change, no deadline, no event', async () => {
      const gone = await t.given.consultant();
      await admin.patch(`/api/users/${gone.id}`).send({ isActive: false }).expect(200);
      const file = await t.given.file({ jobTitle: 'Cook' });
      const before = await eventsOf(file.id);
      // The dates and title pass; the consultant check inside the transaction fails.
      const res = await admin
        .patch(`/api/files/${file.id}`)
        .send({ jobTitle: 'Chef', permitExpiresOn: '2029-01-01', consultantId: gone.id })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['consultantId']);
      const after = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(after.body).toMatchObject({ jobTitle: 'Cook', permitExpiresOn: null, deadlines: [] });
      expect(await eventsOf(file.id)).toBe(before);
    });

    it('rolls back a change that fails after it was written: the file, its deadlines and timeline stay as they were', async () => {
      const file = await t.given.file({ jobTitle: 'Cook', permitExpiresOn: '2028-01-31' });
      const before = await eventsOf(file.id);
      // The file row is updated, then syncing its deadline fails in the same transaction.
      const stop = t.app.get(DeadlineEvents).subscribe(() => {
        throw ValidationFailedError.field('permitExpiresOn', 'refused by a listener');
      });
      try {
        await admin
          .patch(`/api/files/${file.id}`)
          .send({ jobTitle: 'Chef', permitExpiresOn: '2029-01-31' })
          .expect(400);
      } finally {
        stop();
      }
      const after = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(after.body).toMatchObject({ jobTitle: 'Cook', permitExpiresOn: '2028-01-31' });
      expect(after.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'permit_expiry', dueOn: '2028-01-31' }),
      ]);
      expect(await eventsOf(file.id)).toBe(before);
    });

    it('validates the body of a change like an opening', async () => {
      const file = await t.given.file();
      for (const [body, field] of [
        [{ nocCode: '2174' }, 'nocCode'],
        [{ province: 'XX' }, 'province'],
        [{ permitExpiresOn: '2026-13-01' }, 'permitExpiresOn'],
        [{ applicationType: null }, 'applicationType'],
        [{ clientId: file.clientId }, 'clientId'],
        [{ imp: { exemptionCode: 'C43', extra: true } }, 'imp.extra'],
      ] as const) {
        const res = await admin.patch(`/api/files/${file.id}`).send(body).expect(400);
        expect(Object.keys(res.body.fields)).toContain(field);
      }
      await admin.patch('/api/files/not-a-uuid').send({ jobTitle: 'x' }).expect(400);
      await admin
        .patch('/api/files/7d3c1f0e-3a59-4c36-9f8a-0d7b3f3c9e11')
        .send({ jobTitle: 'x' })
        .expect(404);
    });
  });

  describe('a file carrying a retired exemption code', () => {
    it('stays readable and patchable in its other fields, but cannot switch to another retired code', async () => {
      const client = await t.given.client();
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO work_permit_files (file_number, client_id, stream, status, employer_name, job_title, exemption_code,
           imp_permit_type, offer_of_employment_number, compliance_fee_paid, submitted_on)
         VALUES ('WP-2022-00417', $1, 'IMP', 'submitted', 'Old Transfer Corp', 'Manager', 'C12', 'employer_specific', 'A7654321', true, '2022-11-01')
         RETURNING id`,
        [client.id],
      );
      const read = await admin.get(`/api/files/${id}`).expect(200);
      expect(read.body).toMatchObject({
        fileNumber: 'WP-2022-00417',
        imp: {
          exemptionCode: 'C12',
          codeStatus: 'retired',
          isCodeCurrent: false,
          permitType: 'employer_specific',
        },
      });
      const listed = await admin.get('/api/files').query({ exemptionCode: 'C12' }).expect(200);
      expect(listed.body.items.map((f: { id: string }) => f.id)).toContain(id);

      const patched = await admin
        .patch(`/api/files/${id}`)
        .send({
          jobTitle: 'Senior manager',
          permitExpiresOn: '2027-03-31',
          imp: { complianceFeePaid: false },
        })
        .expect(200);
      expect(patched.body).toMatchObject({
        jobTitle: 'Senior manager',
        imp: { exemptionCode: 'C12', complianceFeePaid: false },
      });
      await admin
        .patch(`/api/files/${id}`)
        .send({ imp: { exemptionCode: 'C12' } })
        .expect(200);

      const other = await admin
        .patch(`/api/files/${id}`)
        .send({ imp: { exemptionCode: 'T24' } })
        .expect(400);
      expect(other.body.fields['imp.exemptionCode'][0]).toMatch(
        /T24 was retired on 2022-12-15; use .* instead/,
      );
      await admin
        .patch(`/api/files/${id}`)
        .send({ imp: { exemptionCode: 'C62' } })
        .expect(200);
      await admin.post(`/api/files/${id}/transitions`).send({ to: 'approved' }).expect(200);
    });
  });

  describe('status workflow', () => {
    it('walks a file from intake to closed, stamping the submission and decision days', async () => {
      const file = await t.given.file();
      await t.given.agreementOverride(file.id);
      const seen: string[][] = [];
      for (const to of [
        'preparing',
        'submitted',
        'biometrics_requested',
        'additional_info_requested',
        'submitted',
        'approved',
        'closed',
      ]) {
        const res = await admin.post(`/api/files/${file.id}/transitions`).send({ to }).expect(200);
        expect(res.body.status).toBe(to);
        seen.push(res.body.allowedTransitions);
      }
      expect(seen[0]).toEqual(['submitted', 'withdrawn']);
      expect(seen[1]).toEqual([
        'biometrics_requested',
        'additional_info_requested',
        'approved',
        'refused',
        'withdrawn',
      ]);
      expect(seen[seen.length - 1]).toEqual([]);
      const closed = await admin.get(`/api/files/${file.id}`).expect(200);
      // The firm's day (Toronto), not UTC's.
      expect(closed.body).toMatchObject({
        status: 'closed',
        submittedOn: '2026-11-22',
        decisionOn: '2026-11-22',
      });
    });

    it('keeps a submission day already on the file', async () => {
      const file = await t.given.file({ submittedOn: '2026-10-05' });
      await moveTo(file.id, 'preparing', 'submitted', 'refused');
      const res = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(res.body).toMatchObject({
        status: 'refused',
        submittedOn: '2026-10-05',
        decisionOn: '2026-11-22',
      });
    });

    it('refuses an illegal move with 409 naming the allowed ones, and records nothing', async () => {
      const file = await t.given.file();
      const before = await eventsOf(file.id);
      const early = await admin
        .post(`/api/files/${file.id}/transitions`)
        .send({ to: 'approved' })
        .expect(409);
      expect(early.body).toMatchObject({
        statusCode: 409,
        code: 'WORK_PERMIT_INVALID_STATUS_TRANSITION',
        message:
          'A file in intake cannot be approved; it can only be moved to preparation (preparing) or withdrawn (withdrawn)',
      });
      expect(await eventsOf(file.id)).toBe(before);

      await moveTo(file.id, 'withdrawn');
      const withdrawn = await admin
        .post(`/api/files/${file.id}/transitions`)
        .send({ to: 'submitted' })
        .expect(409);
      expect(withdrawn.body.message).toBe(
        'A withdrawn file cannot be submitted; it can only be closed (closed)',
      );
      await moveTo(file.id, 'closed');
      const closed = await admin
        .post(`/api/files/${file.id}/transitions`)
        .send({ to: 'preparing' })
        .expect(409);
      expect(closed.body.message).toMatch(
        /^A closed file cannot be moved to preparation; a closed file is final/,
      );
      const res = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', submittedOn: null });
    });

    it('refuses an unknown status with 400', async () => {
      const file = await t.given.file();
      const res = await admin.post(`/api/files/${file.id}/transitions`).send({ to: 'granted' }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['to']);
      await admin.post(`/api/files/${file.id}/transitions`).send({}).expect(400);
    });

    it('applies only one of concurrent moves from the same status', async () => {
      const file = await t.given.file();
      await moveTo(file.id, 'preparing', 'submitted');
      const targets = [
        'approved',
        'refused',
        'withdrawn',
        'approved',
        'refused',
        'withdrawn',
        'approved',
        'refused',
      ];
      const responses = await Promise.all(
        targets.map((to) => admin.post(`/api/files/${file.id}/transitions`).send({ to })),
      );
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(targets.length - 1);
      const final = await admin.get(`/api/files/${file.id}`).expect(200);
      expect(final.body.status).toBe(winners[0].body.status);
      const decisions = (await timeline(file.id)).filter(
        (e) => e.action === 'file.status_changed' && (e.changes.status as string[])[0] === 'submitted',
      );
      expect(decisions).toHaveLength(1);
    });
  });

  describe('timeline', () => {
    it('lists the file events newest first, with who acted and what changed, page by page', async () => {
      const file = await t.given.file({ jobTitle: 'Cook' });
      await admin
        .patch(`/api/files/${file.id}`)
        .send({ jobTitle: 'Chef', permitExpiresOn: '2028-02-29' })
        .expect(200);
      await moveTo(file.id, 'preparing', 'submitted');

      const events = await timeline(file.id);
      expect(events.map((e) => e.action)).toEqual([
        'file.status_changed',
        'file.status_changed',
        'agreement.overridden',
        'file.updated',
        'deadline.created',
        'file.created',
      ]);
      expect(events[0]).toMatchObject({
        subjectType: 'work_permit_file',
        actor: { id: admin.user.id, name: admin.user.name },
        changes: { status: ['preparing', 'submitted'], submittedOn: [null, '2026-11-22'] },
      });
      expect(events[1].changes).toEqual({ status: ['intake', 'preparing'] });
      expect(events[2].changes).toEqual({ reason: 'Signed on paper before PermitDesk' });
      expect(events[3].changes).toEqual({
        jobTitle: ['Cook', 'Chef'],
        permitExpiresOn: [null, '2028-02-29'],
      });
      expect(events[4]).toMatchObject({
        subjectType: 'deadline',
        changes: { kind: 'permit_expiry', dueOn: '2028-02-29' },
      });
      expect(events[5].changes).toMatchObject({
        stream: 'IMP',
        exemptionCode: 'C43',
        status: 'intake',
        fileNumber: file.fileNumber,
      });

      const pages: Event[][] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Event[]; nextCursor: string | null } } = await admin
          .get(`/api/files/${file.id}/timeline`)
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .expect(200);
        pages.push(res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
      expect(pages.flat()).toEqual(events);
    });

    it('refuses a bad cursor or limit with 400', async () => {
      const file = await t.given.file();
      await admin.get(`/api/files/${file.id}/timeline`).query({ cursor: 'nonsense' }).expect(400);
      await admin.get(`/api/files/${file.id}/timeline`).query({ limit: 500 }).expect(400);
    });
  });
});
