import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { WorkPermitFileEntity } from '@app/work-permits';

/** s.24(2)(c): has the client another representative's service agreement, and how does it stand. */
export enum PriorRepresentation {
  /** No agreement with another authorized representative. */
  None = 'none',
  /** Another representative's agreement was completed (its outcome is in the notes). */
  Completed = 'completed',
  /** Another representative's agreement was terminated in writing before completion. */
  Terminated = 'terminated',
  /** The client keeps the other representative too; the notes hold their instructions on each one's scope. */
  Concurrent = 'concurrent',
}

/**
 * What s.24(2) asks a licensee to do before entering into a service agreement, as recorded on the file: the client's
 * identity and contact details confirmed (by whom, when, how), and prior representation checked.
 */
@Entity('agreement_preconditions')
export class AgreementPreconditionsEntity {
  @PrimaryColumn({ type: 'uuid' })
  fileId: string;

  @OneToOne(() => WorkPermitFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_agreement_preconditions__file_id' })
  file?: WorkPermitFileEntity;

  /** How identity was confirmed, e.g. "in person with passport". */
  @Column({ type: 'text' })
  identityMethod: string;

  @Column({ type: 'timestamptz' })
  identityConfirmedAt: Date;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'identity_confirmed_by_id',
    foreignKeyConstraintName: 'fk_agreement_preconditions__identity_confirmed_by_id',
  })
  identityConfirmedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  identityConfirmedById: string | null;

  /** The client's home address as confirmed (merged as {{client.address}}). */
  @Column({ type: 'text' })
  homeAddress: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  businessContact: string | null;

  @Column({ type: 'enum', enum: PriorRepresentation, enumName: 'prior_representation' })
  priorRepresentation: PriorRepresentation;

  @Column({ type: 'text', nullable: true })
  priorRepresentationNotes: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
