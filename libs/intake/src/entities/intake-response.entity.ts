import {
  Check,
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
import { ClientEntity } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';

/** draft → submitted (read-only to the client) → reopened by staff (editable again) → submitted again. */
export enum IntakeStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Reopened = 'reopened',
}

/**
 * A file's intake questionnaire as the client answered it: one per file, against one version of one form. The
 * answers are sensitive (immigration history, background questions) and stored encrypted as one JSON value.
 */
@Entity('intake_responses')
@Index('idx_intake_responses__client_id', ['clientId'])
@Check('ck_intake_responses__submitted_at', "status = 'draft' OR submitted_at IS NOT NULL")
@Check(
  'ck_intake_responses__reopened',
  "status <> 'reopened' OR (reopened_at IS NOT NULL AND reopen_reason IS NOT NULL)",
)
export class IntakeResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'file_id',
    foreignKeyConstraintName: 'fk_intake_responses__file_id',
  })
  file?: WorkPermitFileEntity;

  @Index('uq_intake_responses__file_id', { unique: true })
  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_intake_responses__client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  formKey: string;

  @Column({ type: 'integer' })
  formVersion: number;

  /** The answers as JSON, encrypted with the field encryption (context `intake_responses.answers`). */
  @Column({ type: 'text' })
  answersEncrypted: string;

  @Column({ type: 'enum', enum: IntakeStatus, enumName: 'intake_status', default: IntakeStatus.Draft })
  status: IntakeStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reopened_by_id', foreignKeyConstraintName: 'fk_intake_responses__reopened_by_id' })
  reopenedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  reopenedById: string | null;

  @Column({ type: 'text', nullable: true })
  reopenReason: string | null;

  /** Client record fields staff confirmed from these answers (`passportNumber`, `dateOfBirth`...). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  confirmedFields: string[];

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by_id', foreignKeyConstraintName: 'fk_intake_responses__confirmed_by_id' })
  confirmedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
