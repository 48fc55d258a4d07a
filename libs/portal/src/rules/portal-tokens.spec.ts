import {
  hashPortalToken,
  isWellFormedPortalToken,
  newPortalToken,
  sessionCutoffs,
  signInUrl,
} from './portal-tokens';

describe('portal tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const token = newPortalToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newPortalToken()).not.toBe(token);
    expect(hashPortalToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPortalToken(token)).not.toContain(token);
  });

  it('refuses anything this system could not have issued', () => {
    expect(isWellFormedPortalToken(newPortalToken())).toBe(true);
    expect(isWellFormedPortalToken('short')).toBe(false);
    expect(isWellFormedPortalToken(`${'a'.repeat(42)}=`)).toBe(false);
    expect(isWellFormedPortalToken(42)).toBe(false);
  });

  it('links to the portal’s sign-in page', () => {
    expect(signInUrl('https://firm.example', 'abc')).toBe('https://firm.example/portal/sign-in?token=abc');
  });

  it('ends sessions after the idle time and the maximum age', () => {
    const now = new Date('2027-03-03T15:00:00Z');
    expect(sessionCutoffs(now, { idleMs: 30 * 60_000, sessionMs: 12 * 3_600_000 })).toEqual({
      seenAfter: new Date('2027-03-03T14:30:00Z'),
      startedAfter: new Date('2027-03-03T03:00:00Z'),
    });
  });
});
