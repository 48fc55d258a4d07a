/** How failed sign-ins hold an account: after `threshold` failures in a row, wait base, 2×base, 4×base... up to max. */
export interface LoginBackoffPolicy {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * How long (ms) an account is held after its `failures`-th failed sign-in in a row, from any address; 0 before the
 * threshold. Capped, so that someone failing on purpose can delay the real user by at most `maxSeconds` at a
 * time, and an address the user signed in from before is not held at all (see LoginAttempts in apps/api).
 */
export function accountLockoutMs(failures: number, policy: LoginBackoffPolicy): number {
  if (failures < policy.threshold) {
    return 0;
  }
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds) * 1000;
}
