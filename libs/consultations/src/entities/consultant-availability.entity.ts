import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import type { WeeklyRange } from '../rules/slots';

/** A bookable consultant's hours and booking rules; one row per consultant. */
@Entity('consultant_availability')
@Check(
  'chk_consultant_availability__numbers',
  [
    'buffer_minutes BETWEEN 0 AND 240',
    'min_notice_hours BETWEEN 0 AND 720',
    'max_days_ahead BETWEEN 1 AND 365',
    'slot_interval_minutes BETWEEN 5 AND 240',
  ].join(' AND '),
)
export class ConsultantAvailabilityEntity {
  @PrimaryColumn({ type: 'uuid' })
  consultantId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'consultant_id',
    foreignKeyConstraintName: 'fk_consultant_availability__consultant_id',
  })
  consultant: UserEntity;

  /** The IANA zone the weekly hours are written in. */
  @Column({ type: 'text' })
  timezone: string;

  /** `[{weekday: 1..7, start: 'HH:mm', end: 'HH:mm'}]`, several ranges a day allowed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  weekly: WeeklyRange[];

  @Column({ type: 'integer', default: 15 })
  bufferMinutes: number;

  @Column({ type: 'integer', default: 24 })
  minNoticeHours: number;

  @Column({ type: 'integer', default: 60 })
  maxDaysAhead: number;

  @Column({ type: 'integer', default: 30 })
  slotIntervalMinutes: number;

  /** LOCATION of video consultations: the meeting link (https). Null: the consultation type's setting, if any. */
  @Column({ type: 'text', nullable: true })
  videoLink: string | null;

  /** LOCATION of phone consultations: the number the client calls. Null: the consultation type's setting, if any. */
  @Column({ type: 'text', nullable: true })
  phoneNumber: string | null;

  /** LOCATION of in-person consultations: the office address. Null: the consultation type's setting, if any. */
  @Column({ type: 'text', nullable: true })
  officeAddress: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
