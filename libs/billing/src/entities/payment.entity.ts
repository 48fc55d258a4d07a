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
import { InvoiceEntity } from './invoice.entity';

export enum PaymentMethod {
  Cash = 'cash',
  ETransfer = 'e_transfer',
  Card = 'card',
  Cheque = 'cheque',
  /** A transfer from the client's trust account (an advance payment, CICC Code s.32). */
  ClientAccount = 'client_account',
}

/** Money received against an issued invoice. */
@Entity('invoice_payments')
@Index('idx_invoice_payments__invoice_id__created_at', ['invoiceId', 'createdAt', 'id'])
@Check('chk_invoice_payments__amount', 'amount_cents > 0')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => InvoiceEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'integer' })
  amountCents: number;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  method: PaymentMethod;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
