import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ConsultationMode } from './consultation-mode';

/** What a client can book: a named consultation (English and French), its length and its price. */
@Entity('consultation_types')
@Check('chk_consultation_types__duration', 'duration_minutes BETWEEN 5 AND 480')
@Check('chk_consultation_types__price', 'price_cents IS NULL OR price_cents >= 0')
// Lists page by (name, id).
@Index('idx_consultation_types__name', ['name', 'id'])
export class ConsultationTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  nameFr: string;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** A few lines for the booking page (English and French); null: none shown. */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  descriptionFr: string | null;

  /** How it takes place: shown before booking; public bookings of the type take this mode. */
  @Column({
    type: 'enum',
    enum: ConsultationMode,
    enumName: 'consultation_mode',
    default: ConsultationMode.Video,
  })
  mode: ConsultationMode;

  /** Shown to the client (CAD cents); null: no price shown. */
  @Column({ type: 'integer', nullable: true })
  priceCents: number | null;

  /** Inactive types stay on past consultations but cannot be booked. */
  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  /** LOCATION of video consultations: the meeting link (https). Null: none; a consultant's own setting comes first. */
  @Column({ type: 'text', nullable: true })
  videoLink: string | null;

  /** LOCATION of phone consultations: the number the client calls. Null: none; a consultant's own setting comes first. */
  @Column({ type: 'text', nullable: true })
  phoneNumber: string | null;

  /** LOCATION of in-person consultations: the office address. Null: none; a consultant's own setting comes first. */
  @Column({ type: 'text', nullable: true })
  officeAddress: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
