// A long spec by design: every clients route against one app.
// Starting an app per file costs seconds, so the cases stay together.
import { StaffRole } from '@app/auth';
import { ClientsService } from '@app/clients';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

interface ClientBody {
  id: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  archivedAt: string | null;
  [field: string]: unknown;
}

describe('clients: create, validate, update, archive, search', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let consultantId: string;
  const clock = new FixedClock(new Date('2026-11-22T17:00:00Z'));

  const example = (overrides: Record<string, unknown> = {}) => ({
    firstName: 'Priya',
    lastName: 'Sharma',
    email: 'priya@example.com',
    phone: '+16045550123',
    dateOfBirth: '1994-05-17',
    citizenship: 'IN',
    countryOfResidence: 'CA',
    statusInCanada: 'student',
    statusExpiresOn: '2027-01-31',
    passportNumber: 'Z1234567',
    passportExpiresOn: '2030-02-01',
    preferredLanguage: 'en',
    consultantId,
    ...overrides,
  });

  let emails = 0;
  const uniqueEmail = (name = 'client') => `${name}${++emails}@example.com`;

  const countClients = async (): Promise<number> => {
    const [{ count }] = await t.dataSource.query<{ count: string }[]>('SELECT count(*) FROM clients');
    return Number(count);
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    consultantId = (await t.given.consultant()).id;
  });
  afterAll(() => t.close());

  it('creates a client from the documented example and reads it back', async () => {
    const created = await admin.post('/api/clients').send(example()).expect(201);
    expect(created.body).toMatchObject({
      firstName: 'Priya',
      lastName: 'Sharma',
      email: 'priya@example.com',
      phone: '+16045550123',
      dateOfBirth: '1994-05-17',
      citizenship: 'IN',
      countryOfResidence: 'CA',
      statusInCanada: 'student',
      statusExpiresOn: '2027-01-31',
      passportNumber: 'Z1234567',
      passportNumberMasked: '•••••567',
      passportExpiresOn: '2030-02-01',
      uci: null,
      preferredLanguage: 'en',
      consultantId,
      isProspect: false,
      archivedAt: null,
    });
    expect(created.body.passportNumberEncrypted).toBeUndefined();
    expect(created.body.passportNumberHint).toBeUndefined();
    const read = await admin.get(`/api/clients/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('normalises phone numbers to E.164, UCIs to digits and country codes to upper case', async () => {
    const canadian = await admin
      .post('/api/clients')
      .send(
        example({
          email: uniqueEmail(),
          phone: '604-555-0123',
          uci: '12-3456-7890',
          citizenship: 'in',
          countryOfResidence: 'ca',
        }),
      )
      .expect(201);
    expect(canadian.body).toMatchObject({
      phone: '+16045550123',
      uci: '1234567890',
      citizenship: 'IN',
      countryOfResidence: 'CA',
    });

    const abroad = await admin
      .post('/api/clients')
      .send(
        example({
          email: uniqueEmail(),
          phone: '+44 20 7946 0958',
          uci: '1234 5678',
          passportNumber: 'ab123456',
        }),
      )
      .expect(201);
    expect(abroad.body).toMatchObject({
      phone: '+442079460958',
      uci: '12345678',
      passportNumber: 'AB123456',
    });
  });

  it('needs only the names', async () => {
    const res = await admin.post('/api/clients').send({ firstName: 'Solo', lastName: 'Minimal' }).expect(201);
    expect(res.body).toMatchObject({
      email: null,
      phone: null,
      statusInCanada: 'none',
      preferredLanguage: 'en',
      consultantId: null,
      passportNumber: null,
      passportNumberMasked: null,
    });
  });

  describe('refuses bad input with a 400 naming the field, and writes nothing', () => {
    let assistantId: string;
    let inactiveConsultantId: string;

    beforeAll(async () => {
      assistantId = (await t.given.user({ role: StaffRole.Assistant })).id;
      const inactive = await t.given.consultant();
      await admin.patch(`/api/users/${inactive.id}`).send({ isActive: false }).expect(200);
      inactiveConsultantId = inactive.id;
    });

    const cases: [string, Record<string, unknown>, string][] = [
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an email of the wrong type', { email: 42 }, 'email'],
      ['a phone number too short', { phone: '123' }, 'phone'],
      ['a phone number in words', { phone: 'call me maybe' }, 'phone'],
      ['a phone number with no such area code', { phone: '+1 000 555 0123' }, 'phone'],
      ['an unknown citizenship', { citizenship: 'XX' }, 'citizenship'],
      ['a country name instead of a code', { countryOfResidence: 'Canada' }, 'countryOfResidence'],
      ['a date of birth tomorrow', { dateOfBirth: '2026-11-23' }, 'dateOfBirth'],
      ['a date of birth before 1900', { dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
      ['a date of birth that does not exist', { dateOfBirth: '1994-02-30' }, 'dateOfBirth'],
      ['a date of birth in another format', { dateOfBirth: '17/05/1994' }, 'dateOfBirth'],
      ['a date of birth with a time', { dateOfBirth: '1994-05-17T00:00:00Z' }, 'dateOfBirth'],
      ['a malformed status expiry', { statusExpiresOn: '2027-13-01' }, 'statusExpiresOn'],
      ['a passport expiry as a number', { passportExpiresOn: 20300201 }, 'passportExpiresOn'],
      [
        'a status expiry for a permanent resident',
        { statusInCanada: 'permanent_resident' },
        'statusExpiresOn',
      ],
      ['an unknown status', { statusInCanada: 'tourist' }, 'statusInCanada'],
      ['a UCI of 7 digits', { uci: '1234567' }, 'uci'],
      ['a UCI of 9 digits', { uci: '123-456-789' }, 'uci'],
      ['a UCI with letters', { uci: '1234-567X' }, 'uci'],
      ['a short passport number', { passportNumber: 'AB12' }, 'passportNumber'],
      ['a passport number with symbols', { passportNumber: 'Z123-4567' }, 'passportNumber'],
      ['an unknown language', { preferredLanguage: 'de' }, 'preferredLanguage'],
      ['a consultantId that is not a UUID', { consultantId: 'someone' }, 'consultantId'],
      ['a consultantId of nobody', { consultantId: '4b0c6a0e-1111-4222-8333-944444444444' }, 'consultantId'],
      ['a first name of the wrong type', { firstName: 42 }, 'firstName'],
      ['an empty last name', { lastName: '   ' }, 'lastName'],
      ['a missing first name', { firstName: undefined }, 'firstName'],
      ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
    ];

    it.each(cases)('%s', async (_, overrides, field) => {
      const before = await countClients();
      const res = await admin
        .post('/api/clients')
        .send(example({ email: uniqueEmail('bad'), ...overrides }))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toEqual([field]);
      expect(await countClients()).toBe(before);
    });

    it('a consultantId of an assistant or an inactive consultant', async () => {
      for (const id of [assistantId, inactiveConsultantId]) {
        const res = await admin
          .post('/api/clients')
          .send(example({ email: uniqueEmail('bad'), consultantId: id }))
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['consultantId']);
      }
    });

    it('malformed JSON', async () => {
      const res = await admin
        .post('/api/clients')
        .set('Content-Type', 'application/json')
        .send('{"firstName": "Pri')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
    });

    it('bad query values and a path that is not a UUID', async () => {
      const limit = await admin.get('/api/clients').query({ limit: 201 }).expect(400);
      expect(Object.keys(limit.body.fields)).toEqual(['limit']);
      const cursor = await admin.get('/api/clients').query({ cursor: 'garbage' }).expect(400);
      expect(Object.keys(cursor.body.fields)).toEqual(['cursor']);
      const forged = Buffer.from(JSON.stringify(['not a date', 'not an id'])).toString('base64url');
      const forgedRes = await admin.get('/api/clients').query({ cursor: forged }).expect(400);
      expect(Object.keys(forgedRes.body.fields)).toEqual(['cursor']);
      const archived = await admin.get('/api/clients').query({ archived: 'maybe' }).expect(400);
      expect(Object.keys(archived.body.fields)).toEqual(['archived']);
      const consultant = await admin.get('/api/clients').query({ consultantId: 'x' }).expect(400);
      expect(Object.keys(consultant.body.fields)).toEqual(['consultantId']);
      const unknown = await admin.get('/api/clients').query({ sort: 'name' }).expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['sort']);
      const path = await admin.get('/api/clients/123').expect(400);
      expect(Object.keys(path.body.fields)).toEqual(['id']);
    });
  });

  it('refuses a second active client with the same email in another case (409), writing nothing', async () => {
    await admin
      .post('/api/clients')
      .send(example({ email: 'dup.client@example.com' }))
      .expect(201);
    const before = await countClients();
    const dup = await admin
      .post('/api/clients')
      .send(example({ email: 'DUP.Client@Example.COM' }))
      .expect(409);
    expect(dup.body).toMatchObject({
      statusCode: 409,
      code: 'CLIENT_EMAIL_TAKEN',
      fields: { email: expect.any(Array) },
    });
    expect(await countClients()).toBe(before);
    const rows = await t.dataSource.query(`SELECT id FROM clients WHERE email = 'dup.client@example.com'`);
    expect(rows).toHaveLength(1);
  });

  it('archives with DELETE: hidden from lists, still readable, its email free again, no longer editable', async () => {
    const email = uniqueEmail('archived');
    const client = await admin
      .post('/api/clients')
      .send(example({ email, lastName: 'Archivable' }))
      .expect(201);
    await admin.delete(`/api/clients/${client.body.id}`).expect(204);

    const read = await admin.get(`/api/clients/${client.body.id}`).expect(200);
    expect(read.body.archivedAt).toBe(clock.now().toISOString());

    const listed = await admin.get('/api/clients').query({ q: 'Archivable' }).expect(200);
    expect(listed.body.items).toEqual([]);
    const withArchived = await admin
      .get('/api/clients')
      .query({ q: 'Archivable', archived: true })
      .expect(200);
    expect(withArchived.body.items.map((c: ClientBody) => c.id)).toEqual([client.body.id]);

    const again = await admin
      .post('/api/clients')
      .send(example({ email: email.toUpperCase(), lastName: 'Archivable' }))
      .expect(201);
    expect(again.body.id).not.toBe(client.body.id);
    const both = await admin.get('/api/clients').query({ q: 'Archivable', archived: 'true' }).expect(200);
    // The same name, so the prefix rank lists them by id.
    expect(both.body.items.map((c: ClientBody) => c.id)).toEqual([again.body.id, client.body.id].sort());

    const patch = await admin
      .patch(`/api/clients/${client.body.id}`)
      .send({ phone: '+16045550199' })
      .expect(409);
    expect(patch.body.code).toBe('CLIENT_ARCHIVED');
    // Archiving twice changes nothing.
    await admin.delete(`/api/clients/${client.body.id}`).expect(204);
  });

  it('lists a client as it reads, the passport number masked, archived or not', async () => {
    const created = await admin
      .post('/api/clients')
      .send(example({ email: uniqueEmail(), lastName: 'Listedasread', uci: '12345678' }))
      .expect(201);
    const read = await admin.get(`/api/clients/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({
      dateOfBirth: '1994-05-17',
      passportNumber: 'Z1234567',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const listed = await admin.get('/api/clients').query({ q: 'listedasread' }).expect(200);
    // A list leaves out what only one client's page shows (the portal status).
    const { portal, ...asListed } = read.body;
    expect(portal).toBeNull();
    expect(listed.body).toEqual({ items: [{ ...asListed, passportNumber: '•••••567' }], nextCursor: null });

    await admin.delete(`/api/clients/${created.body.id}`).expect(204);
    const archived = await admin.get(`/api/clients/${created.body.id}`).expect(200);
    const withArchived = await admin
      .get('/api/clients')
      .query({ q: 'Listedasread', archived: true })
      .expect(200);
    const { portal: _portal, ...archivedAsListed } = archived.body;
    expect(withArchived.body.items).toEqual([{ ...archivedAsListed, passportNumber: '•••••567' }]);
  });

  it('updates only the fields sent; null clears a nullable field; non-nullable fields refuse null', async () => {
    const client = await admin
      .post('/api/clients')
      .send(example({ email: uniqueEmail(), uci: '12345678' }))
      .expect(201);
    const updated = await admin
      .patch(`/api/clients/${client.body.id}`)
      .send({ phone: '(604) 555-0199', uci: null, passportNumber: null, citizenship: 'fr' })
      .expect(200);
    expect(updated.body).toMatchObject({
      firstName: 'Priya',
      email: client.body.email,
      phone: '+16045550199',
      uci: null,
      passportNumber: null,
      passportNumberMasked: null,
      citizenship: 'FR',
      dateOfBirth: '1994-05-17',
    });
    expect((await admin.get(`/api/clients/${client.body.id}`).expect(200)).body).toEqual(updated.body);

    for (const [field, value] of [
      ['firstName', null],
      ['statusInCanada', null],
      ['preferredLanguage', null],
      ['phone', 'nope'],
      ['dateOfBirth', '2030-01-01'],
      ['uci', '123'],
      ['consultantId', '4b0c6a0e-1111-4222-8333-944444444444'],
      ['unknownField', 1],
    ] as const) {
      const res = await admin
        .patch(`/api/clients/${client.body.id}`)
        .send({ [field]: value })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
  });

  it('drops the status expiry when the status becomes one that does not expire', async () => {
    const client = await admin
      .post('/api/clients')
      .send(example({ email: uniqueEmail() }))
      .expect(201);
    const pr = await admin
      .patch(`/api/clients/${client.body.id}`)
      .send({ statusInCanada: 'permanent_resident' })
      .expect(200);
    expect(pr.body).toMatchObject({ statusInCanada: 'permanent_resident', statusExpiresOn: null });
    const bad = await admin
      .patch(`/api/clients/${client.body.id}`)
      .send({ statusExpiresOn: '2028-01-01' })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['statusExpiresOn']);
    const worker = await admin
      .patch(`/api/clients/${client.body.id}`)
      .send({ statusInCanada: 'worker', statusExpiresOn: '2028-01-01' })
      .expect(200);
    expect(worker.body).toMatchObject({ statusInCanada: 'worker', statusExpiresOn: '2028-01-01' });
  });

  describe('search', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const make = async (key: string, body: Record<string, unknown>) =>
        [
          key,
          (
            await admin
              .post('/api/clients')
              .send({ consultantId: null, ...body })
              .expect(201)
          ).body.id as string,
        ] as const;
      ids = Object.fromEntries(
        await Promise.all([
          make('amelie', {
            firstName: 'Amélie',
            lastName: 'Quixotelle',
            email: 'amelie.q@northmail.ca',
            phone: '+15145550101',
            uci: '1111-2222',
          }),
          make('bao', {
            firstName: 'Bao',
            lastName: 'Quixoter',
            email: 'bao@southmail.ca',
            phone: '+33 1 42 68 53 00',
            uci: '33-4444-5555',
          }),
          make('carla', {
            firstName: 'Carla',
            lastName: 'Mendez_Ruiz',
            email: 'carla100%@westmail.ca',
            phone: '+15875550177',
          }),
        ]),
      );
    });

    const search = async (q: string): Promise<string[]> => {
      const res = await admin.get('/api/clients').query({ q, limit: 200 }).expect(200);
      return (res.body.items as ClientBody[]).map((c) => c.id).sort();
    };

    it('finds clients by a fragment of the first or last name, any case', async () => {
      expect(await search('quixote')).toEqual([ids.amelie, ids.bao].sort());
      expect(await search('QUIXOTEL')).toEqual([ids.amelie]);
      expect(await search('améli')).toEqual([ids.amelie]);
    });

    it('finds clients by "first last"', async () => {
      expect(await search('Bao Quixoter')).toEqual([ids.bao]);
      expect(await search('bao  quix')).toEqual([ids.bao]);
    });

    it('finds clients by email fragment', async () => {
      expect(await search('southmail')).toEqual([ids.bao]);
      expect(await search('Amelie.Q@North')).toEqual([ids.amelie]);
    });

    it('finds clients by phone digits however they are written', async () => {
      expect(await search('514-555-0101')).toEqual([ids.amelie]);
      expect(await search('(514) 555')).toEqual([ids.amelie]);
      expect(await search('+33 1 42 68')).toEqual([ids.bao]);
    });

    it('finds clients by UCI with or without dashes', async () => {
      expect(await search('1111-2222')).toEqual([ids.amelie]);
      expect(await search('3344445555')).toEqual([ids.bao]);
      expect(await search('33-4444')).toEqual([ids.bao]);
    });

    it('finds a name by its start without its accents', async () => {
      expect(await search('ameli')).toEqual([ids.amelie]);
      expect(await search('QUIXOTÉ')).toEqual([ids.amelie, ids.bao].sort());
    });

    it('ranks last names that start with the term, then first names, then the rest, paging across the ranks', async () => {
      // Created oldest first: the third rank comes newest first, the first two in name order.
      const made: Record<string, string> = {};
      for (const [key, firstName, lastName, email] of [
        ['elsewhere', 'Ana', 'Rankmiddle', 'x.rankterm@mail.ca'],
        ['lastB', 'Zed', 'Rankterm-Bee', null],
        ['first', 'Rankterm', 'Aardvark', null],
        ['lastA', 'Yan', 'Rankterm-Ay', null],
        ['inside', 'Bo', 'Surrankterm', null],
      ] as const) {
        const res = await admin.post('/api/clients').send({ firstName, lastName, email }).expect(201);
        made[key] = res.body.id as string;
        clock.advance(1);
      }
      const expected = [made.lastA, made.lastB, made.first, made.inside, made.elsewhere];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: ClientBody[]; nextCursor: string | null } } = await admin
          .get('/api/clients')
          .query({ q: 'rankterm', limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...res.body.items.map((c) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual(expected);
      const whole = await admin.get('/api/clients').query({ q: 'rankterm', limit: 50 }).expect(200);
      expect((whole.body.items as ClientBody[]).map((c) => c.id)).toEqual(expected);
      const forged = Buffer.from(JSON.stringify([3, 'not a time', made.first])).toString('base64url');
      await admin.get('/api/clients').query({ q: 'rankterm', cursor: forged }).expect(400);
    });

    it('takes %, _ and \\ literally', async () => {
      expect(await search('%')).toEqual([ids.carla]);
      expect(await search('100%@')).toEqual([ids.carla]);
      expect(await search('Mendez_')).toEqual([ids.carla]);
      expect(await search('z_R')).toEqual([ids.carla]);
      expect(await search('Quixote_')).toEqual([]);
      expect(await search('\\')).toEqual([]);
    });
  });

  it('pages through clients newest first without duplicates or gaps, filtered by consultant', async () => {
    const consultant = await t.given.consultant();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push((await t.given.client({ consultantId: consultant.id, firstName: `Paged${i}` })).id);
      clock.advance(1);
    }
    // Two more with the same created_at: the id breaks the tie.
    const service = t.app.get(ClientsService);
    created.push(
      (await service.create({ firstName: 'Twin', lastName: 'A', consultantId: consultant.id }, null)).id,
    );
    created.push(
      (await service.create({ firstName: 'Twin', lastName: 'B', consultantId: consultant.id }, null)).id,
    );
    await t.dataSource.query(`UPDATE clients SET created_at = $1 WHERE first_name = 'Twin'`, [
      '2026-01-01T00:00:00.123Z',
    ]);

    const seen: ClientBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: ClientBody[]; nextCursor: string | null } } = await admin
        .get('/api/clients')
        .query({ consultantId: consultant.id, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);

    expect(pages).toBe(5);
    expect(seen.map((c) => c.id).sort()).toEqual([...created].sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(9);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
    }
  });

  describe('findOrCreateProspectByEmail (public bookings)', () => {
    it('returns the active client with that email, whatever its case', async () => {
      const existing = await t.given.client({ email: 'returning.client@example.com' });
      const service = t.app.get(ClientsService);
      const found = await t.dataSource.transaction((m) =>
        service.findOrCreateProspectByEmail(m, {
          name: 'Someone Else',
          email: ' Returning.Client@EXAMPLE.com ',
        }),
      );
      expect(found.id).toBe(existing.id);
      expect(found.isProspect).toBe(false);
    });

    it('creates one prospect, even for concurrent bookings with the same email, with an audit event', async () => {
      const service = t.app.get(ClientsService);
      const book = () =>
        t.dataSource.transaction((m) =>
          service.findOrCreateProspectByEmail(m, {
            name: 'Jean Paul Tremblay',
            email: 'new.prospect@example.com',
            phone: '416 555 0111',
          }),
        );
      const [a, b] = await Promise.all([book(), book()]);
      expect(a.id).toBe(b.id);
      expect(a).toMatchObject({
        firstName: 'Jean Paul',
        lastName: 'Tremblay',
        email: 'new.prospect@example.com',
        phone: '+14165550111',
        isProspect: true,
        consultantId: null,
      });
      const rows = await t.dataSource.query(
        `SELECT id FROM clients WHERE email = 'new.prospect@example.com'`,
      );
      expect(rows).toHaveLength(1);
      const events = await t.dataSource.query(
        `SELECT action, actor_id FROM audit_events WHERE client_id = $1`,
        [a.id],
      );
      expect(events).toEqual([{ action: 'client.created', actor_id: null }]);
    });

    it('refuses a bad email or phone, naming the field', async () => {
      const service = t.app.get(ClientsService);
      await expect(
        t.dataSource.transaction((m) =>
          service.findOrCreateProspectByEmail(m, { name: 'A B', email: 'nope' }),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { email: expect.any(Array) } });
      await expect(
        t.dataSource.transaction((m) =>
          service.findOrCreateProspectByEmail(m, { name: 'A B', email: 'ok@example.com', phone: '12' }),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { phone: expect.any(Array) } });
    });
  });
});
