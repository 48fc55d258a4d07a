import { accountLockoutMs } from './login-backoff';

describe('accountLockoutMs', () => {
  const policy = { threshold: 5, baseSeconds: 30, maxSeconds: 900 };

  it('holds nothing before the threshold', () => {
    expect([1, 2, 3, 4].map((n) => accountLockoutMs(n, policy))).toEqual([0, 0, 0, 0]);
  });

  it('doubles from the base at each further failure, up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => accountLockoutMs(n, policy) / 1000)).toEqual([
      30, 60, 120, 240, 480, 900, 900,
    ]);
    expect(accountLockoutMs(10_000, policy)).toBe(900_000);
  });
});
