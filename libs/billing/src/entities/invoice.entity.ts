import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';
import type { TaxAmount } from '../rules/sales-tax';

export enum InvoiceStatus {
  Draft = 'draft',
  Issued = 'issued',
  Paid = 'paid',
  Void = 'void',
}

/**
 * An invoice for one file (CICC Code s.33). A draft's lines and amounts change; once issued it carries its
 * gap-free number, its date, the tax rates of that date and the firm's tax numbers, and is never edited again:
 * only payments (until paid) and voiding change its status.
 */
@Entity('invoices')
@Index('uq_invoices__number', ['number'], { unique: true })
@Index('idx_invoices__created_at', ['createdAt', 'id'])
@Index('idx_invoices__file_id__created_at', ['fileId', 'createdAt', 'id'])
@Index('idx_invoices__client_id__created_at', ['clientId', 'createdAt', 'id'])
@Check('chk_invoices__currency', `currency = 'CAD'`)
@Check(
  'chk_invoices__amounts',
  'subtotal_cents >= 0 AND tax_cents >= 0 AND total_cents = subtotal_cents + tax_cents AND paid_cents >= 0 AND paid_cents <= total_cents',
)
@Check(
  'chk_invoices__issued',
  `status = 'void' OR (status = 'draft' AND number IS NULL AND issued_on IS NULL) OR (number IS NOT NULL AND issued_on IS NOT NULL)`,
)
@Check('chk_invoices__place', `(country = 'CA') = (province IS NOT NULL)`)
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `INV-<year>-<nnnnn>`, given when issued. */
  @Column({ type: 'text', nullable: true })
  number: string | null;

  @Column({ type: 'enum', enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.Draft })
  status: InvoiceStatus;

  @ManyToOne(() => WorkPermitFileEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'text', default: 'CAD' })
  currency: string;

  /** The place of supply: the client's country (ISO 3166-1 alpha-2) and, in Canada, province or territory. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'char', length: 2, nullable: true })
  province: string | null;

  /** Outside Canada: the fees may be zero-rated; the consultant must confirm before issuing. */
  @Column({ type: 'boolean', default: false })
  zeroRatedCandidate: boolean;

  @Column({ type: 'boolean', default: false })
  zeroRatedConfirmed: boolean;

  @Column({ type: 'integer', default: 0 })
  subtotalCents: number;

  @Column({ type: 'integer', default: 0 })
  taxCents: number;

  @Column({ type: 'integer', default: 0 })
  totalCents: number;

  @Column({ type: 'integer', default: 0 })
  paidCents: number;

  /** Tax per kind (GST, HST, QST) with its rate; the sum of the lines' rounded taxes. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  taxes: TaxAmount[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The firm's GST/HST account number when issued (`123456789RT0001`). */
  @Column({ type: 'text', nullable: true })
  gstHstNumber: string | null;

  /** The firm's QST number when issued, for a client in Quebec (`1234567890TQ0001`). */
  @Column({ type: 'text', nullable: true })
  qstNumber: string | null;

  /** The invoice date (firm time zone): the day tax became payable, so the day its rates are taken from. */
  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
