import { hashManageToken, isWellFormedManageToken, manageUrl, newManageToken } from './manage-token';
import { isUrgent } from './prescreen';

describe('isUrgent', () => {
  const now = new Date('2026-12-01T15:00:00Z'); // 10:00 in Toronto

  it('is urgent when the permit expires within 90 days or has expired', () => {
    expect(isUrgent({ permitExpiresOn: '2027-03-01' }, now, 'America/Toronto')).toBe(true); // day 90
    expect(isUrgent({ permitExpiresOn: '2026-11-01' }, now, 'America/Toronto')).toBe(true);
    expect(isUrgent({ permitExpiresOn: '2027-03-02' }, now, 'America/Toronto')).toBe(false);
  });

  it('is not urgent without an expiry', () => {
    expect(isUrgent(null, now, 'America/Toronto')).toBe(false);
    expect(isUrgent({ hasJobOffer: true, lmia: 'exempt' }, now, 'America/Toronto')).toBe(false);
  });
});

describe('manage tokens', () => {
  it('are 32 random bytes in base64url, stored as a SHA-256 hash', () => {
    const token = newManageToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newManageToken()).not.toBe(token);
    expect(hashManageToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashManageToken(token)).not.toContain(token);
    expect(isWellFormedManageToken(token)).toBe(true);
    expect(isWellFormedManageToken(`${token}x`)).toBe(false);
    expect(isWellFormedManageToken('../../etc/passwd')).toBe(false);
    expect(manageUrl('https://permitdesk.example', token)).toBe(
      `https://permitdesk.example/book/manage/${token}`,
    );
  });
});
