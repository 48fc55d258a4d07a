import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ClientEntity } from '@app/clients';

/**
 * A client's trust-account balance (CICC Code s.32: advance payments held for the client). Changed only in the
 * transaction that writes the ledger entry, by `balance_cents = balance_cents + delta`: the row lock serialises
 * concurrent changes and the CHECK makes PostgreSQL refuse any change that would take it below zero.
 */
@Entity('client_accounts')
@Check('chk_client_accounts__balance', 'balance_cents >= 0')
export class ClientAccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  clientId: string;

  @OneToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  balanceCents: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
