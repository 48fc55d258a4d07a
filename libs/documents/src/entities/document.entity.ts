import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';

export enum DocumentStatus {
  PendingReview = 'pending_review',
  Accepted = 'accepted',
  Rejected = 'rejected',
}

const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One uploaded version of a document on a file: its metadata here, its encrypted bytes in the storage under a
 * random key. A new upload of the same kind on the same file is the next version; older ones stay.
 */
@Entity('documents')
@Index('uq_documents__file_id__kind__version', ['fileId', 'kind', 'version'], { unique: true })
@Index('uq_documents__storage_key', ['storageKey'], { unique: true })
@Index('idx_documents__file_id__created_at', ['fileId', 'createdAt', 'id'])
@Index('idx_documents__file_id__kind__sha256', ['fileId', 'kind', 'sha256'])
@Index('idx_documents__key_id', ['keyId'])
@Check('chk_documents__size', 'size > 0')
@Check('chk_documents__version', 'version >= 1')
@Check('chk_documents__sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('chk_documents__kind', `kind ~ '^[a-z0-9][a-z0-9_.-]{0,79}$'`)
@Check('chk_documents__rejection_reason', `status <> 'rejected' OR review_reason IS NOT NULL`)
@Check('chk_documents__purged', '(purged_at IS NULL) = (storage_key IS NOT NULL AND wrapped_key IS NOT NULL)')
@Check('chk_documents__one_uploader', 'uploaded_by_id IS NULL OR uploaded_by_client_id IS NULL')
@Check('chk_documents__validity', 'expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on')
export class DocumentEntity {
  /** Chosen before the bytes are stored: the data key is bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  /** A checklist item's key, or `other`. */
  @Column({ type: 'varchar', length: 80 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The uploaded file's name, cleaned for display; never used as a path. */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  /** Sniffed from the bytes, not taken from the upload. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  /** Plaintext bytes. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  /** SHA-256 of the plaintext, lowercase hex. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({
    type: 'enum',
    enum: DocumentStatus,
    enumName: 'document_status',
    default: DocumentStatus.PendingReview,
  })
  status: DocumentStatus;

  /** Why it was rejected (the client sees it), or a note on its acceptance. */
  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  /** When it was last accepted or rejected; null while it awaits a first review. */
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  /** Set when the client uploaded it in the portal (then `uploadedById` is null). */
  @ManyToOne(() => ClientEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'uploaded_by_client_id',
    foreignKeyConstraintName: 'fk_documents__uploaded_by_client_id',
  })
  uploadedByClient: ClientEntity | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedByClientId: string | null;

  /** Null once purged (the bytes are removed). */
  @Column({ type: 'varchar', length: 64, select: false, nullable: true })
  storageKey: string | null;

  /** The document's data key, wrapped under the master key `keyId` names; null once purged. */
  @Column({ type: 'bytea', select: false, nullable: true })
  wrappedKey: Buffer | null;

  @Column({ type: 'varchar', length: 32 })
  keyId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** When the retention purge removed its bytes and data key (a deleted document, or one of an archived client). */
  @Column({ type: 'timestamptz', nullable: true })
  purgedAt: Date | null;
}
