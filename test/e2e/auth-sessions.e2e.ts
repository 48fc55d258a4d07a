import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { StaffRole } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

describe('staff sessions end at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (email: string, password = 'a-long-test-password'): Promise<string> => {
    const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  };
  const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('ends every session on one’s own password change, and hands back a fresh token for this device', async () => {
    const user = await t.given.user({ email: 'rosa@firm.ca' });
    const laptop = await signIn('rosa@firm.ca');
    const phone = await signIn('rosa@firm.ca');
    const changed = await t
      .http()
      .post('/api/auth/me/password')
      .set('Authorization', `Bearer ${laptop}`)
      .send({ currentPassword: 'a-long-test-password', newPassword: 'lantern orchard seventeen' })
      .expect(200);
    expect(changed.body.user).toMatchObject({ id: user.id, email: 'rosa@firm.ca' });

    await me(laptop).expect(401);
    const ended = await me(phone).expect(401);
    expect(ended.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    await me(changed.body.accessToken as string).expect(200);
    await signIn('rosa@firm.ca', 'lantern orchard seventeen');
  });

  it('ends every session of a user an admin resets the password of', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const user = await t.signedInAs(StaffRole.Consultant);
    await user.get('/api/auth/me').expect(200);
    await admin
      .patch(`/api/users/${user.user.id}`)
      .send({ password: 'a-new-password-from-admin' })
      .expect(200);
    await user.get('/api/auth/me').expect(401);
    await admin.get('/api/auth/me').expect(200);
  });

  it('ends every session on deactivation, and reactivation does not bring old tokens back', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const user = await t.signedInAs(StaffRole.Assistant);
    await admin.patch(`/api/users/${user.user.id}`).send({ isActive: false }).expect(200);
    await user.get('/api/auth/me').expect(401);
    await admin.patch(`/api/users/${user.user.id}`).send({ isActive: true }).expect(200);
    await user.get('/api/auth/me').expect(401);
  });

  it('signs out this session only with POST /api/auth/logout', async () => {
    await t.given.user({ email: 'sam@firm.ca' });
    const first = await signIn('sam@firm.ca');
    const second = await signIn('sam@firm.ca');
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${first}`).expect(204);
    await me(first).expect(401);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${first}`).expect(401);
    await me(second).expect(200);
  });

  it('signs out everywhere, oneself or by an admin', async () => {
    await t.given.user({ email: 'ivy@firm.ca' });
    const first = await signIn('ivy@firm.ca');
    const second = await signIn('ivy@firm.ca');
    await t.http().post('/api/auth/logout-everywhere').set('Authorization', `Bearer ${first}`).expect(204);
    await me(first).expect(401);
    await me(second).expect(401);

    const admin = await t.signedInAs(StaffRole.Admin);
    const consultant = await t.signedInAs(StaffRole.Consultant);
    const again = await signIn(consultant.user.email);
    await consultant.post(`/api/users/${admin.user.id}/sessions/revoke`).expect(404);
    await admin.post(`/api/users/${consultant.user.id}/sessions/revoke`).expect(204);
    await consultant.get('/api/auth/me').expect(401);
    await me(again).expect(401);
    await admin.get('/api/auth/me').expect(200);
    const missing = await admin
      .post('/api/users/00000000-0000-4000-8000-000000000000/sessions/revoke')
      .expect(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
  });

  it('ends the queue-board cookie with the session it was opened from', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const opened = await admin.post('/api/auth/queues-session').expect(200);
    const cookie = (opened.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    await t.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    await admin.post('/api/auth/logout').expect(204);
    await t.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(401);
  });

  it('refuses a validly signed token that names no session (as issued before sessions existed)', async () => {
    const user = await t.signedInAs(StaffRole.Consultant);
    const jwt = t.app.get(JwtService);
    await me(jwt.sign({ sub: user.user.id, role: 'consultant' })).expect(401);
    await me(jwt.sign({ sub: user.user.id, sid: 'not-a-uuid', role: 'consultant' })).expect(401);
    await me(
      jwt.sign({ sub: user.user.id, sid: '00000000-0000-4000-8000-000000000000', role: 'consultant' }),
    ).expect(401);
  });

  it('checks token, user and session in one statement per request', async () => {
    const user = await t.signedInAs(StaffRole.Consultant);
    await user.get('/api/reference/provinces').expect(200);
    const query = jest.spyOn(Client.prototype, 'query');
    try {
      await user.get('/api/reference/provinces').expect(200); // served from memory: only the auth check hits the database
      const statements = query.mock.calls.map((call) =>
        typeof call[0] === 'string' ? call[0] : (call[0] as { text: string }).text,
      );
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain('FROM staff_sessions s JOIN users u');
    } finally {
      query.mockRestore();
    }
  });
});
