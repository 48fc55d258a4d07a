import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';

/** One version of the firm's service agreement template (EN and FR Markdown with merge fields); never changed. */
@Entity('agreement_templates')
@Index('uq_agreement_templates__version', ['version'], { unique: true })
export class AgreementTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  bodyEn: string;

  @Column({ type: 'text' })
  bodyFr: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_agreement_templates__created_by_id' })
  createdBy?: UserEntity | null;

  /** Null for the shipped default. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
