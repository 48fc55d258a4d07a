import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One CMA on ESDC's list, as stored in `areas`. */
export interface StoredRefusedArea {
  name: string;
  provinceCode: string;
  /** The 3-month unemployment rate ESDC quotes, when the list gives it. */
  unemploymentRate: number | null;
}

/**
 * ESDC's quarterly list of census metropolitan areas where low-wage LMIAs are not processed (unemployment
 * at or above 6 %). One row per quarter, replaced whole by an admin or the CLI; seeded with the shipped list.
 */
@Entity('lmia_refused_area_lists')
export class RefusedAreaListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** First day the list applies; one list per start day. */
  @Column({ type: 'date', unique: true })
  effectiveFrom: string;

  /** Last day (inclusive); null: until the next list. */
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  /** Where the list was read (ESDC's page or the copy used). */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb' })
  areas: StoredRefusedArea[];

  /** Who stored this list; null: the migration that seeded the shipped one, or the CLI. */
  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
