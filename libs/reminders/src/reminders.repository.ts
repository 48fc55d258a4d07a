import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReminderEntity, ReminderStatus } from './entities/reminder.entity';
import type { PlanDiff } from './rules/plan-diff';

/** A reminder subject as rows key it. */
export interface ReminderSubjectKey {
  type: string;
  id: string;
}

/** A row written or moved by a plan: its id and when it is to be sent. */
export interface PlannedSendAt {
  id: string;
  send_at: Date;
}

/** One page of reminders, by send time then id; instants already resolved from days. */
/** Names beside a reminder row (see describe). */
export interface ReminderDescription {
  id: string;
  recipientName: string | null;
  recipientEmail: string;
  recipientClientName: string | null;
  about: string | null;
  deadlineKind: string | null;
}

export interface ReminderSearch {
  status?: ReminderStatus;
  from?: Date;
  to?: Date;
  subjectType?: string;
  subjectId?: string;
  recipient?: string;
  /** The (sendAt, id) the page starts after, from a checked cursor. */
  after?: [string, string];
  /** Rows to read (the page size plus one, to know whether there is a next page). */
  limit: number;
}

/**
 * Queries of the reminders table for planning and for staff (reading, retrying); the worker's claims and the
 * sweep are in sending/reminder-sending.repository.ts. `manager` runs a statement in the caller's transaction.
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reminder rows of these subjects (any status), locked for the caller's transaction. */
  async lockRowsOf(subjects: ReminderSubjectKey[], manager: EntityManager): Promise<ReminderEntity[]> {
    if (subjects.length === 0) {
      return [];
    }
    return manager
      .createQueryBuilder(ReminderEntity, 'r')
      .where(
        '(r.subjectType, r.subjectId) IN (SELECT s.type, s.id FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])) AS s(type, id))',
        { types: subjects.map((s) => s.type), ids: subjects.map((s) => s.id) },
      )
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Inserts planned rows as `scheduled` (those already there are left alone); returns the ones inserted. */
  insertScheduled(rows: PlanDiff['insert'], manager: EntityManager): Promise<PlannedSendAt[]> {
    return manager.query(
      `INSERT INTO reminders (subject_type, subject_id, offset_key, recipient, send_at)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         ON CONFLICT (subject_type, subject_id, offset_key, recipient) DO NOTHING
         RETURNING id, send_at`,
      [
        rows.map((r) => r.subjectType),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.offsetKey),
        rows.map((r) => r.recipient),
        rows.map((r) => r.sendAt.toISOString()),
      ],
    );
  }

  /**
   * Moves `scheduled` rows to a new send time and re-arms `cancelled` ones (attempts and error cleared); returns
   * the rows changed.
   */
  async reschedule(
    updates: { id: string; sendAt: Date }[],
    manager: EntityManager,
  ): Promise<PlannedSendAt[]> {
    const [rows]: [PlannedSendAt[], number] = await manager.query(
      `UPDATE reminders r
            SET send_at = v.send_at,
                status = 'scheduled',
                attempts = CASE WHEN r.status = 'cancelled' THEN 0 ELSE r.attempts END,
                last_error = CASE WHEN r.status = 'cancelled' THEN NULL ELSE r.last_error END,
                updated_at = now()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, send_at)
          WHERE r.id = v.id AND r.status IN ('scheduled', 'cancelled')
          RETURNING r.id, r.send_at`,
      [updates.map((u) => u.id), updates.map((u) => u.sendAt.toISOString())],
    );
    return rows;
  }

  /** Cancels those of the rows still `scheduled`; returns their ids. */
  async cancelScheduled(ids: string[], manager: EntityManager): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE reminders SET status = $2, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'scheduled'
          RETURNING id`,
      [ids, ReminderStatus.Cancelled],
    );
    return rows.map((r) => r.id);
  }

  /** Keyset by (sendAt, id), one query per page (index on status/recipient + send_at). */
  search(search: ReminderSearch): Promise<ReminderEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .orderBy('r.sendAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(search.limit);
    if (search.status) {
      qb.andWhere('r.status = :status', { status: search.status });
    }
    if (search.from) {
      qb.andWhere('r.sendAt >= :from', { from: search.from });
    }
    if (search.to) {
      qb.andWhere('r.sendAt < :to', { to: search.to });
    }
    if (search.subjectType) {
      qb.andWhere('r.subjectType = :subjectType', { subjectType: search.subjectType });
    }
    if (search.subjectId) {
      qb.andWhere('r.subjectId = :subjectId', { subjectId: search.subjectId });
    }
    if (search.recipient !== undefined) {
      qb.andWhere('r.recipient = :recipient', { recipient: search.recipient });
    }
    if (search.after) {
      qb.andWhere('(r.sendAt, r.id) > (:afterAt, :afterId)', {
        afterAt: search.after[0],
        afterId: search.after[1],
      });
    }
    return qb.getMany();
  }

  /**
   * What staff lists show beside a page of reminders, in one query for the page: the recipient's name and email
   * (staff by id; a client's email address as it is), and what the reminder is about (the deadline's title and
   * kind, the consultation's client, the digest's consultant). A read model: those tables are joined for names only.
   */
  async describe(ids: string[]): Promise<ReminderDescription[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows: ReminderDescription[] = await this.dataSource.manager.query(
      `SELECT r.id, ru.name AS "recipientName", COALESCE(ru.email::text, rc.email::text, r.recipient) AS "recipientEmail",
  rc.first_name || ' ' || rc.last_name AS "recipientClientName",
  COALESCE(d.title, cc.first_name || ' ' || cc.last_name, du.name) AS "about", d.kind::text AS "deadlineKind"
FROM reminders r
LEFT JOIN users ru ON ru.id::text = r.recipient
LEFT JOIN LATERAL (
  SELECT c.first_name, c.last_name, c.email FROM clients c
  WHERE ru.id IS NULL AND c.email = r.recipient AND c.archived_at IS NULL LIMIT 1
) rc ON true
LEFT JOIN deadlines d ON r.subject_type = 'deadline' AND d.id = r.subject_id
LEFT JOIN consultations c ON r.subject_type = 'consultation' AND c.id = r.subject_id
LEFT JOIN clients cc ON cc.id = c.client_id
LEFT JOIN users du ON r.subject_type = 'deadline_digest' AND du.id = r.subject_id
WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }

  findById(id: string): Promise<ReminderEntity | null> {
    return this.dataSource.manager.findOneBy(ReminderEntity, { id });
  }

  /** The row, locked for the rest of the caller's transaction. */
  lockById(id: string, manager: EntityManager): Promise<ReminderEntity | null> {
    return manager.findOne(ReminderEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** A retried reminder whose email the outbox sends again: `sending` until the outbox knows how it ended. */
  async markSending(id: string, claimedAt: Date, manager: EntityManager): Promise<void> {
    await manager.update(ReminderEntity, { id }, { status: ReminderStatus.Sending, claimedAt });
  }

  /** A retried reminder that is rendered again: back to `scheduled`, unclaimed. */
  async markScheduled(id: string, manager: EntityManager): Promise<void> {
    await manager.update(ReminderEntity, { id }, { status: ReminderStatus.Scheduled, claimedAt: null });
  }

  /** The row the caller knows exists (it holds its lock). */
  requireById(id: string, manager: EntityManager): Promise<ReminderEntity> {
    return manager.findOneByOrFail(ReminderEntity, { id });
  }
}
