import * as argon2 from 'argon2';

/**
 * argon2id with the library's defaults: 64 MiB, 3 passes, 4 lanes (about 170 ms of CPU per hash or check),
 * above OWASP's minimum of 19 MiB and 2 passes. A hash carries its own parameters, so they can change without a reset.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-but-costs-the-same');
  return dummyHash;
}
