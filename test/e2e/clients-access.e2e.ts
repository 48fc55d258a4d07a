import { StaffRole } from '@app/auth';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface TimelineEvent {
  id: string;
  action: string;
  actorId: string | null;
  changes: Record<string, unknown>;
}

describe('clients: who sees what, passport numbers, audit trail', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let assistant: SignedInClient;
  let own: SignedInClient;
  let other: SignedInClient;

  let emails = 0;
  const body = (overrides: Record<string, unknown> = {}) => ({
    firstName: 'Priya',
    lastName: 'Sharma',
    email: `access${++emails}@example.com`,
    passportNumber: 'Z1234567',
    ...overrides,
  });

  const auditRows = async (
    clientId?: string,
  ): Promise<{ action: string; changes: Record<string, unknown> }[]> =>
    clientId
      ? t.dataSource.query('SELECT action, changes FROM audit_events WHERE client_id = $1 ORDER BY seq', [
          clientId,
        ])
      : t.dataSource.query('SELECT action, changes FROM audit_events ORDER BY seq');

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedInAs(StaffRole.Admin);
    assistant = await t.signedInAs(StaffRole.Assistant);
    own = await t.signedInAs(StaffRole.Consultant);
    other = await t.signedInAs(StaffRole.Consultant);
  });
  afterAll(() => t.close());

  describe('the role x record matrix', () => {
    let clientId: string;

    beforeEach(async () => {
      clientId = (await t.given.client({ consultantId: own.user.id, passportNumber: 'Z1234567' })).id;
    });

    it('GET: admin, assistant and the assigned consultant see it; another consultant gets 404', async () => {
      for (const who of [admin, assistant, own]) {
        const res = await who.get(`/api/clients/${clientId}`).expect(200);
        expect(res.body).toMatchObject({ id: clientId, passportNumber: 'Z1234567' });
      }
      const res = await other.get(`/api/clients/${clientId}`).expect(404);
      expect(res.body.code).toBe('CLIENT_NOT_FOUND');
      const missing = await admin.get('/api/clients/4b0c6a0e-1111-4222-8333-944444444444').expect(404);
      expect(missing.body).toEqual(res.body);
    });

    it('PATCH: admin, assistant and the assigned consultant may change it; another consultant gets 404', async () => {
      await admin.patch(`/api/clients/${clientId}`).send({ lastName: 'ByAdmin' }).expect(200);
      await assistant.patch(`/api/clients/${clientId}`).send({ lastName: 'ByAssistant' }).expect(200);
      await own.patch(`/api/clients/${clientId}`).send({ lastName: 'ByOwner' }).expect(200);
      await other.patch(`/api/clients/${clientId}`).send({ lastName: 'ByOther' }).expect(404);
      const read = await admin.get(`/api/clients/${clientId}`).expect(200);
      expect(read.body.lastName).toBe('ByOwner');
    });

    it('timeline: admin, assistant and the assigned consultant; another consultant gets 404', async () => {
      for (const who of [admin, assistant, own]) {
        const res = await who.get(`/api/clients/${clientId}/timeline`).expect(200);
        expect(res.body.items.map((e: TimelineEvent) => e.action)).toEqual(['client.created']);
      }
      await other.get(`/api/clients/${clientId}/timeline`).expect(404);
    });

    it('list: consultants list only their own clients, whatever consultantId they ask for', async () => {
      const ids = async (who: SignedInClient, query: Record<string, string> = {}) =>
        (
          (
            await who
              .get('/api/clients')
              .query({ limit: 200, ...query })
              .expect(200)
          ).body.items as { id: string }[]
        ).map((c) => c.id);
      expect(await ids(admin)).toContain(clientId);
      expect(await ids(assistant)).toContain(clientId);
      expect(await ids(own)).toContain(clientId);
      expect(await ids(other)).not.toContain(clientId);
      expect(await ids(other, { consultantId: own.user.id })).toEqual([]);
      expect(await ids(admin, { consultantId: other.user.id })).not.toContain(clientId);
      expect(await ids(admin, { consultantId: own.user.id })).toContain(clientId);
    });

    it('DELETE: assistants and other consultants get 404; the assigned consultant and admins archive', async () => {
      await assistant.delete(`/api/clients/${clientId}`).expect(404);
      await other.delete(`/api/clients/${clientId}`).expect(404);
      expect((await admin.get(`/api/clients/${clientId}`).expect(200)).body.archivedAt).toBeNull();
      await own.delete(`/api/clients/${clientId}`).expect(204);
      expect((await admin.get(`/api/clients/${clientId}`).expect(200)).body.archivedAt).not.toBeNull();

      const another = await t.given.client({ consultantId: own.user.id });
      await admin.delete(`/api/clients/${another.id}`).expect(204);
      expect((await own.get(`/api/clients/${another.id}`).expect(200)).body.archivedAt).not.toBeNull();
    });
  });

  describe('assignment', () => {
    it("assigns a consultant's new client to them, and refuses assigning it to someone else (400)", async () => {
      const mine = await own.post('/api/clients').send(body()).expect(201);
      expect(mine.body.consultantId).toBe(own.user.id);
      const res = await own
        .post('/api/clients')
        .send(body({ consultantId: other.user.id }))
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['consultantId']);
      await own
        .post('/api/clients')
        .send(body({ consultantId: own.user.id }))
        .expect(201);

      const handOver = await own
        .patch(`/api/clients/${mine.body.id}`)
        .send({ consultantId: other.user.id })
        .expect(400);
      expect(Object.keys(handOver.body.fields)).toEqual(['consultantId']);
      const unassign = await own
        .patch(`/api/clients/${mine.body.id}`)
        .send({ consultantId: null })
        .expect(400);
      expect(Object.keys(unassign.body.fields)).toEqual(['consultantId']);
      expect((await own.get(`/api/clients/${mine.body.id}`).expect(200)).body.consultantId).toBe(own.user.id);
    });

    it('lets admins and assistants assign any active consultant or admin, or nobody', async () => {
      const created = await assistant.post('/api/clients').send(body()).expect(201);
      expect(created.body.consultantId).toBeNull();
      await own.get(`/api/clients/${created.body.id}`).expect(404);

      await assistant
        .patch(`/api/clients/${created.body.id}`)
        .send({ consultantId: own.user.id })
        .expect(200);
      await own.get(`/api/clients/${created.body.id}`).expect(200);

      await admin.patch(`/api/clients/${created.body.id}`).send({ consultantId: other.user.id }).expect(200);
      await own.get(`/api/clients/${created.body.id}`).expect(404);
      await other.get(`/api/clients/${created.body.id}`).expect(200);

      await admin.patch(`/api/clients/${created.body.id}`).send({ consultantId: admin.user.id }).expect(200);
      const toAssistant = await admin
        .patch(`/api/clients/${created.body.id}`)
        .send({ consultantId: assistant.user.id })
        .expect(400);
      expect(Object.keys(toAssistant.body.fields)).toEqual(['consultantId']);
      const cleared = await admin
        .patch(`/api/clients/${created.body.id}`)
        .send({ consultantId: null })
        .expect(200);
      expect(cleared.body.consultantId).toBeNull();
    });
  });

  describe('passport numbers', () => {
    it('are not stored in clear: the raw row holds a versioned ciphertext and the last three characters', async () => {
      const created = await admin
        .post('/api/clients')
        .send(body({ passportNumber: 'QX9876543' }))
        .expect(201);
      const [row] = await t.dataSource.query<{ json: string; encrypted: string; hint: string }[]>(
        'SELECT row_to_json(c)::text AS json, passport_number_encrypted AS encrypted, passport_number_hint AS hint FROM clients c WHERE id = $1',
        [created.body.id],
      );
      expect(row.json).not.toContain('QX9876543');
      expect(row.json.toUpperCase()).not.toContain('QX9876543');
      expect(row.encrypted).toMatch(/^v2\.[0-9a-f]{16}\.[^.]+\.[^.]+\.[^.]+$/);
      expect(row.hint).toBe('543');
    });

    it('are masked in lists and shown in full on GET /clients/:id to everyone who may see the client', async () => {
      const client = await t.given.client({
        consultantId: own.user.id,
        passportNumber: 'ML4455667',
        lastName: 'Maskington',
      });
      for (const who of [admin, assistant, own]) {
        const list = await who.get('/api/clients').query({ q: 'Maskington' }).expect(200);
        expect(JSON.stringify(list.body)).not.toContain('ML4455667');
        expect(list.body.items).toEqual([
          expect.objectContaining({
            id: client.id,
            passportNumber: '•••••667',
            passportNumberMasked: '•••••667',
          }),
        ]);
        const one = await who.get(`/api/clients/${client.id}`).expect(200);
        expect(one.body).toMatchObject({ passportNumber: 'ML4455667', passportNumberMasked: '•••••667' });
      }
    });
  });

  describe('audit trail', () => {
    it('records create, update and archive in the timeline, never with the passport number', async () => {
      const created = await own
        .post('/api/clients')
        .send(body({ passportNumber: 'AU1234567', phone: '604-555-0123' }))
        .expect(201);
      const id = created.body.id as string;
      await own
        .patch(`/api/clients/${id}`)
        .send({ phone: '+16045550199', passportNumber: 'AU7654321' })
        .expect(200);
      await own.patch(`/api/clients/${id}`).send({ passportNumber: 'au7654321' }).expect(200); // same number: no event
      await own.patch(`/api/clients/${id}`).send({ passportNumber: null }).expect(200);
      await own.delete(`/api/clients/${id}`).expect(204);

      const timeline = await own.get(`/api/clients/${id}/timeline`).expect(200);
      const events = timeline.body.items as TimelineEvent[];
      expect(events.map((e) => e.action)).toEqual([
        'client.archived',
        'client.updated',
        'client.updated',
        'client.created',
      ]);
      expect(events.every((e) => e.actorId === own.user.id)).toBe(true);
      expect(events[3].changes).toMatchObject({
        firstName: 'Priya',
        phone: '+16045550123',
        passportNumber: 'changed',
        consultantId: own.user.id,
      });
      expect(events[2].changes).toEqual({
        phone: ['+16045550123', '+16045550199'],
        passportNumber: 'changed',
      });
      expect(events[1].changes).toEqual({ passportNumber: 'changed' });
      expect(events[0].changes).toEqual({ archivedAt: [null, expect.any(String)] });

      const stored = JSON.stringify(await auditRows(id));
      const [row] = await t.dataSource.query<{ hint: string | null }[]>(
        'SELECT passport_number_hint AS hint FROM clients WHERE id = $1',
        [id],
      );
      expect(row.hint).toBeNull();
      for (const secret of [
        'AU1234567',
        'AU7654321',
        'v2.',
        'passportNumberEncrypted',
        'passportNumberHint',
      ]) {
        expect(stored).not.toContain(secret);
      }
    });

    it('pages the timeline newest first', async () => {
      const client = await t.given.client({ consultantId: own.user.id });
      for (let i = 0; i < 4; i++) {
        await own
          .patch(`/api/clients/${client.id}`)
          .send({ firstName: `Renamed${i}` })
          .expect(200);
      }
      const first = await own.get(`/api/clients/${client.id}/timeline`).query({ limit: 3 }).expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.items[0].changes.firstName[1]).toBe('Renamed3');
      const second = await own
        .get(`/api/clients/${client.id}/timeline`)
        .query({ limit: 3, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body.items.map((e: TimelineEvent) => e.action)).toEqual([
        'client.updated',
        'client.created',
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('leaves no audit row and no change behind a failed write', async () => {
      const taken = await t.given.client({ email: 'taken.address@example.com' });
      const client = await t.given.client({ email: 'mine.address@example.com', consultantId: own.user.id });
      const before = await auditRows();

      const res = await own
        .patch(`/api/clients/${client.id}`)
        .send({ email: 'TAKEN.address@example.com', phone: '+16045550111' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'CLIENT_EMAIL_TAKEN', fields: { email: expect.any(Array) } });
      await admin
        .post('/api/clients')
        .send(body({ email: 'Taken.Address@example.com' }))
        .expect(409);
      await own.patch(`/api/clients/${client.id}`).send({ phone: 'not a phone' }).expect(400);

      expect(await auditRows()).toEqual(before);
      const read = await own.get(`/api/clients/${client.id}`).expect(200);
      expect(read.body).toMatchObject({ email: 'mine.address@example.com', phone: null });
      expect((await admin.get(`/api/clients/${taken.id}`).expect(200)).body.email).toBe(
        'taken.address@example.com',
      );
    });
  });
});
