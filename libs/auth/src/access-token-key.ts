import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The HS256 key of the access tokens, the secret's UTF-8 bytes. Given a string, jsonwebtoken would import it
 * again on every sign and verify (after first failing to read it as a PEM key); a KeyObject is used as is.
 */
export function accessTokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
