import { createHash } from 'node:crypto';

/** SHA-256 of the content, hex: what records keep to prove a text or a file is the one signed or exported. */
export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
