import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { InvoiceEntity } from './invoice.entity';

export enum AccountEntryKind {
  Deposit = 'deposit',
  /** Paid out of the account to an issued invoice. */
  Transfer = 'transfer',
  Refund = 'refund',
}

export enum AccountMethod {
  Cash = 'cash',
  ETransfer = 'e_transfer',
  Card = 'card',
  Cheque = 'cheque',
  /** A transfer to one of the firm's invoices. */
  Invoice = 'invoice',
}

/**
 * One movement of a client's trust account; never changed or deleted. `amount_cents` is signed (deposits positive,
 * transfers and refunds negative), so the ledger's sum is the balance.
 */
@Entity('client_account_entries')
@Index('idx_client_account_entries__client_id__created_at', ['clientId', 'createdAt', 'id'])
@Check(
  'chk_client_account_entries__sign',
  `(kind = 'deposit' AND amount_cents > 0) OR (kind <> 'deposit' AND amount_cents < 0)`,
)
@Check('chk_client_account_entries__invoice', `(kind = 'transfer') = (invoice_id IS NOT NULL)`)
export class ClientAccountEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'enum', enum: AccountEntryKind, enumName: 'account_entry_kind' })
  kind: AccountEntryKind;

  @Column({ type: 'integer' })
  amountCents: number;

  /** The balance right after this entry. */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  balanceAfterCents: number;

  @Column({ type: 'enum', enum: AccountMethod, enumName: 'account_method' })
  method: AccountMethod;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @ManyToOne(() => InvoiceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity | null;

  @Column({ type: 'uuid', nullable: true })
  invoiceId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
