import { StaffRole, UsersService } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

describe('password policy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const newUser = (password: string, extra: Record<string, string> = {}) => ({
    email: 'farah.khan@firm.ca',
    name: 'Farah Khan',
    role: 'consultant',
    password,
    ...extra,
  });

  it('refuses a common password, the email or the name on creation, naming the field', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const common = await admin.post('/api/users').send(newUser('qwerty123456')).expect(400);
    expect(common.body).toMatchObject({
      statusCode: 400,
      code: 'USER_PASSWORD_REFUSED',
      fields: { password: [expect.stringMatching(/most common/)] },
    });
    const email = await admin.post('/api/users').send(newUser('Farah.Khan-2026')).expect(400);
    expect(email.body.fields.password[0]).toMatch(/email/);
    const name = await admin
      .post('/api/users')
      .send(newUser('farah khan', { email: 'fk@firm.ca', password: 'Farah Khan!!' }))
      .expect(400);
    expect(name.body.fields.password[0]).toMatch(/name/);
    const short = await admin.post('/api/users').send(newUser('eleven-char')).expect(400);
    expect(short.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: [expect.stringMatching(/at least 12/)] },
    });
    const long = await admin
      .post('/api/users')
      .send(newUser('x'.repeat(257)))
      .expect(400);
    expect(long.body.fields.password[0]).toMatch(/at most 256/);
    await admin.post('/api/users').send(newUser('saffron kettle harbour')).expect(201);
  });

  it('applies the same policy to an admin’s reset and to one’s own change', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const user = await t.signedInAs(StaffRole.Assistant, {
      name: 'Tomasz Nowak',
      email: 'tomasz.nowak@firm.ca',
    });
    const reset = await admin
      .patch(`/api/users/${user.user.id}`)
      .send({ password: '1q2w3e4r5t6y' })
      .expect(400);
    expect(reset.body).toMatchObject({
      code: 'USER_PASSWORD_REFUSED',
      fields: { password: expect.any(Array) },
    });

    const own = await user
      .post('/api/auth/me/password')
      .send({ currentPassword: 'a-long-test-password', newPassword: 'tomasznowak1990' })
      .expect(400);
    expect(own.body).toMatchObject({
      code: 'USER_PASSWORD_REFUSED',
      fields: { newPassword: [expect.stringMatching(/email|name/)] },
    });
    // A refused change ends nothing.
    await user.get('/api/auth/me').expect(200);
  });

  it('refuses a weak first-admin password from ADMIN_PASSWORD', async () => {
    const users = t.app.get(UsersService);
    for (const admin of (await users.list({ limit: 200, role: StaffRole.Admin })).items) {
      await t.dataSource.query('UPDATE users SET is_active = false WHERE id = $1', [admin.id]);
    }
    await expect(users.ensureFirstAdmin({ email: 'boss@firm.ca', password: '1q2w3e4r5t6y' })).rejects.toThrow(
      /ADMIN_PASSWORD/,
    );
    await expect(
      users.ensureFirstAdmin({ email: 'boss@firm.ca', password: 'granite meadow lantern' }),
    ).resolves.toMatchObject({
      email: 'boss@firm.ca',
    });
  });
});
