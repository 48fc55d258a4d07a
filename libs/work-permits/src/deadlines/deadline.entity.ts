import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { WorkPermitFileEntity } from '../entities/work-permit-file.entity';

export enum DeadlineKind {
  PermitExpiry = 'permit_expiry',
  LmiaExpiry = 'lmia_expiry',
  Biometrics = 'biometrics',
  Medical = 'medical',
  PflResponse = 'pfl_response',
  DocumentRequest = 'document_request',
  PassportExpiry = 'passport_expiry',
  StatusExpiry = 'status_expiry',
  Custom = 'custom',
  /** The expiry of a document on the file (the latest version of its kind): follows the document. */
  DocumentExpiry = 'document_expiry',
}

/**
 * `key_date`: kept in step with a key date of the file; `manual`: added by staff; `document`: kept in step with a
 * document's expiry (`documentId`).
 */
export enum DeadlineSource {
  KeyDate = 'key_date',
  Manual = 'manual',
  Document = 'document',
}

/** Something due on a calendar day for one file: a key date of the file or a deadline staff added. */
@Entity('deadlines')
// One deadline per key date of a file; manual deadlines of the same kind may repeat.
@Index('uq_deadlines__file_id__kind__key_date', ['fileId', 'kind'], {
  unique: true,
  where: `source = 'key_date'`,
})
// One expiry deadline per document.
@Index('uq_deadlines__document_id', ['documentId'], { unique: true, where: 'document_id IS NOT NULL' })
@Index('idx_deadlines__due_on__id', ['dueOn', 'id'])
@Index('idx_deadlines__assignee_id__due_on', ['assigneeId', 'dueOn', 'id'])
@Index('idx_deadlines__file_id__due_on', ['fileId', 'dueOn'])
// Overdue and open lists: only open deadlines, by day.
@Index('idx_deadlines__open__due_on', ['dueOn', 'id'], { where: 'completed_at IS NULL' })
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  @Column({ type: 'enum', enum: DeadlineKind, enumName: 'deadline_kind' })
  kind: DeadlineKind;

  @Column({ type: 'enum', enum: DeadlineSource, enumName: 'deadline_source', default: DeadlineSource.Manual })
  source: DeadlineSource;

  /** The document whose expiry this deadline follows (source `document`); null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** A calendar day in the firm's time zone. */
  @Column({ type: 'date' })
  dueOn: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'completed_by_id' })
  completedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  completedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A deadline with what lists show beside it: the file number, the client's name, and whether it is overdue. */
export type DeadlineWithFile = DeadlineEntity & {
  fileNumber: string;
  clientName: string;
  isOverdue: boolean;
};

/** A deadline's own columns (no relations loaded). */
export type DeadlineColumns = Omit<DeadlineEntity, 'file' | 'assignee' | 'completedBy'>;

/** A deadline as one file's response lists it: its columns and what lists show beside them. */
export type DeadlineOfFile = DeadlineColumns & { fileNumber: string; clientName: string; isOverdue: boolean };
