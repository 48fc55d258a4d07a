import type {
  ApplicationType,
  FileStatus,
  LmiaStatus,
  WorkPermitStream,
} from './entities/work-permit-file.entity';
import type { WagePeriod } from './rules/formats';

export type ImpPermitType = 'open' | 'employer_specific';

export interface EmployerInput {
  name?: string | null;
  /** CRA business number, 9 digits. */
  businessNumber?: string | null;
}

export interface WageInput {
  amount: number;
  period: WagePeriod;
}

/** The LMIA of a TFWP file. */
export interface TfwpInput {
  lmiaStream?: string;
  lmiaStatus?: LmiaStatus;
  lmiaNumber?: string | null;
  lmiaIssuedOn?: string | null;
  /** Defaults to the issue date plus the LMIA validity (6 months) when issued and not given. */
  lmiaExpiresOn?: string | null;
}

/** The exemption of an IMP file; the permit type follows from the code. */
export interface ImpInput {
  exemptionCode?: string;
  offerOfEmploymentNumber?: string | null;
  complianceFeePaid?: boolean | null;
  /** Only for codes whose permit type varies (C20, C21, A75). */
  permitType?: ImpPermitType | null;
}

/** The key dates a file carries at its top level (the LMIA dates sit in its tfwp block). */
export const FILE_KEY_DATE_FIELDS = [
  'submittedOn',
  'biometricsDueOn',
  'medicalDueOn',
  'pflResponseDueOn',
  'decisionOn',
  'permitExpiresOn',
  'biometricsLetterOn',
  'medicalLetterOn',
  'pflLetterOn',
] as const;
export type FileKeyDateField = (typeof FILE_KEY_DATE_FIELDS)[number];

/** Key dates: calendar days (YYYY-MM-DD); null clears one. */
export type KeyDatesInput = { [K in FileKeyDateField]?: string | null };

export interface OpenFileInput extends KeyDatesInput {
  clientId: string;
  /** Defaults to the client's consultant, else the consultant opening the file. null: unassigned. */
  consultantId?: string | null;
  stream: WorkPermitStream;
  applicationType?: ApplicationType;
  employer?: EmployerInput | null;
  jobTitle?: string | null;
  nocCode?: string | null;
  province?: string | null;
  /** The CMA or municipality where the job is (ESDC's refused-CMA list is matched against it). */
  workLocation?: string | null;
  wage?: WageInput | null;
  irccApplicationNumber?: string | null;
  tfwp?: TfwpInput | null;
  imp?: ImpInput | null;
}

/** A partial change: absent fields stay, null clears. The stream cannot change; nor can the client. */
export type UpdateFileInput = Partial<Omit<OpenFileInput, 'clientId'>>;

export interface ListFilesQuery {
  limit: number;
  cursor?: string;
  q?: string;
  stream?: WorkPermitStream;
  status?: FileStatus;
  exemptionCode?: string;
  lmiaStream?: string;
  nocCode?: string;
  province?: string;
  consultantId?: string;
  clientId?: string;
  agreement?: FileAgreementState;
}

/**
 * Where a file stands on its service agreement (CICC Code s.24), as lists show and filter it: `none` (no live
 * agreement and no override), the live agreement's status, or `overridden` (an admin let the file go on
 * without a signed agreement).
 */
export const FILE_AGREEMENT_STATES = [
  'none',
  'draft',
  'sent',
  'client_signed',
  'signed',
  'overridden',
] as const;
export type FileAgreementState = (typeof FILE_AGREEMENT_STATES)[number];
