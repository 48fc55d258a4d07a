import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the client's manage link carries. Never stored; only its hash is. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, hex: what the database keeps and looks tokens up by. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token this system could have issued: exactly 43 base64url characters (32 bytes). */
export function isWellFormedManageToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function manageUrl(appUrl: string, token: string): string {
  return `${appUrl}/book/manage/${token}`;
}
