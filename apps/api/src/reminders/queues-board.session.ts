import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock } from '@app/shared';

export const QUEUES_BOARD_PATH = '/admin/queues';
export const QUEUES_SESSION_COOKIE = 'pd_queues';
/** How long a browser session on the queue board lasts. */
export const QUEUES_SESSION_TTL_SECONDS = 3600;

export interface QueuesBoardSession {
  userId: string;
  sessionId: string;
}

/**
 * Short-lived proofs that an admin opened the queue board in a browser: `<userId>.<sessionId>.<expiry>.<hmac>`,
 * HMAC-SHA256 with a key derived from JWT_SECRET for this purpose only (an access token is not accepted as a
 * cookie, and this value is not accepted as an access token). The staff session it was opened from is
 * re-checked on every request (active admin, session not ended), so signing out closes the board too.
 */
@Injectable()
export class QueuesBoardSessions {
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, '', 'permitdesk queues board session', 32));
  }

  issue(userId: string, sessionId: string): { value: string; expiresAt: Date } {
    const expiresAt = new Date(this.clock.now().getTime() + QUEUES_SESSION_TTL_SECONDS * 1000);
    const body = `${userId}.${sessionId}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return { value: `${body}.${this.sign(body)}`, expiresAt };
  }

  /** The user and staff session the value was issued to, or null when it is forged, malformed or expired. */
  verify(value: string | undefined): QueuesBoardSession | null {
    const parts = value?.split('.') ?? [];
    if (parts.length !== 4) {
      return null;
    }
    const [userId, sessionId, expiry, signature] = parts;
    const expected = Buffer.from(this.sign(`${userId}.${sessionId}.${expiry}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return null;
    }
    return Number(expiry) * 1000 > this.clock.now().getTime() ? { userId, sessionId } : null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** Longer than any value `issue` writes; a longer cookie is not ours and is not decoded. */
const MAX_COOKIE_VALUE = 512;

/**
 * The value of one cookie in a Cookie header; undefined when absent, too long or not valid percent-encoding
 * (a malformed cookie is no session, never an error).
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const raw = part.slice(index + 1).trim();
      if (raw.length > MAX_COOKIE_VALUE) {
        return undefined;
      }
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
