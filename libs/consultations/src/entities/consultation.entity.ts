import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity, PreferredLanguage } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';
import type { Prescreen } from '../rules/prescreen';
import { ConsultationTypeEntity } from './consultation-type.entity';
import { ConsultationMode } from './consultation-mode';

export enum ConsultationStatus {
  Booked = 'booked',
  Cancelled = 'cancelled',
  Completed = 'completed',
  NoShow = 'no_show',
}

export { ConsultationMode };

export const NO_OVERLAP_CONSTRAINT = 'ex_consultations__no_overlap';

/**
 * One consultation between a consultant and a client. Two booked consultations of one consultant never
 * overlap, buffers included: PostgreSQL refuses it (exclusion constraint over [blocked_from, blocked_until)),
 * however many requests race for the same time. A public booking awaiting the client's email confirmation is
 * `booked` with `holdExpiresAt` set, so the constraint covers it too; once that moment has passed, the next
 * booking transaction that overlaps it (and the worker's periodic release) cancels it first.
 */
@Entity('consultations')
@Exclusion(
  NO_OVERLAP_CONSTRAINT,
  `USING gist ("consultant_id" WITH =, tstzrange("blocked_from", "blocked_until") WITH &&) WHERE ("status" = 'booked')`,
)
@Check(
  'chk_consultations__times',
  'ends_at > starts_at AND blocked_from <= starts_at AND blocked_until >= ends_at',
)
// Staff lists page by (starts_at, id): for everyone, one consultant or one client.
@Index('idx_consultations__starts_at', ['startsAt', 'id'])
@Index('idx_consultations__consultant_id__starts_at', ['consultantId', 'startsAt', 'id'])
@Index('idx_consultations__client_id__starts_at', ['clientId', 'startsAt', 'id'])
@Index('idx_consultations__file_id', ['fileId'])
@Index('idx_consultations__hold_expires_at', ['holdExpiresAt'], { where: 'hold_expires_at IS NOT NULL' })
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consultant_id', foreignKeyConstraintName: 'fk_consultations__consultant_id' })
  consultant: UserEntity;

  @Column({ type: 'uuid' })
  consultantId: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_consultations__client_id' })
  client: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => ConsultationTypeEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_id', foreignKeyConstraintName: 'fk_consultations__type_id' })
  type: ConsultationTypeEntity;

  @Column({ type: 'uuid' })
  typeId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** What the consultation holds in the consultant's calendar: from its start... */
  @Column({ type: 'timestamptz' })
  blockedFrom: Date;

  /** ...to its end plus the consultant's buffer. */
  @Column({ type: 'timestamptz' })
  blockedUntil: Date;

  @Column({
    type: 'enum',
    enum: ConsultationMode,
    enumName: 'consultation_mode',
    default: ConsultationMode.Video,
  })
  mode: ConsultationMode;

  @Column({
    type: 'enum',
    enum: ConsultationStatus,
    enumName: 'consultation_status',
    default: ConsultationStatus.Booked,
  })
  status: ConsultationStatus;

  /** The zone the client booked from, for showing times in emails. */
  @Column({ type: 'text' })
  clientTimezone: string;

  /** Language of the emails the client gets about this consultation. */
  @Column({
    type: 'enum',
    enum: PreferredLanguage,
    enumName: 'preferred_language',
    default: PreferredLanguage.En,
  })
  language: PreferredLanguage;

  @Column({ type: 'text', nullable: true })
  topic: string | null;

  /** The client's answers to the pre-screen questions, if any. */
  @Column({ type: 'jsonb', nullable: true })
  prescreen: Prescreen | null;

  /** The client's permit expires within 90 days (or has expired). */
  @Column({ type: 'boolean', default: false })
  isUrgent: boolean;

  /** Staff notes (outcome, follow-up). */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** SHA-256 (hex) of the client's manage token; null once used up (cancelled) or never issued. */
  @Index('uq_consultations__manage_token_hash', { unique: true })
  @Column({ type: 'text', nullable: true })
  manageTokenHash: string | null;

  /** iCalendar SEQUENCE: raised on every reschedule and cancellation. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** The staff member who booked it; null for a public booking. */
  @Column({ type: 'uuid', nullable: true })
  bookedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /**
   * Set while a public booking awaits the client's email confirmation: it holds its slot until then, and no
   * consultant notice or reminder goes out. Null once confirmed, or when no confirmation was asked.
   */
  @Column({ type: 'timestamptz', nullable: true })
  holdExpiresAt: Date | null;

  /** When the client confirmed a booking by the emailed link (null: confirmation was not asked or is pending). */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The work-permit file this consultation was converted into. */
  @ManyToOne(() => WorkPermitFileEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_consultations__file_id' })
  file: WorkPermitFileEntity | null;

  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
