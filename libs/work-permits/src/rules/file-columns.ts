import type { WorkPermitFileEntity } from '../entities/work-permit-file.entity';
import { FILE_KEY_DATE_FIELDS, type UpdateFileInput } from '../work-permit-file.types';
import type { StreamColumns } from './stream-blocks';

/** The columns of a file a request can set directly (the stream blocks go through their own rules). */
export type FileColumns = Pick<
  WorkPermitFileEntity,
  | 'consultantId'
  | 'applicationType'
  | 'employerName'
  | 'employerBusinessNumber'
  | 'jobTitle'
  | 'nocCode'
  | 'province'
  | 'workLocation'
  | 'wage'
  | 'wagePeriod'
  | 'submittedOn'
  | 'biometricsDueOn'
  | 'medicalDueOn'
  | 'pflResponseDueOn'
  | 'decisionOn'
  | 'permitExpiresOn'
  | 'biometricsLetterOn'
  | 'medicalLetterOn'
  | 'pflLetterOn'
  | 'irccApplicationNumber'
>;

/** Columns whose change moves the file's deadlines. */
export const DATE_COLUMNS: readonly (keyof WorkPermitFileEntity)[] = [
  ...FILE_KEY_DATE_FIELDS,
  'lmiaIssuedOn',
  'lmiaExpiresOn',
];

function text(value: string | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : value.trim().replace(/\s+/g, ' ');
}

/**
 * The columns a request sets, and only those: absent fields are left out, null clears. Text is trimmed and
 * its inner spaces collapsed; the wage is stored as numeric(10, 2) text.
 */
export function columnsFromInput(input: UpdateFileInput): Partial<FileColumns> {
  const columns: Partial<FileColumns> = {};
  if (input.consultantId !== undefined) {
    columns.consultantId = input.consultantId;
  }
  if (input.applicationType !== undefined) {
    columns.applicationType = input.applicationType;
  }
  if (input.employer === null) {
    columns.employerName = null;
    columns.employerBusinessNumber = null;
  } else if (input.employer !== undefined) {
    if (input.employer.name !== undefined) {
      columns.employerName = text(input.employer.name);
    }
    if (input.employer.businessNumber !== undefined) {
      columns.employerBusinessNumber = input.employer.businessNumber;
    }
  }
  if (input.jobTitle !== undefined) {
    columns.jobTitle = text(input.jobTitle);
  }
  if (input.nocCode !== undefined) {
    columns.nocCode = input.nocCode;
  }
  if (input.province !== undefined) {
    columns.province = input.province;
  }
  if (input.workLocation !== undefined) {
    columns.workLocation = text(input.workLocation);
  }
  if (input.wage === null) {
    columns.wage = null;
    columns.wagePeriod = null;
  } else if (input.wage !== undefined) {
    columns.wage = input.wage.amount.toFixed(2);
    columns.wagePeriod = input.wage.period;
  }
  for (const field of FILE_KEY_DATE_FIELDS) {
    if (input[field] !== undefined) {
      columns[field] = input[field];
    }
  }
  if (input.irccApplicationNumber !== undefined) {
    columns.irccApplicationNumber = input.irccApplicationNumber;
  }
  return columns;
}

export function streamColumnsOf(file: StreamColumns): StreamColumns {
  return {
    lmiaStream: file.lmiaStream,
    lmiaStatus: file.lmiaStatus,
    lmiaNumber: file.lmiaNumber,
    lmiaIssuedOn: file.lmiaIssuedOn,
    lmiaExpiresOn: file.lmiaExpiresOn,
    exemptionCode: file.exemptionCode,
    impPermitType: file.impPermitType,
    offerOfEmploymentNumber: file.offerOfEmploymentNumber,
    complianceFeePaid: file.complianceFeePaid,
  };
}
