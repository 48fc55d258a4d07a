import { PasswordHasher } from './passwords';

const DEFAULT_COST = { memoryKib: 65536, passes: 3, lanes: 4 };
const OWASP_MINIMUM = { memoryKib: 19456, passes: 2, lanes: 1 };

describe('PasswordHasher', () => {
  it('hashes with argon2id at the configured cost, the default being 64 MiB, 3 passes and 4 lanes', async () => {
    const byDefault = await new PasswordHasher({ passwordHashing: DEFAULT_COST }).hash(
      'a-long-test-password',
    );
    expect(byDefault).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    const cheaper = await new PasswordHasher({ passwordHashing: OWASP_MINIMUM }).hash('a-long-test-password');
    expect(cheaper).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('verifies a hash made at another cost, so the cost can change without a password reset', async () => {
    const before = await new PasswordHasher({ passwordHashing: OWASP_MINIMUM }).hash('correct horse battery');
    const after = new PasswordHasher({ passwordHashing: DEFAULT_COST });
    await expect(after.verify(before, 'correct horse battery')).resolves.toBe(true);
    await expect(after.verify(before, 'correct horse battery!')).resolves.toBe(false);
  });

  it('tells a hash made at another cost from one made at the configured cost', async () => {
    const cheaper = new PasswordHasher({ passwordHashing: OWASP_MINIMUM });
    const byDefault = new PasswordHasher({ passwordHashing: DEFAULT_COST });
    const cheap = await cheaper.hash('correct horse battery');
    expect(cheaper.needsRehash(cheap)).toBe(false);
    expect(byDefault.needsRehash(cheap)).toBe(true);
    expect(cheaper.needsRehash('not-a-hash')).toBe(false);
  });

  it('answers false, never throws, for a stored value that is not an argon2 hash', async () => {
    const hasher = new PasswordHasher({ passwordHashing: OWASP_MINIMUM });
    await expect(hasher.verify('not-a-hash', 'whatever-password')).resolves.toBe(false);
  });

  it('checks an unknown email against a hash of nothing, which no password matches', async () => {
    const hasher = new PasswordHasher({ passwordHashing: OWASP_MINIMUM });
    await expect(hasher.verifyNobody('not-a-real-password-but-costs-the-same')).resolves.toBe(false);
    await expect(hasher.verifyNobody('')).resolves.toBe(false);
  });
});
