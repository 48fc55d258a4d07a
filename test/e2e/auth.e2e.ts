import { StaffRole } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

describe('auth and users', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '5' } });
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns a token that works', async () => {
    const user = await t.given.user({ email: 'Nadia@Firm.ca', password: 'right-password-1' });
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nadia@firm.ca', password: 'right-password-1' })
      .expect(200);
    expect(login.body.user).toMatchObject({ id: user.id, email: 'Nadia@Firm.ca', role: 'consultant' });
    expect(login.body.user.passwordHash).toBeUndefined();
    const me = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body.id).toBe(user.id);
  });

  it('answers the same 401 for an unknown email, a wrong password and a missing field', async () => {
    await t.given.user({ email: 'omar@firm.ca', password: 'right-password-2' });
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'omar@firm.ca', password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'ghost@firm.ca', password: 'nope-nope-nope' })
      .expect(401);
    const missing = await t.http().post('/api/auth/login').send({ email: 'omar@firm.ca' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(missing.body.message).toBe(wrong.body.message);
    expect(wrong.body).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'Email or password is incorrect',
    });
  });

  it('throttles repeated failed logins with 429', async () => {
    await t.given.user({ email: 'target@firm.ca', password: 'right-password-3' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'target@firm.ca', password: `guess-${i}-guess` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const throttled = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'target@firm.ca', password: 'right-password-3' });
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses requests without a token or with a forged one', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('lets admins create users, change roles and deactivate them; a deactivated token stops working', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const created = await admin
      .post('/api/users')
      .send({ email: 'li@firm.ca', name: 'Li Wei', role: 'assistant', password: 'assistant-password' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'li@firm.ca', role: 'assistant', isActive: true });

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'li@firm.ca', password: 'assistant-password' })
      .expect(200);
    const token = login.body.accessToken as string;
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);

    await admin.patch(`/api/users/${created.body.id}`).send({ role: 'consultant' }).expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('consultant');

    await admin.patch(`/api/users/${created.body.id}`).send({ isActive: false }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'li@firm.ca', password: 'assistant-password' })
      .expect(401);
  });

  it('refuses a duplicate email whatever its case (409) and bad fields (400 naming them)', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    await admin
      .post('/api/users')
      .send({ email: 'dup@firm.ca', name: 'A', role: 'assistant', password: 'long-enough-pw' })
      .expect(201);
    const dup = await admin
      .post('/api/users')
      .send({ email: 'DUP@firm.ca', name: 'B', role: 'assistant', password: 'long-enough-pw' })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'USER_EMAIL_TAKEN', fields: { email: expect.any(Array) } });

    const bad = await admin
      .post('/api/users')
      .send({ email: 'not-an-email', name: 'C', role: 'boss', password: 'short', extra: 1 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'extra', 'password', 'role']);
  });

  it('keeps users admin-only: other roles get 404', async () => {
    const consultant = await t.signedInAs(StaffRole.Consultant);
    const assistant = await t.signedInAs(StaffRole.Assistant);
    await consultant.get('/api/users').expect(404);
    await assistant.post('/api/users').send({}).expect(404);
  });

  it('will not demote or deactivate the last active admin', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const admins = await admin.get('/api/users').query({ role: 'admin', limit: 200 }).expect(200);
    for (const other of admins.body.items as { id: string }[]) {
      if (other.id !== admin.user.id) {
        await admin.patch(`/api/users/${other.id}`).send({ isActive: false }).expect(200);
      }
    }
    const res = await admin.patch(`/api/users/${admin.user.id}`).send({ isActive: false }).expect(409);
    expect(res.body.code).toBe('USER_LAST_ADMIN');
    await admin.patch(`/api/users/${admin.user.id}`).send({ role: 'assistant' }).expect(409);
  });

  it('lists users with keyset pagination', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    for (const name of ['Ava', 'Ben', 'Chloé', 'Dev', 'Émile']) {
      await t.given.user({ name });
    }
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await admin
        .get('/api/users')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .expect(200);
      for (const u of res.body.items as { id: string }[]) {
        expect(seen.has(u.id)).toBe(false);
        seen.add(u.id);
      }
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    const all = await admin.get('/api/users').query({ limit: 200 }).expect(200);
    expect(seen.size).toBe(all.body.items.length);
    expect(pages).toBeGreaterThan(1);
  });
});
