import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One signed-in session of a staff member: the access token carries its id (`sid`), and every request checks
 * the row (not revoked, not expired) in the same statement that checks the user, so ending a session takes
 * effect at once on every API process.
 */
@Entity('staff_sessions')
@Index('idx_staff_sessions__user_id', ['userId'])
export class StaffSessionEntity {
  /** Chosen by the API before the token is signed, so the token can name it. */
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_staff_sessions__user_id' })
  user?: UserEntity;

  @Column('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The access token's own expiry. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set by sign-out, sign-out everywhere, a password change or reset, and deactivation. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Where and with what the session was started, for the person reviewing their sessions. */
  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;
}
