import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from '@app/clients';

/**
 * A client's signed-in portal session, server-side: the bearer token is random and only its SHA-256 is kept. It
 * ends on sign-out (`endedAt`), after PORTAL_IDLE_MINUTES without a request (`lastSeenAt`) and
 * PORTAL_SESSION_HOURS after it started, whichever comes first.
 */
@Entity('portal_sessions')
@Index('uq_portal_sessions__token_hash', ['tokenHash'], { unique: true })
@Index('idx_portal_sessions__client_id', ['clientId'])
export class PortalSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_portal_sessions__client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  /** SHA-256 of the bearer token, hex. */
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;
}
