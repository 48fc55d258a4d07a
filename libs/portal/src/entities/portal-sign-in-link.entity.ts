import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from '@app/clients';

/**
 * A one-time sign-in link emailed to a client: only the SHA-256 of its token is kept. It works once (`usedAt`),
 * until `expiresAt`, and not after a newer link was asked for (`voidedAt`).
 */
@Entity('portal_sign_in_links')
@Index('uq_portal_sign_in_links__token_hash', ['tokenHash'], { unique: true })
@Index('idx_portal_sign_in_links__client_id__open', ['clientId'], {
  where: 'used_at IS NULL AND voided_at IS NULL',
})
export class PortalSignInLinkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_portal_sign_in_links__client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Set when a newer link was sent to the same client. */
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
