import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { FeeScheduleServiceEntity } from '@app/billing';
import { ClientEntity } from '@app/clients';
import { DocumentEntity } from '@app/documents';
import { WorkPermitFileEntity } from '@app/work-permits';

/** draft → sent → client_signed → signed (countersigned); any of them → superseded by a newer version. */
export enum AgreementStatus {
  Draft = 'draft',
  Sent = 'sent',
  ClientSigned = 'client_signed',
  Signed = 'signed',
  Superseded = 'superseded',
}

/**
 * One version of a file's service agreement (CICC Code, SOR/2022-128 s.24): the merged text as the client reads
 * and signs it, its SHA-256, and who signed when, from where. The text never changes once written: a change is a
 * new version, the old one superseded.
 */
@Entity('agreements')
@Index('uq_agreements__file_id__version', ['fileId', 'version'], { unique: true })
// At most one live (not superseded) version per file.
@Index('uq_agreements__file_id__live', ['fileId'], { unique: true, where: "status <> 'superseded'" })
@Index('idx_agreements__client_id', ['clientId'])
@Check('ck_agreements__language', "language IN ('en', 'fr')")
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_agreements__file_id' })
  file?: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_agreements__client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({
    type: 'enum',
    enum: AgreementStatus,
    enumName: 'agreement_status',
    default: AgreementStatus.Draft,
  })
  status: AgreementStatus;

  @Column({ type: 'text' })
  language: 'en' | 'fr';

  /** The template version the text was made from. */
  @Column({ type: 'integer' })
  templateVersion: number;

  /** The merged Markdown, exactly as sent and signed. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'char', length: 64 })
  bodySha256: string;

  /** What the draft was made with besides the records (services, fees, payment schedule). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  terms: Record<string, string>;

  /** The fee-schedule service the fee sections were drawn from; such a service can never be deleted. */
  @ManyToOne(() => FeeScheduleServiceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'fee_schedule_service_id',
    foreignKeyConstraintName: 'fk_agreements__fee_schedule_service_id',
  })
  feeScheduleService?: FeeScheduleServiceEntity | null;

  @Column({ type: 'uuid', nullable: true })
  feeScheduleServiceId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_agreements__created_by_id' })
  createdBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sent_by_id', foreignKeyConstraintName: 'fk_agreements__sent_by_id' })
  sentBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  sentById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  clientSignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  clientTypedName: string | null;

  @Column({ type: 'text', nullable: true })
  clientIp: string | null;

  @Column({ type: 'text', nullable: true })
  clientUserAgent: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  countersignedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'countersigned_by_id', foreignKeyConstraintName: 'fk_agreements__countersigned_by_id' })
  countersignedBy?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  countersignedById: string | null;

  /** The countersigner's name and CICC licence number as printed on the signature page. */
  @Column({ type: 'text', nullable: true })
  countersignerName: string | null;

  @Column({ type: 'text', nullable: true })
  countersignerLicence: string | null;

  @Column({ type: 'text', nullable: true })
  countersignerIp: string | null;

  @Column({ type: 'text', nullable: true })
  countersignerUserAgent: string | null;

  /** The signed PDF, stored as a document of the file. */
  @ManyToOne(() => DocumentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_agreements__document_id' })
  document?: DocumentEntity | null;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
