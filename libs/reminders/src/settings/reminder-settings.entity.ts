import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';

/** The firm's reminder policy: a single row (id 1); absent until an admin first saves it (defaults apply). */
@Entity('reminder_settings')
@Check('chk_reminder_settings__single_row', 'id = 1')
@Check('chk_reminder_settings__send_hour', 'send_hour BETWEEN 0 AND 23')
export class ReminderSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'smallint' })
  sendHour: number;

  /** Deadline kind → days before the due date. */
  @Column({ type: 'jsonb' })
  offsets: Record<string, number[]>;

  @Column({ type: 'boolean' })
  notifyAssistants: boolean;

  @Column({ type: 'boolean' })
  escalateOverdue: boolean;

  @Column({ type: 'boolean' })
  dailyDigest: boolean;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id', foreignKeyConstraintName: 'fk_reminder_settings__updated_by_id' })
  updatedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
