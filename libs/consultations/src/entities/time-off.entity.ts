import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';

/** A span in which a consultant takes no consultations (holiday, hearing, training). */
@Entity('consultant_time_off')
@Check('chk_consultant_time_off__span', 'ends_at > starts_at')
// Slot computation reads one consultant's time off ending after the window starts.
@Index('idx_consultant_time_off__consultant_id__ends_at', ['consultantId', 'endsAt'])
export class TimeOffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultant_id', foreignKeyConstraintName: 'fk_consultant_time_off__consultant_id' })
  consultant: UserEntity;

  @Column({ type: 'uuid' })
  consultantId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
