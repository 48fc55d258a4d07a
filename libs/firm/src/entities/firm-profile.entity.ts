import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';

/**
 * The firm as clients see it (the booking page, the staff sign-in page): a single row (id 1), absent until an
 * admin first saves it. The logo is kept here, small (LOGO_MAX_BYTES), PNG or JPEG only.
 */
@Entity('firm_profile')
@Check('chk_firm_profile__single_row', 'id = 1')
@Check(
  'chk_firm_profile__logo',
  "(logo IS NULL AND logo_content_type IS NULL) OR (logo IS NOT NULL AND logo_content_type IN ('image/png', 'image/jpeg'))",
)
export class FirmProfileEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** One or more lines, as printed under the name. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** The address clients may write to (never a staff member's own). */
  @Column({ type: 'text', nullable: true })
  publicEmail: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  logo: Buffer | null;

  @Column({ type: 'text', nullable: true })
  logoContentType: 'image/png' | 'image/jpeg' | null;

  /** When the logo last changed: its public address carries it, so browsers fetch a new logo at once. */
  @Column({ type: 'timestamptz', nullable: true })
  logoUpdatedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id', foreignKeyConstraintName: 'fk_firm_profile__updated_by_id' })
  updatedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
