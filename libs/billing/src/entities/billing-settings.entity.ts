import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';

/**
 * The firm's tax registration numbers, printed on every invoice (one row, id 1; absent until an admin saves it).
 * Kept with billing rather than on the public firm profile: these are not shown on the booking page.
 */
@Entity('billing_settings')
@Check('chk_billing_settings__single_row', 'id = 1')
@Check('chk_billing_settings__gst_hst_number', `gst_hst_number ~ '^[0-9]{9}RT[0-9]{4}$'`)
@Check('chk_billing_settings__qst_number', `qst_number ~ '^[0-9]{10}TQ[0-9]{4}$'`)
export class BillingSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text', nullable: true })
  gstHstNumber: string | null;

  @Column({ type: 'text', nullable: true })
  qstNumber: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
