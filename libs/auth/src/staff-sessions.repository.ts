import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';
import type { StaffUser } from './staff-role';

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

export interface NewStaffSession {
  id: string;
  userId: string;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

/** Every query of the `staff_sessions` table, as named (prepared) statements. */
@Injectable()
export class StaffSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: NewStaffSession): Promise<void> {
    await preparedQuery(this.dataSource, INSERT_SESSION, [
      session.id,
      session.userId,
      session.expiresAt,
      session.ipAddress,
      session.userAgent,
    ]);
  }

  /** The active user signed in with this open session, shaped as a StaffUser. */
  async findSignedIn(userId: string, sessionId: string): Promise<StaffUser | null> {
    const rows = await preparedQuery<StaffUser>(this.dataSource, SIGNED_IN_STAFF, [sessionId, userId]);
    return rows.length > 0 ? rows[0] : null;
  }

  async end(sessionId: string): Promise<void> {
    await preparedQuery(this.dataSource, END_SESSION, [sessionId]);
  }

  /** Ends every open session of the user; within the caller's transaction when given its manager. */
  async endAllOf(userId: string, manager?: EntityManager): Promise<void> {
    if (manager) {
      await manager.query(END_ALL_SESSIONS, [userId]);
    } else {
      await preparedQuery(this.dataSource, END_ALL_SESSIONS, [userId]);
    }
  }
}
