/** An audit event as timelines show it: who acted by name, and the names of the records its changes refer to. */
export interface TimelineEvent {
  id: string;
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  /** The client who acted, in the client portal; null for staff, the public and the system. */
  actorClientId: string | null;
  /** The staff member (or portal client) who acted; null for the public and the system, or a user since removed. */
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  fileId: string | null;
  clientId: string | null;
  changes: Record<string, unknown>;
  /**
   * Names of the ids found in `changes` (staff, clients, consultation types, files by number), so a timeline
   * shows "Amélie Tremblay", never a UUID.
   */
  names: Record<string, string>;
}

/** A row of the timeline query, as pg returns it. */
export interface TimelineRow {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_client_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  file_id: string | null;
  client_id: string | null;
  changes: Record<string, unknown>;
  names: Record<string, string> | null;
}

export function timelineEventFromRow(row: TimelineRow): TimelineEvent {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorClientId: row.actor_client_id,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    fileId: row.file_id,
    clientId: row.client_id,
    changes: row.changes,
    names: row.names ?? {},
  };
}
