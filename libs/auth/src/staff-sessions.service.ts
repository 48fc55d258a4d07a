import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';
import type { StaffUser } from './staff-role';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The one statement of an authenticated request: the user is active and this session of theirs is neither
// ended nor expired. Its row is already shaped as a StaffUser.
const SIGNED_IN_STAFF = `SELECT u.id, u.email, u.name, u.role, s.id AS "sessionId"
  FROM staff_sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`;
const INSERT_SESSION =
  'INSERT INTO staff_sessions (id, user_id, expires_at, ip_address, user_agent) VALUES ($1, $2, $3, $4, $5)';
const END_SESSION = 'UPDATE staff_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL';
const END_ALL_SESSIONS =
  'UPDATE staff_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL';

/**
 * Staff sessions: a row per sign-in, named by the access token's `sid`. Ending a session (sign-out), or all of a
 * user's (sign-out everywhere, password change or reset, deactivation), makes its tokens fail on the next request.
 */
@Injectable()
export class StaffSessionsService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Records a new session and signs its access token (which expires with it). */
  async start(staff: Pick<StaffUser, 'id' | 'role'>, origin: SessionOrigin = {}): Promise<StartedSession> {
    const sessionId = randomUUID();
    const payload: AccessTokenPayload = { sub: staff.id, sid: sessionId, role: staff.role };
    const accessToken = this.jwt.sign(payload);
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    const expiresAt = new Date(exp * 1000);
    await preparedQuery(this.dataSource, INSERT_SESSION, [
      sessionId,
      staff.id,
      expiresAt,
      origin.ipAddress ?? null,
      origin.userAgent?.slice(0, 500) ?? null,
    ]);
    return { accessToken, sessionId, expiresAt };
  }

  /** The staff member signed in with this session, if the user is active and the session still open. */
  async findSignedIn(userId: unknown, sessionId: unknown): Promise<StaffUser | null> {
    if (
      typeof userId !== 'string' ||
      typeof sessionId !== 'string' ||
      !UUID.test(userId) ||
      !UUID.test(sessionId)
    ) {
      return null;
    }
    const rows = await preparedQuery<StaffUser>(this.dataSource, SIGNED_IN_STAFF, [sessionId, userId]);
    return rows.length > 0 ? rows[0] : null;
  }

  async end(sessionId: string): Promise<void> {
    await preparedQuery(this.dataSource, END_SESSION, [sessionId]);
  }

  /** Ends every open session of the user; pass the manager of a running transaction to end them within it. */
  async endAllOf(userId: string, manager?: EntityManager): Promise<void> {
    if (manager) {
      await manager.query(END_ALL_SESSIONS, [userId]);
    } else {
      await preparedQuery(this.dataSource, END_ALL_SESSIONS, [userId]);
    }
  }
}
