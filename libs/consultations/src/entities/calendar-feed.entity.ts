import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@app/auth';

/**
 * A consultant's private calendar subscription (`GET /api/calendar/<token>.ics`): at most one per consultant.
 * Only the SHA-256 of its token is kept; the token is shown once, when created. Revoking deletes the row, so
 * the old address answers 404; regenerating replaces the hash.
 */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  consultantId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultant_id', foreignKeyConstraintName: 'fk_calendar_feeds__consultant_id' })
  consultant: UserEntity;

  /** SHA-256 (hex) of the feed token. */
  @Index('uq_calendar_feeds__token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** Who created (or last regenerated) it: the consultant or an admin. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last time a calendar fetched it (at most once a minute is recorded). */
  @Column({ type: 'timestamptz', nullable: true })
  lastFetchedAt: Date | null;
}
