import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';

/** A client who may sign in to the portal: active, invited, with an email. */
export interface PortalSignInClient {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
}

export interface PortalAccountStatus {
  invitedAt: Date;
  lastSignInAt: Date | null;
}

/** Why a link cannot be used, read after the consuming UPDATE matched nothing. */
export interface LinkState {
  usedAt: Date | null;
  voidedAt: Date | null;
  expiresAt: Date;
}

interface SignInClientRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  preferred_language: 'en' | 'fr';
}

const signInClientFromRow = (row: SignInClientRow): PortalSignInClient => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  preferredLanguage: row.preferred_language,
});

// The one statement of an authenticated portal request: the session is open (not ended, seen recently enough,
// started recently enough) and its client active; it is marked seen now. Cut-offs come from the caller's clock.
const TOUCH_SESSION = `UPDATE portal_sessions s SET last_seen_at = $2
  FROM clients c
  WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.last_seen_at > $3 AND s.created_at > $4
    AND c.id = s.client_id AND c.archived_at IS NULL
  RETURNING s.id, s.client_id`;

/**
 * Every statement of the portal's own tables (accounts, sign-in links, sessions). Each takes the client id it acts
 * for, or a token hash that names one row; the client's active state is read here, joined, only to refuse
 * archived clients.
 */
@Injectable()
export class PortalAuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the client's portal account, or marks it invited again, by whom and when. */
  async upsertInvited(
    clientId: string,
    invitedById: string,
    at: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO portal_accounts (client_id, invited_at, invited_by_id) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET invited_at = EXCLUDED.invited_at, invited_by_id = EXCLUDED.invited_by_id`,
      [clientId, at, invitedById],
    );
  }

  async findStatus(clientId: string, manager?: EntityManager): Promise<PortalAccountStatus | null> {
    const rows: { invited_at: Date; last_sign_in_at: Date | null }[] = await (
      manager ?? this.dataSource.manager
    ).query('SELECT invited_at, last_sign_in_at FROM portal_accounts WHERE client_id = $1', [clientId]);
    return rows.length > 0 ? { invitedAt: rows[0].invited_at, lastSignInAt: rows[0].last_sign_in_at } : null;
  }

  /** The active, invited client with this email, if any (the email compared as the clients table does: citext). */
  async findSignInClientByEmail(email: string): Promise<PortalSignInClient | null> {
    const rows = await preparedQuery<SignInClientRow>(
      this.dataSource,
      `SELECT c.id, c.first_name, c.last_name, c.email, c.preferred_language
       FROM clients c JOIN portal_accounts a ON a.client_id = c.id
       WHERE c.email = $1::citext AND c.archived_at IS NULL`,
      [email],
    );
    return rows.length > 0 ? signInClientFromRow(rows[0]) : null;
  }

  /**
   * The client's account row locked for the caller's transaction, with the client if still active and invited:
   * link requests for one client run one after another, so voiding older links and adding one cannot interleave.
   */
  async lockSignInClient(clientId: string, manager: EntityManager): Promise<PortalSignInClient | null> {
    const rows: SignInClientRow[] = await manager.query(
      `SELECT c.id, c.first_name, c.last_name, c.email, c.preferred_language
       FROM portal_accounts a JOIN clients c ON c.id = a.client_id
       WHERE a.client_id = $1 AND c.archived_at IS NULL AND c.email IS NOT NULL
       FOR UPDATE OF a`,
      [clientId],
    );
    return rows.length > 0 ? signInClientFromRow(rows[0]) : null;
  }

  /** Voids the client's links not yet used, so that only the next one works. */
  async voidOpenLinks(clientId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE portal_sign_in_links SET voided_at = $2 WHERE client_id = $1 AND used_at IS NULL AND voided_at IS NULL',
      [clientId, at],
    );
  }

  async insertLink(
    link: { id: string; clientId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO portal_sign_in_links (id, client_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [link.id, link.clientId, link.tokenHash, link.createdAt, link.expiresAt],
    );
  }

  /**
   * Uses the link: only one caller can (a conditional UPDATE), only while it is unused, not voided and not expired
   * at `now`, and only for an active client. The client's id, or null.
   */
  async consumeLink(tokenHash: string, now: Date, manager: EntityManager): Promise<string | null> {
    const [rows] = await manager.query<[{ client_id: string }[], number]>(
      `UPDATE portal_sign_in_links l SET used_at = $2
       FROM clients c
       WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.voided_at IS NULL AND l.expires_at > $2
         AND c.id = l.client_id AND c.archived_at IS NULL
       RETURNING l.client_id`,
      [tokenHash, now],
    );
    return rows.length > 0 ? rows[0].client_id : null;
  }

  async findLinkState(tokenHash: string, manager: EntityManager): Promise<LinkState | null> {
    const rows: { used_at: Date | null; voided_at: Date | null; expires_at: Date }[] = await manager.query(
      'SELECT used_at, voided_at, expires_at FROM portal_sign_in_links WHERE token_hash = $1',
      [tokenHash],
    );
    return rows.length > 0
      ? { usedAt: rows[0].used_at, voidedAt: rows[0].voided_at, expiresAt: rows[0].expires_at }
      : null;
  }

  async recordSignIn(clientId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE portal_accounts SET last_sign_in_at = $2 WHERE client_id = $1', [
      clientId,
      at,
    ]);
  }

  async insertSession(
    session: {
      id: string;
      clientId: string;
      tokenHash: string;
      at: Date;
      ipAddress: string | null;
      userAgent: string | null;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO portal_sessions (id, client_id, token_hash, created_at, last_seen_at, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [session.id, session.clientId, session.tokenHash, session.at, session.ipAddress, session.userAgent],
    );
  }

  /** The open session with this token hash, marked seen at `now`; null when there is none or it has ended. */
  async touchOpenSession(
    tokenHash: string,
    now: Date,
    cutoffs: { seenAfter: Date; startedAfter: Date },
  ): Promise<{ sessionId: string; clientId: string } | null> {
    const rows = await preparedQuery<{ id: string; client_id: string }>(this.dataSource, TOUCH_SESSION, [
      tokenHash,
      now,
      cutoffs.seenAfter,
      cutoffs.startedAfter,
    ]);
    return rows.length > 0 ? { sessionId: rows[0].id, clientId: rows[0].client_id } : null;
  }

  /** Ends the client's session; false when it had already ended. */
  async endSession(sessionId: string, clientId: string, at: Date, manager: EntityManager): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE portal_sessions SET ended_at = $3 WHERE id = $1 AND client_id = $2 AND ended_at IS NULL RETURNING id`,
      [sessionId, clientId, at],
    );
    return count > 0;
  }
}
