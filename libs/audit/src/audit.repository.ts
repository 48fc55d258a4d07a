import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import type { TimelineRow } from './timeline-rows';

/** An event as it is appended: every column but the id, seq and time the table gives it. */
export type NewAuditEvent = Omit<AuditEventEntity, 'id' | 'seq' | 'occurredAt'>;

/** Whose timeline: a case file's or a client's. */
export type TimelineSubject = { fileId: string } | { clientId: string };

/** Every query of the append-only `audit_events` table. */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Appends an event; with the caller's manager, in the caller's transaction. */
  async insert(event: NewAuditEvent, manager?: EntityManager): Promise<void> {
    // One INSERT, its id, seq and time from the column defaults: every write of the product records an event, and
    // TypeORM's save (entity persistence, change detection, subscribers) cost more than the statement.
    await (manager ?? this.events.manager).query(
      `INSERT INTO audit_events (actor_id, actor_client_id, action, subject_type, subject_id, file_id, client_id,
                                 ip_address, user_agent, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
      [
        event.actorId,
        event.actorClientId,
        event.action,
        event.subjectType,
        event.subjectId,
        event.fileId,
        event.clientId,
        event.ipAddress,
        event.userAgent,
        JSON.stringify(event.changes),
      ],
    );
  }

  /**
   * Newest first (by seq), from before `afterSeq`; one row more than the limit tells of a next page. One query: the
   * actor's name is joined, and so are the names of the ids the changes hold (any `...Id` field, before or after):
   * staff, clients, consultation types and files (by number). A read model: joining those tables only to show names.
   */
  async timeline(
    subject: TimelineSubject,
    limit: number,
    afterSeq?: string | number,
  ): Promise<TimelineRow[]> {
    const column = 'fileId' in subject ? 'e.file_id' : 'e.client_id';
    const id = 'fileId' in subject ? subject.fileId : subject.clientId;
    const rows: TimelineRow[] = await this.events.manager.query(
      `${TIMELINE_SELECT}
WHERE ${column} = $1 AND ($2::bigint IS NULL OR e.seq < $2::bigint)
ORDER BY e.seq DESC
LIMIT $3`,
      [id, afterSeq ?? null, limit + 1],
    );
    return rows;
  }
}

/** Uuid-shaped text, as ids are written into `changes`. */
const UUID_TEXT = "'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'";

const TIMELINE_SELECT = `SELECT e.id, e.seq, e.occurred_at, e.actor_id, e.actor_client_id,
  COALESCE(actor.name, actor_client.first_name || ' ' || actor_client.last_name) AS actor_name, e.action, e.subject_type,
  e.subject_id, e.file_id, e.client_id, e.changes, refs.names
FROM audit_events e
LEFT JOIN users actor ON actor.id = e.actor_id
LEFT JOIN clients actor_client ON actor_client.id = e.actor_client_id
LEFT JOIN LATERAL (
  WITH ids AS (
    SELECT DISTINCT v.value::uuid AS id
    FROM jsonb_each(e.changes) AS ch(key, value)
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE jsonb_typeof(ch.value) WHEN 'array' THEN ch.value ELSE jsonb_build_array(ch.value) END
    ) AS v(value)
    WHERE ch.key LIKE '%Id' AND v.value ~ ${UUID_TEXT}
  )
  SELECT jsonb_object_agg(n.id, n.name) AS names
  FROM (
    SELECT u.id, u.name FROM users u JOIN ids ON ids.id = u.id
    UNION ALL
    SELECT c.id, c.first_name || ' ' || c.last_name FROM clients c JOIN ids ON ids.id = c.id
    UNION ALL
    SELECT t.id, t.name FROM consultation_types t JOIN ids ON ids.id = t.id
    UNION ALL
    SELECT f.id, f.file_number FROM work_permit_files f JOIN ids ON ids.id = f.id
  ) n
) refs ON true`;
