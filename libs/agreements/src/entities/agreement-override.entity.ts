import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { WorkPermitFileEntity } from '@app/work-permits';

/** An admin's record that a file may leave intake without a service agreement signed in PermitDesk, and why. */
@Entity('agreement_overrides')
export class AgreementOverrideEntity {
  @PrimaryColumn({ type: 'uuid' })
  fileId: string;

  @OneToOne(() => WorkPermitFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_agreement_overrides__file_id' })
  file?: WorkPermitFileEntity;

  @Column({ type: 'text' })
  reason: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'fk_agreement_overrides__recorded_by_id' })
  recordedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}
