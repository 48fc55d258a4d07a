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
import { ClientEntity } from '@app/clients';
import type { WagePeriod } from '../rules/formats';
import type { ImpPermitType } from '../work-permit-file.types';

export enum WorkPermitStream {
  Tfwp = 'TFWP',
  Imp = 'IMP',
}

export enum ApplicationType {
  Initial = 'initial',
  Extension = 'extension',
  ChangeOfConditions = 'change_of_conditions',
  Restoration = 'restoration',
}

export enum FileStatus {
  Intake = 'intake',
  Preparing = 'preparing',
  Submitted = 'submitted',
  BiometricsRequested = 'biometrics_requested',
  AdditionalInfoRequested = 'additional_info_requested',
  Approved = 'approved',
  Refused = 'refused',
  Withdrawn = 'withdrawn',
  Closed = 'closed',
}

export enum LmiaStatus {
  NotApplied = 'not_applied',
  Pending = 'pending',
  Positive = 'positive',
  Negative = 'negative',
  Withdrawn = 'withdrawn',
}

/** A work-permit application handled for one client: a "file" (case). */
@Entity('work_permit_files')
@Check(
  'chk_work_permit_files__stream_blocks',
  `(stream = 'TFWP' AND exemption_code IS NULL AND imp_permit_type IS NULL AND offer_of_employment_number IS NULL AND compliance_fee_paid IS NULL)` +
    ` OR (stream = 'IMP' AND exemption_code IS NOT NULL AND lmia_stream IS NULL AND lmia_status IS NULL AND lmia_number IS NULL AND lmia_issued_on IS NULL AND lmia_expires_on IS NULL)`,
)
@Check(
  'chk_work_permit_files__wage',
  `(wage IS NULL) = (wage_period IS NULL) AND wage_period IN ('hour', 'week', 'month', 'year')`,
)
// Lists page newest first by (created_at, id): for everyone, one consultant, one client, or one filter value.
@Index('idx_work_permit_files__created_at', ['createdAt', 'id'])
@Index('idx_work_permit_files__consultant_id__created_at', ['consultantId', 'createdAt', 'id'])
@Index('idx_work_permit_files__client_id__created_at', ['clientId', 'createdAt', 'id'])
@Index('idx_work_permit_files__status__created_at', ['status', 'createdAt', 'id'])
@Index('idx_work_permit_files__stream__created_at', ['stream', 'createdAt', 'id'])
@Index('idx_work_permit_files__exemption_code__created_at', ['exemptionCode', 'createdAt', 'id'])
@Index('idx_work_permit_files__lmia_stream__created_at', ['lmiaStream', 'createdAt', 'id'])
@Index('idx_work_permit_files__noc_code__created_at', ['nocCode', 'createdAt', 'id'])
@Index('idx_work_permit_files__province__created_at', ['province', 'createdAt', 'id'])
// Text search (pg_trgm GIN, ILIKE '%term%'), written by hand in the migration: TypeORM cannot express them.
@Index('idx_work_permit_files__file_number_trgm', { synchronize: false })
@Index('idx_work_permit_files__employer_name_trgm', { synchronize: false })
@Index('idx_work_permit_files__job_title_trgm', { synchronize: false })
export class WorkPermitFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `WP-2026-00042`: per calendar year of creation (firm time zone), gap-free (see file_number_counters). */
  @Index('uq_work_permit_files__file_number', { unique: true })
  @Column({ type: 'text' })
  fileNumber: string;

  @ManyToOne(() => ClientEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'consultant_id' })
  consultant: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  consultantId: string | null;

  @Column({ type: 'enum', enum: WorkPermitStream, enumName: 'work_permit_stream' })
  stream: WorkPermitStream;

  @Column({
    type: 'enum',
    enum: ApplicationType,
    enumName: 'application_type',
    default: ApplicationType.Initial,
  })
  applicationType: ApplicationType;

  @Column({ type: 'enum', enum: FileStatus, enumName: 'file_status', default: FileStatus.Intake })
  status: FileStatus;

  @Column({ type: 'text', nullable: true })
  employerName: string | null;

  /** CRA business number, 9 digits. */
  @Column({ type: 'text', nullable: true })
  employerBusinessNumber: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  /** NOC 2021 unit group, 5 digits. */
  @Column({ type: 'char', length: 5, nullable: true })
  nocCode: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  province: string | null;

  /** Where the job is: the census metropolitan area or municipality, as staff write it (matched to ESDC's lists). */
  @Column({ type: 'text', nullable: true })
  workLocation: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  wage: string | null;

  @Column({ type: 'text', nullable: true })
  wagePeriod: WagePeriod | null;

  // Key dates: setting one keeps the deadline of the matching kind in step.
  @Column({ type: 'date', nullable: true }) submittedOn: string | null;
  @Column({ type: 'date', nullable: true }) biometricsDueOn: string | null;
  @Column({ type: 'date', nullable: true }) medicalDueOn: string | null;
  @Column({ type: 'date', nullable: true }) pflResponseDueOn: string | null;
  @Column({ type: 'date', nullable: true }) decisionOn: string | null;
  @Column({ type: 'date', nullable: true }) permitExpiresOn: string | null;

  // The dates of IRCC's letters; each gives its due date above (rules/letter-dates.ts) unless one is given.
  @Column({ type: 'date', nullable: true }) biometricsLetterOn: string | null;
  @Column({ type: 'date', nullable: true }) medicalLetterOn: string | null;
  @Column({ type: 'date', nullable: true }) pflLetterOn: string | null;

  /** IRCC application number, e.g. W301234567. */
  @Column({ type: 'text', nullable: true })
  irccApplicationNumber: string | null;

  // TFWP block
  @Column({ type: 'text', nullable: true }) lmiaStream: string | null;
  @Column({ type: 'enum', enum: LmiaStatus, enumName: 'lmia_status', nullable: true })
  lmiaStatus: LmiaStatus | null;
  @Column({ type: 'text', nullable: true }) lmiaNumber: string | null;
  @Column({ type: 'date', nullable: true }) lmiaIssuedOn: string | null;
  @Column({ type: 'date', nullable: true }) lmiaExpiresOn: string | null;

  // IMP block
  @Column({ type: 'text', nullable: true }) exemptionCode: string | null;
  /** Follows from the exemption code (chosen on the file only for codes whose permit type varies). */
  @Column({ type: 'text', nullable: true }) impPermitType: ImpPermitType | null;
  /** Employer Portal offer of employment number: `A` + 7 digits. */
  @Column({ type: 'text', nullable: true }) offerOfEmploymentNumber: string | null;
  @Column({ type: 'boolean', nullable: true }) complianceFeePaid: boolean | null;

  /**
   * The consultation the file was opened from, if any; set by the consultations feature (its migration adds the
   * column, without a foreign key, and the index: one file per consultation).
   */
  @Index('uq_work_permit_files__consultation_id', { unique: true, where: 'consultation_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  consultationId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Millisecond precision, so the value a list cursor carries (a JS Date) is exactly the stored one. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
