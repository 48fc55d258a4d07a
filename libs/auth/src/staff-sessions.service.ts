import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { isUuid } from '@app/shared';
import type { StaffUser } from './staff-role';
import { StaffSessionsRepository } from './staff-sessions.repository';

export interface SessionOrigin {
  ipAddress?: string | null;
  userAgent?: string | null;
}

export interface StartedSession {
  accessToken: string;
  sessionId: string;
  expiresAt: Date;
}

/** What an access token carries. */
export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: string;
}

/**
 * Staff sessions: a row per sign-in, named by the access token's `sid`. Ending a session (sign-out), or all of a
 * user's (sign-out everywhere, password change or reset, deactivation), makes its tokens fail on the next request.
 */
@Injectable()
export class StaffSessionsService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: StaffSessionsRepository,
  ) {}

  /** Records a new session and signs its access token (which expires with it). */
  async start(staff: Pick<StaffUser, 'id' | 'role'>, origin: SessionOrigin = {}): Promise<StartedSession> {
    const sessionId = randomUUID();
    const payload: AccessTokenPayload = { sub: staff.id, sid: sessionId, role: staff.role };
    const accessToken = this.jwt.sign(payload);
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    const expiresAt = new Date(exp * 1000);
    await this.sessions.insert({
      id: sessionId,
      userId: staff.id,
      expiresAt,
      ipAddress: origin.ipAddress ?? null,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    });
    return { accessToken, sessionId, expiresAt };
  }

  /** The staff member signed in with this session, if the user is active and the session still open. */
  async findSignedIn(userId: unknown, sessionId: unknown): Promise<StaffUser | null> {
    if (!isUuid(userId) || !isUuid(sessionId)) {
      return null;
    }
    return this.sessions.findSignedIn(userId, sessionId);
  }

  end(sessionId: string): Promise<void> {
    return this.sessions.end(sessionId);
  }

  /** Ends every open session of the user; pass the manager of a running transaction to end them within it. */
  endAllOf(userId: string, manager?: EntityManager): Promise<void> {
    return this.sessions.endAllOf(userId, manager);
  }
}
