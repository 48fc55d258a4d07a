import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { WorkPermitFileEntity } from '@app/work-permits';

/** A checklist item staff decided a file does without, and why: the item shows as `waived`. */
@Entity('checklist_waivers')
@Index('uq_checklist_waivers__file_id__key', ['fileId', 'key'], { unique: true })
@Check('chk_checklist_waivers__reason', `char_length(reason) BETWEEN 1 AND 500`)
export class ChecklistWaiverEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  /** The checklist item's key. */
  @Column({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'text' })
  reason: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'waived_by_id' })
  waivedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  waivedById: string | null;

  @Column({ type: 'timestamptz' })
  waivedAt: Date;
}
