import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, when, with the changed fields. Append-only. */
@Entity('audit_events')
@Index('idx_audit_events__file_id__seq', ['fileId', 'seq'])
@Index('idx_audit_events__client_id__seq', ['clientId', 'seq'])
@Index('idx_audit_events__subject', ['subjectType', 'subjectId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order: events of one transaction share a timestamp, so timelines sort and page by this. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** The staff member, or null for the public (a booking) and the system (reminders, imports). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The client who acted in the client portal (signing in, answering, uploading); null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  actorClientId: string | null;

  /** `file.created`, `file.status_changed`, `deadline.completed`, `client.archived`, ... */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The file the event belongs to, so a file's timeline is one indexed read. */
  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** Where the request came from (the client address as `trust proxy` reads it); null outside a request. */
  @Column({ type: 'inet', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  /** Changed fields: `{ field: [before, after] }`; for a creation, the initial values. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
