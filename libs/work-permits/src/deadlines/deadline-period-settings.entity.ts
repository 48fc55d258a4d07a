import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';

/**
 * The firm's own periods for due dates derived from IRCC letters and events: a single row (id 1), absent until
 * an admin first saves; a period not in `days` takes the reference default (deadline-periods.json).
 */
@Entity('deadline_period_settings')
@Check('chk_deadline_period_settings__single_row', 'id = 1')
export class DeadlinePeriodSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** Period id → calendar days, or null for "no default: the letter states the date". */
  @Column({ type: 'jsonb' })
  days: Record<string, number | null>;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'updated_by_id',
    foreignKeyConstraintName: 'fk_deadline_period_settings__updated_by_id',
  })
  updatedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
