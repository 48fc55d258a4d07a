import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { WorkPermitStream } from '@app/work-permits';
import { FeeScheduleMilestoneEntity } from './fee-schedule-milestone.entity';

/**
 * A service of the firm's fee schedule: its default professional fee, the government fees that usually apply
 * (keys of the government-fees data) and its milestone payment plan. Never deleted once an agreement names it
 * (the agreements' foreign key restricts it); a service the firm no longer offers is made inactive.
 * The milestones add up to the fee: a deferred constraint trigger checks it at commit.
 */
@Entity('fee_schedule_services')
// Case-insensitive unique name, written by hand in the migration (an expression index).
@Index('uq_fee_schedule_services__name', { synchronize: false })
@Check('chk_fee_schedule_services__fee', 'professional_fee_cents >= 0')
export class FeeScheduleServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  nameFr: string;

  /** The stream it is for; null: either. */
  @Column({ type: 'enum', enum: WorkPermitStream, enumName: 'work_permit_stream', nullable: true })
  stream: WorkPermitStream | null;

  @Column({ type: 'integer' })
  professionalFeeCents: number;

  /** Keys of the government fees (GOVERNMENT_FEES) billed as disbursements with this service, in order. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  governmentFeeKeys: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @OneToMany(() => FeeScheduleMilestoneEntity, (m) => m.service)
  milestones?: FeeScheduleMilestoneEntity[];

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id', foreignKeyConstraintName: 'fk_fee_schedule_services__updated_by_id' })
  updatedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
