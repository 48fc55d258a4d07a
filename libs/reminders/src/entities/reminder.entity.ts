import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ReminderStatus {
  /** Planned; a delayed bull job (jobId = this row's id) sends it at `sendAt`. */
  Scheduled = 'scheduled',
  /** Claimed by a worker that is sending it now. */
  Sending = 'sending',
  Sent = 'sent',
  /** Every attempt failed; `lastError` says why. Staff can retry it. */
  Failed = 'failed',
  /** No longer applies (deadline completed, moved or removed; consultation cancelled). */
  Cancelled = 'cancelled',
}

/**
 * One planned email about one subject (a deadline, a consultation, a consultant's daily digest), for one offset
 * and one recipient. PostgreSQL holds every reminder; Redis only holds a delayed job per scheduled row.
 */
@Entity('reminders')
@Index('uq_reminders__subject__offset__recipient', ['subjectType', 'subjectId', 'offsetKey', 'recipient'], {
  unique: true,
})
@Index('idx_reminders__status__send_at', ['status', 'sendAt', 'id'])
@Index('idx_reminders__send_at', ['sendAt', 'id'])
@Index('idx_reminders__recipient__send_at', ['recipient', 'sendAt', 'id'])
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Which handler renders it: `deadline`, `deadline_digest`, `consultation`, ... */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /**
   * Which reminder of the subject this is, chosen by the subject's owner: `30d@2027-01-15` (30 days before the
   * deadline due on that day), `overdue@2027-01-15`, `24h@2026-12-01T17:00:00.000Z`, `daily@2026-12-01`.
   */
  @Column({ type: 'text' })
  offsetKey: string;

  /** Who gets it, as the subject's owner identifies them: a staff user id, or a client's email address. */
  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'timestamptz' })
  sendAt: Date;

  @Column({
    type: 'enum',
    enum: ReminderStatus,
    enumName: 'reminder_status',
    default: ReminderStatus.Scheduled,
  })
  status: ReminderStatus;

  /** How many times a worker claimed it to send. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When a worker last claimed it (`scheduled -> sending`); a row stuck in `sending` is recovered by the sweep. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The Message-ID the SMTP server accepted. */
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
