import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last file number given out in each calendar year. Bumped with INSERT ... ON CONFLICT DO UPDATE inside the
 * transaction that opens a file: the row lock serialises concurrent openings, and a rolled-back opening rolls
 * its number back, so numbers have no gaps and no duplicates.
 */
@Entity('file_number_counters')
export class FileNumberCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastValue: number;
}
