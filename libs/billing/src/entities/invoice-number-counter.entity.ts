import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last invoice number given out in each calendar year. Bumped with INSERT ... ON CONFLICT DO UPDATE inside
 * the transaction that issues the invoice: the row lock serialises concurrent issues, and a rolled-back issue
 * rolls its number back, so numbers have no gaps and no duplicates (CICC Code s.33: every invoice accounted for).
 */
@Entity('invoice_number_counters')
export class InvoiceNumberCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastValue: number;
}
