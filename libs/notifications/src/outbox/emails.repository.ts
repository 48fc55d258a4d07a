import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { preparedQuery } from '@app/database';
import { encryptedColumnOf, type EncryptedColumn } from '@app/shared';
import { EmailEntity, EmailStatus } from '../entities/email.entity';
import type { ClaimedEmailRow, GuardStatement, NewEmailRow } from './email-rows';

/** What delivery needs of a claimed row (ClaimedEmailRow). */
const CLAIMED_COLUMNS =
  'id, "to", subject, text, html, ical_event, secret, message_id, related_type, related_id, attempts';

/** What insertPending writes of a row, in the order of its INSERT's columns. */
const PENDING_COLUMNS = [
  'id',
  'kind',
  'to',
  'subject',
  'text',
  'html',
  'icalEvent',
  'relatedType',
  'relatedId',
  'status',
  'secret',
  'messageId',
] as const satisfies readonly (keyof NewEmailRow)[];

/** One page of the outbox, newest first; `after` from the caller's cursor. */
export interface EmailSearch {
  kind?: string;
  status?: EmailStatus;
  to?: string;
  /** The (created_at, id) of the last email seen. */
  after?: readonly [string, string];
  /** Rows to read (the page size plus one). */
  limit: number;
}

/**
 * Queries of the outbox (the emails table), each one statement: writing and reading emails, the sender's claim
 * and outcomes, the sweep's reads and take-backs. `manager` runs a statement in the caller's transaction.
 */
@Injectable()
export class EmailsRepository {
  constructor(@InjectRepository(EmailEntity) private readonly emails: Repository<EmailEntity>) {}

  /** The outbox's encrypted secrets (links and tokens), for key rotation. */
  encryptedSecrets(): EncryptedColumn {
    return encryptedColumnOf(this.emails, 'secret');
  }

  /** Writes `pending` rows in one statement; returns each one's creation time by id. */
  async insertPending(rows: NewEmailRow[], manager: EntityManager): Promise<Map<string, Date>> {
    const inserted = await manager.query<{ id: string; created_at: Date }[]>(
      `INSERT INTO emails (id, kind, "to", subject, text, html, ical_event, related_type, related_id, status, secret, message_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::uuid[], $10::email_status[], $11::text[], $12::text[])
       RETURNING id, created_at`,
      PENDING_COLUMNS.map((column) => rows.map((row) => row[column])),
    );
    return new Map(inserted.map((row) => [row.id, row.created_at]));
  }

  /**
   * In one statement: runs `guard` and, only when it returns a row, writes the email already claimed for delivery
   * by the caller (`sending`, attempt 1, not taken back before `ackUntil`); returns it as the claim would, or null.
   * A named statement per guard: run for every reminder.
   */
  async insertClaimedIf(
    guard: GuardStatement,
    row: NewEmailRow,
    claim: { now: Date; ackUntil: Date },
  ): Promise<ClaimedEmailRow | null> {
    const at = (n: number) => `$${guard.values.length + n}`;
    const rows = await preparedQuery<ClaimedEmailRow>(
      this.emails.manager.connection,
      `WITH guard AS (${guard.text})
       INSERT INTO emails (id, kind, "to", subject, text, html, ical_event, related_type, related_id, secret, message_id,
                           status, attempts, claimed_at, next_attempt_at)
       SELECT ${at(1)}::uuid, ${at(2)}::text, ${at(3)}::text, ${at(4)}::text, ${at(5)}::text, ${at(6)}::text,
              ${at(7)}::text, ${at(8)}::text, ${at(9)}::uuid, ${at(10)}::text, ${at(11)}::text,
              ${at(12)}::email_status, 1, ${at(13)}::timestamptz, ${at(14)}::timestamptz
         FROM guard LIMIT 1
       RETURNING ${CLAIMED_COLUMNS}`,
      [
        ...guard.values,
        row.id,
        row.kind,
        row.to,
        row.subject,
        row.text,
        row.html,
        row.icalEvent,
        row.relatedType,
        row.relatedId,
        row.secret,
        row.messageId,
        EmailStatus.Sending,
        claim.now,
        claim.ackUntil,
      ],
    );
    return rows[0] ?? null;
  }

  findById(id: string): Promise<EmailEntity | null> {
    return this.emails.findOneBy({ id });
  }

  requireById(id: string): Promise<EmailEntity> {
    return this.emails.findOneByOrFail({ id });
  }

  /** A `failed` email back to `pending` with fresh attempts; false when it was not `failed`. */
  async requeueFailed(id: string, manager: EntityManager = this.emails.manager): Promise<boolean> {
    const [, updated] = await manager.query<[unknown, number]>(
      'UPDATE emails SET status = $2, attempts = 0, next_attempt_at = NULL WHERE id = $1 AND status = $3',
      [id, EmailStatus.Pending, EmailStatus.Failed],
    );
    return updated > 0;
  }

  /** Keyset by (createdAt, id) descending, one query per page. */
  search(search: EmailSearch): Promise<EmailEntity[]> {
    const qb = this.emails
      .createQueryBuilder('e')
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(search.limit);
    if (search.kind) {
      qb.andWhere('e.kind = :kind', { kind: search.kind });
    }
    if (search.status) {
      qb.andWhere('e.status = :status', { status: search.status });
    }
    if (search.to) {
      qb.andWhere('e.to = :to', { to: search.to });
    }
    if (search.after) {
      qb.andWhere('(e.createdAt, e.id) < (:at, :id)', { at: search.after[0], id: search.after[1] });
    }
    return qb.getMany();
  }

