import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery, withSessionLock } from '@app/database';
import type { EmailFailed, EmailSent, GuardStatement } from '@app/notifications';
import { ReminderEntity, ReminderStatus } from '../entities/reminder.entity';
import { REMINDER_COLUMNS, reminderFromRow, type ReminderRow } from '../reminder-rows';

/** A reminder whose email was accepted: `sent`, with the Message-ID (markSentValues gives the parameters). */
const MARK_SENT = `SET status = $2, sent_at = $3, message_id = $4, last_error = NULL, attempts = GREATEST(attempts, $5),
                       updated_at = CURRENT_TIMESTAMP
                 WHERE id = $1 AND status IN ($6, $7)`;

function markSentValues(email: EmailSent): unknown[] {
  return [
    email.relatedId,
    ReminderStatus.Sent,
    email.at,
    email.messageId,
    email.attempts,
    ReminderStatus.Sending,
    ReminderStatus.Failed,
  ];
}

/** Where a walk over `scheduled` rows stands: the last row's send_at (microseconds since 1970) and id. */
export interface ScheduledCursor {
  sendAtUs: string;
  id: string;
}

export interface ScheduledRow {
  id: string;
  sendAt: Date;
  /** The cursor that reads the rows after this one. */
  cursor: ScheduledCursor;
}

/**
 * Queries of the reminders table on the sending side: the worker's claim and release, the outbox's outcomes, and
 * the sweep's reads and recoveries. Each method is one statement (runWithSessionLock: the lock and its release).
 */
@Injectable()
export class ReminderSendingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `scheduled -> sending` when due (send_at at or before `now`), counting the attempt; null when another run
   * has it, it is not due, or it no longer exists. A named statement: run for every job.
   */
  async claimDueForSending(id: string, now: Date): Promise<ReminderEntity | null> {
    const rows = await preparedQuery<ReminderRow>(
      this.dataSource,
      `UPDATE reminders
          SET status = $2, claimed_at = $3, attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND status = $4 AND send_at <= $3
        RETURNING ${REMINDER_COLUMNS}`,
      [id, ReminderStatus.Sending, now, ReminderStatus.Scheduled],
    );
    return rows.length > 0 ? reminderFromRow(rows[0]) : null;
  }

  /**
   * The statement that confirms the row is still claimed by the run that claimed it at `claimedAt` (the sweep may
   * have taken it back), clearing its last error: the outbox writes the reminder's email only when it returns a row,
   * in the same statement.
   */
  claimStillHeld(id: string, claimedAt: Date | null): GuardStatement {
    return {
      text: `UPDATE reminders SET last_error = NULL, updated_at = CURRENT_TIMESTAMP
              WHERE id = $1 AND status = $2 AND claimed_at = $3
              RETURNING id`,
      values: [id, ReminderStatus.Sending, claimedAt],
    };
  }

  /** Leaves `sending` for the given state; does nothing if the sweep already recovered the row. */
  async finishSending(id: string, patch: Partial<ReminderEntity>): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ReminderEntity)
      .set(patch)
      .where('id = :id AND status = :sending', { id, sending: ReminderStatus.Sending })
      .execute();
  }

  /** The reminder of an email the SMTP server accepted: `sent`, with its Message-ID (in the outbox's transaction). */
  async markSent(email: EmailSent, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE reminders ${MARK_SENT}`, markSentValues(email));
  }

  /**
   * markSent as the outbox runs it in the statement that marks the email sent: only when that statement's CTE
   * `email` holds the row.
   */
  markSentAfterEmail(email: EmailSent): GuardStatement {
    return {
      text: `UPDATE reminders ${MARK_SENT} AND EXISTS (SELECT 1 FROM email)`,
      values: markSentValues(email),
    };
  }

  /** The reminder of an email the outbox gave up on: `failed`, with the reason (in the outbox's transaction). */
  async markFailed(email: EmailFailed, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE reminders
          SET status = $2, last_error = $3, attempts = GREATEST(attempts, $4), claimed_at = NULL, updated_at = CURRENT_TIMESTAMP
        WHERE id = $1 AND status IN ($5, $6)`,
      [
        email.relatedId,
        ReminderStatus.Failed,
        email.error.slice(0, 2000),
        email.attempts,
        ReminderStatus.Sending,
        ReminderStatus.Failed,
      ],
    );
  }

  /**
   * Runs `work` while holding the session-level advisory lock `key` on a connection of its own, or returns null
   * at once when another session holds it. A process that dies mid-way releases it with its connection.
   */
  runWithSessionLock<T>(key: string, work: () => Promise<T>): Promise<T | null> {
    return withSessionLock(this.dataSource, key, { wait: false }, work);
  }

  /** The first `limit` `scheduled` rows by send time not changed in the last `settleSeconds` (id and sendAt). */
  listSettledScheduled(limit: number, settleSeconds: number): Promise<ReminderEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .select(['r.id', 'r.sendAt'])
      .where('r.status = :status', { status: ReminderStatus.Scheduled })
      .andWhere('r.updatedAt < now() - make_interval(secs => :settle)', { settle: settleSeconds })
      .orderBy('r.sendAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * One batch of `scheduled` rows, keyset on (send_at, id) after `after`. The cursor carries send_at to the
   * microsecond as PostgreSQL stores it: a JavaScript Date keeps milliseconds, and a cursor cut to them would sort
   * before its own row, so a batch of rows sharing one send time would be read again and again.
   */
  async listScheduledAfter(after: ScheduledCursor | null, limit: number): Promise<ScheduledRow[]> {
    // Two statements rather than one with `$3 IS NULL OR ...`: a prepared plan keeps the index range scan.
    const rows = await preparedQuery<{ id: string; send_at: Date; send_at_us: string }>(
      this.dataSource,
      `SELECT id, send_at, (extract(epoch FROM send_at) * 1000000)::bigint::text AS send_at_us
         FROM reminders
        WHERE status = $1${after ? ` AND (send_at, id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)` : ''}
        ORDER BY send_at, id
        LIMIT $2`,
      after ? [ReminderStatus.Scheduled, limit, after.sendAtUs, after.id] : [ReminderStatus.Scheduled, limit],
    );
    return rows.map((r) => ({ id: r.id, sendAt: r.send_at, cursor: { sendAtUs: r.send_at_us, id: r.id } }));
  }

  /**
   * Rows in `sending` claimed before `before` whose email (related as `relation`) is not waiting in the outbox
   * (`open` statuses), oldest claim first.
   */
  listStuckSending(before: Date, relation: string, open: string[], limit: number): Promise<ReminderEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .select(['r.id', 'r.sendAt', 'r.claimedAt'])
      .where('r.status = :status', { status: ReminderStatus.Sending })
      .andWhere('r.claimedAt < :before', { before })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM emails e WHERE e.related_type = :relation AND e.related_id = r.id AND e.status IN (:...open))',
        { relation, open },
      )
      .orderBy('r.claimedAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Settles a stuck row if it is still `sending` under the same claim; returns the rows changed (0 or 1). */
  async settleStuck(
    row: Pick<ReminderEntity, 'id' | 'claimedAt'>,
    patch: Partial<ReminderEntity>,
  ): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ReminderEntity)
      .where('id = :id AND status = :sending AND claimed_at = :claimedAt', {
        id: row.id,
        sending: ReminderStatus.Sending,
        claimedAt: row.claimedAt,
      })
      .set(patch)
      .execute();
    return result.affected ?? 0;
  }
}
