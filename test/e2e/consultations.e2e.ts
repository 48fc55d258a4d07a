// A long spec by design: every staff consultations route against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { randomUUID } from 'node:crypto';
import { StaffRole } from '@app/auth';
import { EmailEntity, MailService, type OutgoingEmail } from '@app/notifications';
import { FixedClock } from '@app/shared';
import { waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { LIFTED_BOOKING_LIMITS } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';

interface Consultation {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  consultant: { id: string; name: string };
  client: { id: string; firstName: string; lastName: string; email: string | null; isProspect: boolean };
  type: { id: string; durationMinutes: number };
  notes: string | null;
  fileId: string | null;
  bookedById: string | null;
  isUrgent: boolean;
  sequence: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

describe('consultations: staff side, types and availability', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let consultant: SignedInClient;
  let colleague: SignedInClient;
  let typeId: string;
  let people = 0;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: {
        ...LIFTED_BOOKING_LIMITS,
        APP_URL: 'https://permitdesk.example.ca',
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    consultant = await t.signedInAs(StaffRole.Consultant);
    colleague = await t.signedInAs(StaffRole.Consultant);
    const rules = {
      timezone: 'America/Toronto',
      weekly: WEEKDAYS,
      bufferMinutes: 15,
      minNoticeHours: 24,
      maxDaysAhead: 60,
      slotIntervalMinutes: 30,
    };
    await consultant.put(`/api/consultants/${consultant.user.id}/availability`).send(rules).expect(200);
    await colleague.put(`/api/consultants/${colleague.user.id}/availability`).send(rules).expect(200);
    const type = await admin
      .post('/api/consultation-types')
      .send({
        name: 'LMIA / employer consultation',
        nameFr: 'Consultation EIMT / employeur',
        durationMinutes: 60,
        priceCents: 25000,
      })
      .expect(201);
    typeId = type.body.id;
  });
  afterAll(() => t.close());
  afterEach(() => clock.set(NOW));

  async function publicBooking(body: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const res = await t
      .http()
      .post('/api/public/bookings')
      .send({
        type: typeId,
        name: 'Omar Haddad',
        email: `omar${++people}-${process.pid}@example.com`,
        timezone: 'America/Toronto',
        ...body,
      });
    expect([res.status, res.body.fields, res.body.code]).toEqual([201, undefined, undefined]);
    return { id: res.body.id, token: (res.body.manageUrl as string).split('/').pop()! };
  }

  async function staffBooking(as: SignedInClient, body: Record<string, unknown>): Promise<Consultation> {
    const res = await as.post('/api/consultations').send({ type: typeId, ...body });
    expect([res.status, res.body.fields ?? res.body.code]).toEqual([201, undefined]);
    return res.body as Consultation;
  }

  describe('consultation types', () => {
    it('are written by admins only and read by all staff', async () => {
      const created = await admin
        .post('/api/consultation-types')
        .send({
          name: 'Open work-permit review',
          nameFr: 'Révision de permis de travail ouvert',
          durationMinutes: 30,
        })
        .expect(201);
      expect(created.body).toMatchObject({ durationMinutes: 30, priceCents: null, active: true });
      await consultant
        .post('/api/consultation-types')
        .send({ name: 'X', nameFr: 'X', durationMinutes: 30 })
        .expect(404);
      await assistant.patch(`/api/consultation-types/${created.body.id}`).send({ active: false }).expect(404);

      const patched = await admin
        .patch(`/api/consultation-types/${created.body.id}`)
        .send({ priceCents: 9900, active: false })
        .expect(200);
      expect(patched.body).toMatchObject({ priceCents: 9900, active: false });
      const list = await assistant.get('/api/consultation-types').query({ limit: 1 }).expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.nextCursor).toEqual(expect.any(String));
      const next = await assistant
        .get('/api/consultation-types')
        .query({ limit: 1, cursor: list.body.nextCursor })
        .expect(200);
      expect(next.body.items[0].id).not.toBe(list.body.items[0].id);
      const inactive = await consultant.get('/api/consultation-types').query({ active: 'false' }).expect(200);
      expect(inactive.body.items.map((x: { id: string }) => x.id)).toEqual([created.body.id]);
    });

    it('refuses bad values with the field named', async () => {
      const res = await admin
        .post('/api/consultation-types')
        .send({ name: '', nameFr: 'X', durationMinutes: 3, priceCents: -1 })
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['durationMinutes', 'name', 'priceCents']);
      await admin.get(`/api/consultation-types/${randomUUID()}`).expect(404);
    });
  });

  describe('availability', () => {
    it('is the consultant’s own to read and change; admins may change anyone’s; others get 404', async () => {
      const newcomer = await t.signedInAs(StaffRole.Consultant);
      const fresh = await newcomer.get(`/api/consultants/${newcomer.user.id}/availability`).expect(200);
      expect(fresh.body).toMatchObject({
        isConfigured: false,
        isBookable: true,
        weekly: [],
        bufferMinutes: 15,
        timeOff: [],
      });

      await newcomer.get(`/api/consultants/${consultant.user.id}/availability`).expect(404);
      await newcomer
        .put(`/api/consultants/${consultant.user.id}/availability`)
        .send({ weekly: [] })
        .expect(404);
      await assistant.get(`/api/consultants/${consultant.user.id}/availability`).expect(404);
      await admin.get(`/api/consultants/${assistant.user.id}/availability`).expect(404);
      await admin.get(`/api/consultants/${randomUUID()}/availability`).expect(404);

      const saved = await admin
        .put(`/api/consultants/${newcomer.user.id}/availability`)
        .send({
          timezone: 'America/Vancouver',
          weekly: [
            { weekday: 3, start: '13:00', end: '17:00' },
            { weekday: 1, start: '09:00', end: '12:00' },
          ],
        })
        .expect(200);
      expect(saved.body).toMatchObject({
        isConfigured: true,
        timezone: 'America/Vancouver',
        // Sorted, defaults applied.
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 3, start: '13:00', end: '17:00' },
        ],
        bufferMinutes: 15,
        minNoticeHours: 24,
        maxDaysAhead: 60,
        slotIntervalMinutes: 30,
      });
      const mine = await newcomer.get(`/api/consultants/${newcomer.user.id}/availability`).expect(200);
      expect(mine.body.weekly).toHaveLength(2);
    });

    it('refuses overlapping or inverted ranges, bad weekdays and unknown zones, naming them', async () => {
      const res = await consultant
        .put(`/api/consultants/${consultant.user.id}/availability`)
        .send({
          weekly: [
            { weekday: 1, start: '09:00', end: '12:00' },
            { weekday: 1, start: '11:00', end: '13:00' },
            { weekday: 2, start: '14:00', end: '13:00' },
          ],
        })
        .expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['weekly.1', 'weekly.2.end']);
      const shape = await consultant
        .put(`/api/consultants/${consultant.user.id}/availability`)
        .send({
          timezone: 'Moon/Base',
          weekly: [{ weekday: 8, start: '9am', end: '25:00' }],
          bufferMinutes: -5,
        })
        .expect(400);
      expect(Object.keys(shape.body.fields).sort()).toEqual([
        'bufferMinutes',
        'timezone',
        'weekly.0.end',
        'weekly.0.start',
        'weekly.0.weekday',
      ]);
      // Nothing changed.
      const still = await consultant.get(`/api/consultants/${consultant.user.id}/availability`).expect(200);
      expect(still.body.weekly).toEqual(WEEKDAYS);
    });

    it('adds time off (saying which bookings it overlaps), hides those slots, and removes it', async () => {
      const booked = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-15T15:00:00Z',
      });
      const added = await consultant
        .post(`/api/consultants/${consultant.user.id}/time-off`)
        .send({
          startsAt: '2026-12-15T05:00:00Z',
          endsAt: '2026-12-16T05:00:00Z',
          reason: 'Tribunal hearing',
        })
        .expect(201);
      expect(added.body).toMatchObject({
        reason: 'Tribunal hearing',
        overlappingConsultationIds: [booked.id],
      });
      const during = await t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, consultantId: consultant.user.id, from: '2026-12-15', to: '2026-12-15' })
        .expect(200);
      expect(during.body).toEqual([]);
      const listed = await consultant.get(`/api/consultants/${consultant.user.id}/availability`).expect(200);
      expect(listed.body.timeOff.map((x: { id: string }) => x.id)).toEqual([added.body.id]);

      const inverted = await consultant
        .post(`/api/consultants/${consultant.user.id}/time-off`)
        .send({ startsAt: '2026-12-16T05:00:00Z', endsAt: '2026-12-15T05:00:00Z' })
        .expect(400);
      expect(Object.keys(inverted.body.fields)).toEqual(['endsAt']);
      await colleague
        .post(`/api/consultants/${consultant.user.id}/time-off`)
        .send({ startsAt: '2026-12-16T05:00:00Z', endsAt: '2026-12-17T05:00:00Z' })
        .expect(404);
      await colleague.delete(`/api/consultants/${consultant.user.id}/time-off/${added.body.id}`).expect(404);

      await consultant.delete(`/api/consultants/${consultant.user.id}/time-off/${added.body.id}`).expect(204);
      await consultant.delete(`/api/consultants/${consultant.user.id}/time-off/${added.body.id}`).expect(404);
      const after = await t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, consultantId: consultant.user.id, from: '2026-12-15', to: '2026-12-15' })
        .expect(200);
      expect(after.body.length).toBeGreaterThan(0);
    });
  });

  describe('booking by staff', () => {
    it('books an existing client outside the hours, never over another consultation', async () => {
      const client = await t.given.client({ consultantId: consultant.user.id });
      // 07:00 Toronto, before the consultant's hours: fine for staff; the consultant is the default.
      const early = await staffBooking(consultant, {
        clientId: client.id,
        startsAt: '2026-11-24T12:00:00Z',
        notes: 'Before hours, agreed by phone',
      });
      expect(early).toMatchObject({
        status: 'booked',
        consultant: { id: consultant.user.id },
        client: { id: client.id, isProspect: false },
        startsAt: '2026-11-24T12:00:00.000Z',
        endsAt: '2026-11-24T13:00:00.000Z',
        bookedById: consultant.user.id,
        notes: 'Before hours, agreed by phone',
      });
      // Inside the 60 minutes plus the 15-minute buffer: 409.
      const clash = await admin
        .post('/api/consultations')
        .send({
          type: typeId,
          clientId: client.id,
          consultantId: consultant.user.id,
          startsAt: '2026-11-24T13:00:00Z',
        })
        .expect(409);
      expect(clash.body.code).toBe('CONSULTATION_SLOT_TAKEN');
      await staffBooking(admin, {
        clientId: client.id,
        consultantId: consultant.user.id,
        startsAt: '2026-11-24T13:15:00Z',
      });
    });

    it('refuses what staff may not do, naming the field', async () => {
      const client = await t.given.client({ consultantId: consultant.user.id });
      const noConsultant = await admin
        .post('/api/consultations')
        .send({ type: typeId, clientId: client.id, startsAt: '2026-12-01T15:00:00Z' })
        .expect(400);
      expect(Object.keys(noConsultant.body.fields)).toEqual(['consultantId']);
      const other = await consultant
        .post('/api/consultations')
        .send({
          type: typeId,
          clientId: client.id,
          consultantId: colleague.user.id,
          startsAt: '2026-12-01T15:00:00Z',
        })
        .expect(400);
      expect(Object.keys(other.body.fields)).toEqual(['consultantId']);
      const past = await consultant
        .post('/api/consultations')
        .send({ type: typeId, clientId: client.id, startsAt: '2026-11-20T15:00:00Z' })
        .expect(400);
      expect(Object.keys(past.body.fields)).toEqual(['startsAt']);
      const unknownType = await consultant
        .post('/api/consultations')
        .send({ type: randomUUID(), clientId: client.id, startsAt: '2026-12-01T15:00:00Z' })
        .expect(400);
      expect(Object.keys(unknownType.body.fields)).toEqual(['type']);
      // A client the consultant may not see: 404, as if missing.
      const notMine = await t.given.client({ consultantId: colleague.user.id });
      await consultant
        .post('/api/consultations')
        .send({ type: typeId, clientId: notMine.id, startsAt: '2026-12-01T15:00:00Z' })
        .expect(404);
    });
  });

  describe('lists and scope', () => {
    it('lists by range, consultant and status, earliest first, keyset-paginated; consultants see their own', async () => {
      const mine = await staffBooking(admin, {
        clientId: (await t.given.client()).id,
        consultantId: consultant.user.id,
        startsAt: '2027-01-05T15:00:00Z',
      });
      const theirs = await staffBooking(admin, {
        clientId: (await t.given.client()).id,
        consultantId: colleague.user.id,
        startsAt: '2027-01-05T16:00:00Z',
      });
      const third = await staffBooking(admin, {
        clientId: (await t.given.client()).id,
        consultantId: consultant.user.id,
        startsAt: '2027-01-06T15:00:00Z',
      });

      const all = await assistant
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06' })
        .expect(200);
      expect((all.body as Page<Consultation>).items.map((c) => c.id)).toEqual([mine.id, theirs.id, third.id]);

      const first = await admin
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06', limit: 2 })
        .expect(200);
      const second = await admin
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06', limit: 2, cursor: first.body.nextCursor })
        .expect(200);
      expect([...first.body.items, ...second.body.items].map((c: Consultation) => c.id)).toEqual([
        mine.id,
        theirs.id,
        third.id,
      ]);
      expect(second.body.nextCursor).toBeNull();

      const own = await consultant
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06' })
        .expect(200);
      expect((own.body as Page<Consultation>).items.map((c) => c.id)).toEqual([mine.id, third.id]);
      await consultant.get(`/api/consultations/${theirs.id}`).expect(404);
      await consultant.patch(`/api/consultations/${theirs.id}`).send({ notes: 'mine now' }).expect(404);

      const byConsultant = await admin
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06', consultantId: colleague.user.id })
        .expect(200);
      expect(byConsultant.body.items.map((c: Consultation) => c.id)).toEqual([theirs.id]);
      await admin.patch(`/api/consultations/${third.id}`).send({ status: 'cancelled' }).expect(200);
      const cancelled = await admin
        .get('/api/consultations')
        .query({ from: '2027-01-05', to: '2027-01-06', status: 'cancelled' })
        .expect(200);
      expect(cancelled.body.items.map((c: Consultation) => c.id)).toEqual([third.id]);

      const bad = await admin
        .get('/api/consultations')
        .query({ from: 'yesterday', status: 'done', cursor: 'x' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['from', 'status']);
    });
  });

  describe('outcomes, moves and cancellations', () => {
    it('marks completed (with notes) or no-show only once started, and corrects between them', async () => {
      const c = await staffBooking(consultant, {
        clientId: (await t.given.client({ consultantId: consultant.user.id })).id,
        startsAt: '2026-12-01T15:00:00Z',
      });
      const early = await consultant
        .patch(`/api/consultations/${c.id}`)
        .send({ status: 'completed' })
        .expect(409);
      expect(early.body.code).toBe('CONSULTATION_INVALID_STATUS');
      clock.set('2026-12-01T16:05:00Z');
      const done = await consultant
        .patch(`/api/consultations/${c.id}`)
        .send({ status: 'completed', notes: 'Eligible for C43; send checklist' })
        .expect(200);
      expect(done.body).toMatchObject({ status: 'completed', notes: 'Eligible for C43; send checklist' });
      const corrected = await consultant
        .patch(`/api/consultations/${c.id}`)
        .send({ status: 'no_show' })
        .expect(200);
      expect(corrected.body.status).toBe('no_show');
      await consultant.patch(`/api/consultations/${c.id}`).send({ status: 'cancelled' }).expect(409);
      await consultant.patch(`/api/consultations/${c.id}`).send({ status: 'booked' }).expect(400);
      const both = await consultant
        .patch(`/api/consultations/${c.id}`)
        .send({ status: 'completed', startsAt: '2026-12-09T15:00:00Z' })
        .expect(400);
      expect(Object.keys(both.body.fields)).toEqual(['startsAt']);
    });

    it('moves a booking (new invite sequence, a new manage link, the old one dead) and cancels it', async () => {
      const sent = jest.spyOn(t.app.get(MailService), 'enqueueAll');
      const booked = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-02T15:00:00Z',
      });
      await t.http().get(`/api/public/bookings/${booked.token}`).expect(200);
      // Staff may move it outside the hours.
      const moved = await consultant
        .patch(`/api/consultations/${booked.id}`)
        .send({ startsAt: '2026-12-02T23:00:00Z' })
        .expect(200);
      expect(moved.body).toMatchObject({
        startsAt: '2026-12-02T23:00:00.000Z',
        endsAt: '2026-12-03T00:00:00.000Z',
        sequence: 1,
      });
      await t.http().get(`/api/public/bookings/${booked.token}`).expect(404);
      const update = await waitFor(
        () =>
          t.dataSource
            .getRepository(EmailEntity)
            .findOneBy({ relatedId: booked.id, kind: 'consultation_rescheduled' }),
        10_000,
        'the reschedule email in the outbox',
      );
      // The outbox hides the new token; only the email as rendered (the client's copy, before it is hidden) carries it.
      expect(update.text).toContain('/book/manage/[hidden]');
      const sentText =
        sent.mock.calls
          .flatMap(([, emails]: [unknown, OutgoingEmail[]]) => emails)
          .find((e) => e.kind === 'consultation_rescheduled')?.text ?? '';
      sent.mockRestore();
      const newToken = /book\/manage\/([A-Za-z0-9_-]{43})/.exec(sentText)?.[1];
      expect(newToken).toBeDefined();
      expect(update.icalEvent).toContain('SEQUENCE:1');
      await t.http().get(`/api/public/bookings/${newToken}`).expect(200);

      const cancelled = await admin
        .patch(`/api/consultations/${booked.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        sequence: 2,
        cancelledAt: expect.any(String),
      });
      const cancellation = await waitFor(
        () =>
          t.dataSource
            .getRepository(EmailEntity)
            .findOneBy({ relatedId: booked.id, kind: 'consultation_cancelled' }),
        10_000,
        'the cancellation in the outbox',
      );
      expect(cancellation.icalEvent).toContain('METHOD:CANCEL');
      await t.http().get(`/api/public/bookings/${newToken}`).expect(404);
      await admin
        .patch(`/api/consultations/${booked.id}`)
        .send({ startsAt: '2026-12-09T15:00:00Z' })
        .expect(409);
    });

    it('records the consultation on the client’s timeline', async () => {
      const client = await t.given.client({ consultantId: consultant.user.id });
      const c = await staffBooking(consultant, { clientId: client.id, startsAt: '2026-12-10T15:00:00Z' });
      await consultant.patch(`/api/consultations/${c.id}`).send({ notes: 'Bring the LMIA' }).expect(200);
      const timeline = await consultant.get(`/api/clients/${client.id}/timeline`).expect(200);
      expect(timeline.body.items.map((e: { action: string }) => e.action)).toEqual([
        'consultation.updated',
        'consultation.booked',
        'client.created',
      ]);
    });
  });

  describe('converting into a work-permit file', () => {
    it('opens a draft file of the chosen stream for the client, linked both ways; the prospect becomes a client', async () => {
      const booked = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-03T15:00:00Z',
      });
      const before = await admin.get(`/api/consultations/${booked.id}`).expect(200);
      expect(before.body.client.isProspect).toBe(true);

      const invalid = await consultant
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'ZZZ' } })
        .expect(400);
      expect(Object.keys(invalid.body.fields)).toContain('imp.exemptionCode');

      const converted = await consultant
        .post(`/api/consultations/${booked.id}/convert`)
        .send({
          stream: 'IMP',
          applicationType: 'initial',
          imp: { exemptionCode: 'C43' },
          jobTitle: 'Software developer',
        })
        .expect(201);
      expect(converted.body.file).toMatchObject({
        stream: 'IMP',
        status: 'intake',
        fileNumber: expect.stringMatching(/^WP-2026-\d{5}$/),
      });
      expect(converted.body.consultation).toMatchObject({
        id: booked.id,
        fileId: converted.body.file.id,
        client: { isProspect: false },
      });

      const file = await consultant.get(`/api/files/${converted.body.file.id}`).expect(200);
      expect(file.body).toMatchObject({
        consultationId: booked.id,
        client: { id: before.body.client.id },
        consultant: { id: consultant.user.id },
      });
      const client = await admin.get(`/api/clients/${before.body.client.id}`).expect(200);
      expect(client.body.consultantId ?? client.body.consultant?.id).toBe(consultant.user.id);

      const again = await admin
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ stream: 'TFWP', applicationType: 'initial' })
        .expect(409);
      expect(again.body.code).toBe('CONSULTATION_ALREADY_CONVERTED');
      await colleague
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } })
        .expect(404);
    });

    it('invites the client to the portal when asked, and reports why not without undoing the file', async () => {
      const booked = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-07T15:00:00Z',
      });
      const body = { stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } };
      const bad = await consultant
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ ...body, invitePortal: 'yes' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['invitePortal']);

      const converted = await consultant
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ ...body, invitePortal: true })
        .expect(201);
      expect(converted.body.portalInvite).toEqual({
        invited: true,
        account: { invitedAt: expect.any(String), lastSignInAt: null },
        code: null,
        message: null,
      });
      const clientId = converted.body.consultation.client.id as string;
      const client = await consultant.get(`/api/clients/${clientId}`).expect(200);
      expect(client.body.portal).toEqual({ invitedAt: expect.any(String), lastSignInAt: null });
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM emails WHERE kind = 'portal-invite' AND "to" = $1`,
        [client.body.email],
      );
      expect(count).toBe(1);

      const noEmail = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-07T17:00:00Z',
      });
      const prospect = await admin.get(`/api/consultations/${noEmail.id}`).expect(200);
      await admin.patch(`/api/clients/${prospect.body.client.id}`).send({ email: null }).expect(200);
      const refused = await consultant
        .post(`/api/consultations/${noEmail.id}/convert`)
        .send({ ...body, invitePortal: true })
        .expect(201);
      expect(refused.body.portalInvite).toMatchObject({
        invited: false,
        account: null,
        code: 'VALIDATION_FAILED',
      });
      expect(refused.body.portalInvite.message).toContain('email');
      await consultant.get(`/api/files/${refused.body.file.id}`).expect(200);
      const plain = await publicBooking({
        consultantId: consultant.user.id,
        startsAt: '2026-12-07T19:00:00Z',
      });
      const withoutInvite = await consultant
        .post(`/api/consultations/${plain.id}/convert`)
        .send(body)
        .expect(201);
      expect(withoutInvite.body.portalInvite).toBeNull();
    });

    it('converts once under concurrent requests', async () => {
      const booked = await publicBooking({
        consultantId: colleague.user.id,
        startsAt: '2026-12-03T16:30:00Z',
      });
      const body = { stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } };
      const results = await Promise.all(
        [1, 2, 3].map(() => admin.post(`/api/consultations/${booked.id}/convert`).send(body)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM work_permit_files WHERE consultation_id = $1',
        [booked.id],
      );
      expect(count).toBe(1);
    });

    it('does not convert a cancelled consultation', async () => {
      const booked = await publicBooking({
        consultantId: colleague.user.id,
        startsAt: '2026-12-04T15:00:00Z',
      });
      await t.http().post(`/api/public/bookings/${booked.token}/cancel`).expect(200);
      const res = await admin
        .post(`/api/consultations/${booked.id}/convert`)
        .send({ stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } })
        .expect(409);
      expect(res.body.code).toBe('CONSULTATION_INVALID_STATUS');
    });
  });
});