  /** The rows of these related records, whatever their state, newest first. */
  async findByRelated(relatedType: string, relatedIds: string[]): Promise<EmailEntity[]> {
    if (relatedIds.length === 0) {
      return [];
    }
    return this.emails
      .createQueryBuilder('e')
      .where('e.relatedType = :relatedType', { relatedType })
      .andWhere('e.relatedId IN (:...relatedIds)', { relatedIds })
      .orderBy('e.createdAt', 'DESC')
      .getMany();
  }

  /**
   * `pending -> sending`, counting the attempt, claimed at `now` and not taken back before `ackUntil`; null when
   * it is not `pending`. A named statement: run for every delivery.
   */
  async claimForSending(id: string, now: Date, ackUntil: Date): Promise<ClaimedEmailRow | null> {
    const rows = await preparedQuery<ClaimedEmailRow>(
      this.emails.manager.connection,
      `UPDATE emails
          SET status = $2, attempts = attempts + 1, claimed_at = $3, next_attempt_at = $4
        WHERE id = $1 AND status = $5
        RETURNING ${CLAIMED_COLUMNS}`,
      [id, EmailStatus.Sending, now, ackUntil, EmailStatus.Pending],
    );
    return rows[0] ?? null;
  }

  /** A `sending` row accepted by SMTP (`sent`, or `logged`), its secret dropped; false when not `sending`. */
  async markSent(
    id: string,
    status: EmailStatus,
    messageId: string,
    at: Date,
    manager: EntityManager,
  ): Promise<boolean> {
    const [, updated] = await manager.query<[unknown, number]>(
      `UPDATE emails SET status = $2, message_id = $3, sent_at = $4, error = NULL, secret = NULL, next_attempt_at = NULL
              WHERE id = $1 AND status = $5`,
      [id, status, messageId, at, EmailStatus.Sending],
    );
    return !!updated;
  }

  /**
   * markSent and the feature's `then` statement (which reads the CTE `email`, the row marked sent) in one
   * statement: both or neither. False when the row was not `sending`.
   */
  async markSentThen(
    id: string,
    status: EmailStatus,
    messageId: string,
    at: Date,
    then: GuardStatement,
  ): Promise<boolean> {
    const param = (n: number) => `$${then.values.length + n}`;
    const rows = await preparedQuery<{ updated: number }>(
      this.emails.manager.connection,
      `WITH email AS (
         UPDATE emails SET status = ${param(2)}, message_id = ${param(3)}, sent_at = ${param(4)}, error = NULL, secret = NULL,
                next_attempt_at = NULL
          WHERE id = ${param(1)} AND status = ${param(5)}
          RETURNING id
       ), feature AS (${then.text})
       SELECT count(*)::int AS updated FROM email`,
      [...then.values, id, status, messageId, at, EmailStatus.Sending],
    );
    return rows[0].updated > 0;
  }

  /** A failed attempt of a `sending` row: its next state, error and next try; false when not `sending`. */
  async recordAttempt(
    id: string,
    patch: { status: EmailStatus; error: string; nextAttemptAt: Date | null },
    manager: EntityManager,
  ): Promise<boolean> {
    const [, updated] = await manager.query<[unknown, number]>(
      'UPDATE emails SET status = $2, error = $3, next_attempt_at = $4 WHERE id = $1 AND status = $5',
      [id, patch.status, patch.error, patch.nextAttemptAt, EmailStatus.Sending],
    );
    return !!updated;
  }

  /** The first `sample` `pending` rows written before `before`, oldest first. */
  listPendingWrittenBefore(before: Date, sample: number): Promise<{ id: string; created_at: Date }[]> {
    return this.emails.manager.query(
      `SELECT id, created_at FROM emails
        WHERE status = $1 AND created_at < $2
        ORDER BY created_at, id LIMIT ${Number(sample)}`,
      [EmailStatus.Pending, before],
    );
  }

  /** `sending` rows whose acknowledgement window has passed at `now`, oldest window first. */
  listSendingPastWindow(now: Date, limit: number): Promise<{ id: string; claimed_at: Date }[]> {
    return this.emails.manager.query(
      `SELECT id, claimed_at FROM emails WHERE status = $1 AND next_attempt_at <= $2 ORDER BY next_attempt_at LIMIT ${limit}`,
      [EmailStatus.Sending, now],
    );
  }

  /** A `sending` row still under the same claim back to `pending`, the reason appended; false otherwise. */
  async takeBackSending(row: { id: string; claimed_at: Date }): Promise<boolean> {
    const [, affected] = await this.emails.manager.query<[unknown, number]>(
      `UPDATE emails SET status = $2, next_attempt_at = NULL,
                error = COALESCE(error || ' / ', '') || 'sending again after the acknowledgement window'
          WHERE id = $1 AND status = $3 AND claimed_at = $4`,
      [row.id, EmailStatus.Pending, EmailStatus.Sending, row.claimed_at],
    );
    return !!affected;
  }

  /** One batch of `pending` rows, keyset on (created_at, id) after `after`. */
  listPendingAfter(
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<{ id: string; created_at: Date; next_attempt_at: Date | null }[]> {
    return this.emails.manager.query(
      `SELECT id, created_at, next_attempt_at FROM emails
          WHERE status = $1 ${after ? 'AND (created_at, id) > ($2, $3)' : ''}
          ORDER BY created_at, id LIMIT ${limit}`,
      after ? [EmailStatus.Pending, after.createdAt, after.id] : [EmailStatus.Pending],
    );
  }
}
