import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FeeScheduleServiceEntity } from './fee-schedule-service.entity';

/** One step of a service's payment plan: when it is due (label EN/FR) and its share of the fee in cents. */
@Entity('fee_schedule_milestones')
@Check('chk_fee_schedule_milestones__position', 'position >= 1')
@Check('chk_fee_schedule_milestones__amount', 'amount_cents >= 0')
export class FeeScheduleMilestoneEntity {
  @ManyToOne(() => FeeScheduleServiceEntity, (s) => s.milestones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_fee_schedule_milestones__service_id' })
  service?: FeeScheduleServiceEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_fee_schedule_milestones' })
  serviceId: string;

  /** 1, 2, 3… in the order they fall due; one milestone per position (the primary key). */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_fee_schedule_milestones' })
  position: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  labelFr: string;

  @Column({ type: 'integer' })
  amountCents: number;
}
