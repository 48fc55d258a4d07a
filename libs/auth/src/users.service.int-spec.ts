import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { createTestDatabase, dropTestDatabase, testVariables } from '../../../test/support/test-app';
import { AuthErrorCode } from './auth.errors';
import { AuthModule } from './auth.module';
import { PasswordHasher } from './passwords';
import { StaffRole } from './staff-role';
import { StaffSessionsService } from './staff-sessions.service';
import { UsersService } from './users.service';

/**
 * UsersService's rules against a real PostgreSQL (unique emails whatever their case, the last active admin,
 * sessions ended by a reset or a deactivation, keyset paging), without HTTP: AuthModule on a database of its own.
 */
describe('UsersService against PostgreSQL', () => {
  let database: string;
  let moduleRef: TestingModule;
  let users: UsersService;
  let sessions: StaffSessionsService;
  let n = 0;
  const password = 'lantern orchard seventeen';
  const given = (role: StaffRole, name = `Person ${++n}`) =>
    users.create({ email: `person${++n}@firm.test`, name, role, password });

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = AppConfig.fromVariables(testVariables(database));
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), AuthModule],
    }).compile();
    await moduleRef.init();
    users = moduleRef.get(UsersService);
    sessions = moduleRef.get(StaffSessionsService);
  });

  afterAll(async () => {
    await moduleRef?.close();
    if (database) {
      await dropTestDatabase(database);
    }
  });

  it('refuses a second user with the same email in another case', async () => {
    await users.create({ email: 'Dup@Firm.test', name: 'First', role: StaffRole.Assistant, password });
    await expect(
      users.create({ email: ' dup@firm.TEST ', name: 'Second', role: StaffRole.Assistant, password }),
    ).rejects.toMatchObject({ code: AuthErrorCode.EmailTaken, fields: { email: expect.any(Array) } });
  });

  it('makes consultants bookable by default, and stores a hash that verifies, never the password', async () => {
    const consultant = await given(StaffRole.Consultant);
    const assistant = await given(StaffRole.Assistant);
    expect(consultant).toMatchObject({ isBookable: true, isActive: true, languages: ['en'] });
    expect(assistant.isBookable).toBe(false);
    expect(consultant.passwordHash).toMatch(/^\$argon2id\$/);
    expect(consultant.passwordHash).not.toContain(password);
    expect((await users.verifyCredentials(consultant.email, password))?.id).toBe(consultant.id);
    expect(await users.verifyCredentials(consultant.email, 'not the password at all')).toBeNull();
  });

  it('makes a hash of an earlier cost again at the configured cost when its user signs in, not on a wrong password', async () => {
    const consultant = await given(StaffRole.Consultant);
    const earlier = await new PasswordHasher({
      passwordHashing: { memoryKib: 65536, passes: 3, lanes: 4 },
    }).hash(password);
    const stored = async () =>
      (
        await moduleRef
          .get(DataSource)
          .query<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE id = $1', [
            consultant.id,
          ])
      )[0].password_hash;
    await moduleRef
      .get(DataSource)
      .query('UPDATE users SET password_hash = $2 WHERE id = $1', [consultant.id, earlier]);

    expect(await users.verifyCredentials(consultant.email, 'not the password at all')).toBeNull();
    expect(await stored()).toBe(earlier);

    expect((await users.verifyCredentials(consultant.email, password))?.id).toBe(consultant.id);
    const remade = await stored();
    expect(remade).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/); // the tests' cost (testVariables)
    expect((await users.verifyCredentials(consultant.email, password))?.id).toBe(consultant.id);
    expect(await stored()).toBe(remade);
  });

  it('will not demote or deactivate the last active admin, and will once another admin is active', async () => {
    const admin = await given(StaffRole.Admin);
    expect(await users.countActiveAdmins()).toBe(1);
    await expect(users.update(admin.id, { isActive: false })).rejects.toMatchObject({
      code: AuthErrorCode.LastAdmin,
    });
    await expect(users.update(admin.id, { role: StaffRole.Consultant })).rejects.toMatchObject({
      code: AuthErrorCode.LastAdmin,
    });
    expect((await users.require(admin.id)).role).toBe(StaffRole.Admin);

    await given(StaffRole.Admin);
    expect((await users.update(admin.id, { role: StaffRole.Consultant })).role).toBe(StaffRole.Consultant);
  });

  it('ends every session of a user whose password is reset or who is deactivated, not of others', async () => {
    const reset = await given(StaffRole.Consultant);
    const deactivated = await given(StaffRole.Assistant);
    const bystander = await given(StaffRole.Assistant);
    const started = await Promise.all([reset, reset, deactivated, bystander].map((u) => sessions.start(u)));
    const signedIn = () =>
      Promise.all(
        [reset, reset, deactivated, bystander].map(async (u, i) =>
          Boolean(await sessions.findSignedIn(u.id, started[i].sessionId)),
        ),
      );
    expect(await signedIn()).toEqual([true, true, true, true]);

    await users.update(reset.id, { password: 'a brand new long passphrase' });
    await users.update(deactivated.id, { isActive: false });
    expect(await signedIn()).toEqual([false, false, false, true]);
    expect(await users.verifyCredentials(reset.email, 'a brand new long passphrase')).not.toBeNull();
    expect(await users.verifyCredentials(reset.email, password)).toBeNull();
  });

  it('pages through users by name with a cursor, each once', async () => {
    for (const name of ['Zoe Aubin', 'Zack Brun', 'Zeynep Cole', 'Zhu Dai', 'Zora Eng']) {
      await given(StaffRole.Assistant, name);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await users.list({ limit: 2, q: 'Z', cursor });
      seen.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 50);
    expect(seen).toEqual(['Zack Brun', 'Zeynep Cole', 'Zhu Dai', 'Zoe Aubin', 'Zora Eng']);
  });
});
