import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';

/** A client's access to the client portal: created when staff first invite them, one per client. */
@Entity('portal_accounts')
export class PortalAccountEntity {
  @PrimaryColumn('uuid')
  clientId: string;

  @OneToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_portal_accounts__client_id' })
  client?: ClientEntity;

  /** The latest invitation. */
  @Column({ type: 'timestamptz' })
  invitedAt: Date;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'fk_portal_accounts__invited_by_id' })
  invitedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
