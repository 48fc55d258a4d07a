import {
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

export enum StatusInCanada {
  None = 'none',
  Visitor = 'visitor',
  Worker = 'worker',
  Student = 'student',
  PermanentResident = 'permanent_resident',
  /** Applied to extend before the status expired (IRPR R183(5)): in status until the decision. */
  MaintainedStatus = 'maintained_status',
  /** Status lost, within the 90 days to apply for restoration (IRPR R182). */
  Restoration = 'restoration',
  /** Made a claim for refugee protection. */
  RefugeeClaimant = 'refugee_claimant',
  /** Holds a temporary resident permit (IRPA A24). */
  TrpHolder = 'trp_holder',
  /** A visitor whose stay is documented by a visitor record. */
  VisitorRecord = 'visitor_record',
}

export enum PreferredLanguage {
  En = 'en',
  Fr = 'fr',
}

/** An applicant. Archived, never deleted: files and the audit trail keep pointing at them. */
@Entity('clients')
// Unique among active clients only: an archived client's email may come back as a new client.
@Index('uq_clients__email_active', ['email'], { unique: true, where: 'archived_at IS NULL' })
// Lists page newest first by (created_at, id), for everyone or one consultant.
@Index('idx_clients__consultant_id__created_at', ['consultantId', 'createdAt', 'id'])
@Index('idx_clients__created_at', ['createdAt', 'id'])
// Text search (pg_trgm GIN, ILIKE '%term%'), written by hand in the migration: TypeORM cannot express them.
@Index('idx_clients__full_name_trgm', { synchronize: false })
@Index('idx_clients__email_trgm', { synchronize: false })
@Index('idx_clients__phone_trgm', { synchronize: false })
@Index('idx_clients__uci_trgm', { synchronize: false })
// Name prefixes in name order (the stored search keys, "C" collation, so LIKE 'term%' is an index range).
@Index('idx_clients__last_first_key', ['lastFirstKey', 'id'])
@Index('idx_clients__first_last_key', ['firstLastKey', 'id'])
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /**
   * "last first" and "first last" as a name search compares them (search_key: lower case, unaccented), kept by
   * the database; never read into an entity or a response.
   */
  @Column({
    type: 'text',
    collation: 'C',
    generatedType: 'STORED',
    asExpression: `search_key(last_name || ' ' || first_name)`,
    select: false,
    insert: false,
    update: false,
  })
  lastFirstKey?: string;

  @Column({
    type: 'text',
    collation: 'C',
    generatedType: 'STORED',
    asExpression: `search_key(first_name || ' ' || last_name)`,
    select: false,
    insert: false,
    update: false,
  })
  firstLastKey?: string;

  @Column({ type: 'citext', nullable: true })
  email: string | null;

  /** E.164, e.g. +16045550123. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  citizenship: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  countryOfResidence: string | null;

  @Column({ type: 'enum', enum: StatusInCanada, enumName: 'status_in_canada', default: StatusInCanada.None })
  statusInCanada: StatusInCanada;

  /** The end of the authorised stay; under maintained status, the expiry of the status being extended. */
  @Column({ type: 'date', nullable: true })
  statusExpiresOn: string | null;

  /** When the extension (maintained status), the restoration or the refugee claim was applied for. */
  @Column({ type: 'date', nullable: true })
  statusAppliedOn: string | null;

  /** The day status was lost (restoration: apply within 90 days). */
  @Column({ type: 'date', nullable: true })
  statusLostOn: string | null;

  /** AES-256-GCM with DATA_ENCRYPTION_KEY; never stored or logged in clear. */
  @Column({ type: 'text', nullable: true })
  passportNumberEncrypted: string | null;

  /** The last characters, for masked display in lists without decrypting. */
  @Column({ type: 'text', nullable: true })
  passportNumberHint: string | null;

  @Column({ type: 'date', nullable: true })
  passportExpiresOn: string | null;

  /** IRCC unique client identifier: 8 or 10 digits. */
  @Column({ type: 'text', nullable: true })
  uci: string | null;

  @Column({
    type: 'enum',
    enum: PreferredLanguage,
    enumName: 'preferred_language',
    default: PreferredLanguage.En,
  })
  preferredLanguage: PreferredLanguage;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'consultant_id', foreignKeyConstraintName: 'fk_clients__consultant_id' })
  consultant: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  consultantId: string | null;

  /** Created by a public booking and not yet taken on as a client. */
  @Column({ type: 'boolean', default: false })
  isProspect: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** Millisecond precision, so the value a list cursor carries (a JS Date) is exactly the stored one. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
