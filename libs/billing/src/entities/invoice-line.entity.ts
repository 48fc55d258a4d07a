import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TaxAmount } from '../rules/sales-tax';
import { InvoiceEntity } from './invoice.entity';

export enum InvoiceLineKind {
  /** The consultant's own fees: taxable. */
  ProfessionalFee = 'professional_fee',
  /** Government fees paid for the client (IRCC, ESDC): never taxed. */
  Disbursement = 'disbursement',
}

/** One line of an invoice, in the order given; its tax is rounded on its own. */
@Entity('invoice_lines')
@Index('uq_invoice_lines__invoice_id__position', ['invoiceId', 'position'], { unique: true })
@Check(
  'chk_invoice_lines__amounts',
  'quantity >= 1 AND unit_cents >= 0 AND amount_cents = quantity * unit_cents AND tax_cents >= 0',
)
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => InvoiceEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'enum', enum: InvoiceLineKind, enumName: 'invoice_line_kind' })
  kind: InvoiceLineKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'integer' })
  unitCents: number;

  @Column({ type: 'integer' })
  amountCents: number;

  @Column({ type: 'integer' })
  taxCents: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  taxes: TaxAmount[];
}
