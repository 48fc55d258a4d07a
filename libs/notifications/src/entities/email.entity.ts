import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum EmailStatus {
  /** Written to the outbox (in the transaction of the change that causes it); waiting for the sender. */
  Pending = 'pending',
  /**
   * Claimed by a sender and being handed to SMTP, or handed over with an outcome not known (the connection
   * dropped before the server's answer; the process died): not sent again before `nextAttemptAt`.
   */
  Sending = 'sending',
  /** Accepted by the SMTP server. */
  Sent = 'sent',
  /** No SMTP_URL configured: kept in the outbox and logged only. */
  Logged = 'logged',
  /** Refused for good (5xx), or temporary failures past EMAIL_ATTEMPTS; `error` says why. Retryable. */
  Failed = 'failed',
}

/** The outbox: every email PermitDesk sends or would send, with what the SMTP server answered. */
@Entity('emails')
@Index('idx_emails__created_at', ['createdAt', 'id'])
@Index('idx_emails__related', ['relatedType', 'relatedId'])
// A consultant's own emails, newest first (GET /api/emails for consultants).
@Index('idx_emails__to__created_at', ['to', 'createdAt', 'id'])
// The sweep: pending and sending rows, by when they are due.
@Index('idx_emails__status__next_attempt_at', ['status', 'nextAttemptAt'])
export class EmailEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `reminder`, `digest`, `booking_confirmation`, ... */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  to: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** An iCalendar invite sent with the email (METHOD:REQUEST or CANCEL). */
  @Column({ type: 'text', nullable: true })
  icalEvent: string | null;

  /**
   * The email's one secret (a manage link's token), encrypted with DATA_ENCRYPTION_KEY, kept only until the email
   * has left so a resend still carries it; `text`, `html` and `icalEvent` show `[hidden]` in its place. Never
   * returned by the API.
   */
  @Column({ type: 'text', nullable: true })
  secret: string | null;

  @Column({ type: 'text', nullable: true })
  relatedType: string | null;

  @Column({ type: 'uuid', nullable: true })
  relatedId: string | null;

  @Column({ type: 'enum', enum: EmailStatus, enumName: 'email_status', default: EmailStatus.Pending })
  status: EmailStatus;

  /** `<key@APP_URL host>`, set when the row is written: every attempt carries the same Message-ID. */
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  /** Hand-overs to SMTP so far. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When a sender last claimed it (`pending -> sending`). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /**
   * `pending`: the next try is due then (after a temporary failure). `sending`: the end of the acknowledgement
   * window; a row still `sending` after it, whose job no worker holds, is taken back by the sweep.
   */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
