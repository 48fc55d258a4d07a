import type { UserEntity } from '@app/auth';
import type { ClientEntity, StatusInCanada } from '@app/clients';
import type { WagePeriod } from './rules/formats';
import type {
  ApplicationType,
  FileStatus,
  LmiaStatus,
  WorkPermitFileEntity,
  WorkPermitStream,
} from './entities/work-permit-file.entity';
import type { ImpPermitType } from './work-permit-file.types';

/**
 * A file's columns with its client's and consultant's names, for the hand-written read queries. Calendar days
 * come as YYYY-MM-DD text (as TypeORM hydrates `date` columns), timestamps as Dates, the wage as numeric text.
 */
export const FILE_WITH_PEOPLE_FROM = `SELECT f.id, f.file_number, f.client_id, f.consultant_id, f.stream, f.application_type, f.status,
  f.employer_name, f.employer_business_number, f.job_title, f.noc_code, f.province, f.work_location, f.wage, f.wage_period,
  to_char(f.submitted_on, 'YYYY-MM-DD') AS submitted_on,
  to_char(f.biometrics_due_on, 'YYYY-MM-DD') AS biometrics_due_on,
  to_char(f.medical_due_on, 'YYYY-MM-DD') AS medical_due_on,
  to_char(f.pfl_response_due_on, 'YYYY-MM-DD') AS pfl_response_due_on,
  to_char(f.biometrics_letter_on, 'YYYY-MM-DD') AS biometrics_letter_on,
  to_char(f.medical_letter_on, 'YYYY-MM-DD') AS medical_letter_on,
  to_char(f.pfl_letter_on, 'YYYY-MM-DD') AS pfl_letter_on,
  to_char(f.decision_on, 'YYYY-MM-DD') AS decision_on,
  to_char(f.permit_expires_on, 'YYYY-MM-DD') AS permit_expires_on,
  f.ircc_application_number, f.lmia_stream, f.lmia_status, f.lmia_number,
  to_char(f.lmia_issued_on, 'YYYY-MM-DD') AS lmia_issued_on,
  to_char(f.lmia_expires_on, 'YYYY-MM-DD') AS lmia_expires_on,
  f.exemption_code, f.imp_permit_type, f.offer_of_employment_number, f.compliance_fee_paid, f.consultation_id,
  f.created_by_id, f.created_at, f.updated_at,
  c.first_name AS client_first_name, c.last_name AS client_last_name, c.status_in_canada AS client_status_in_canada,
  u.name AS consultant_name
FROM work_permit_files f
JOIN clients c ON c.id = f.client_id
LEFT JOIN users u ON u.id = f.consultant_id`;

/** A row of FILE_WITH_PEOPLE_FROM, as pg returns it. */
export interface FileWithPeopleRow {
  id: string;
  file_number: string;
  client_id: string;
  consultant_id: string | null;
  stream: WorkPermitStream;
  application_type: ApplicationType;
  status: FileStatus;
  employer_name: string | null;
  employer_business_number: string | null;
  job_title: string | null;
  noc_code: string | null;
  province: string | null;
  work_location: string | null;
  wage: string | null;
  wage_period: WagePeriod | null;
  submitted_on: string | null;
  biometrics_due_on: string | null;
  medical_due_on: string | null;
  pfl_response_due_on: string | null;
  biometrics_letter_on: string | null;
  medical_letter_on: string | null;
  pfl_letter_on: string | null;
  decision_on: string | null;
  permit_expires_on: string | null;
  ircc_application_number: string | null;
  lmia_stream: string | null;
  lmia_status: LmiaStatus | null;
  lmia_number: string | null;
  lmia_issued_on: string | null;
  lmia_expires_on: string | null;
  exemption_code: string | null;
  imp_permit_type: ImpPermitType | null;
  offer_of_employment_number: string | null;
  compliance_fee_paid: boolean | null;
  consultation_id: string | null;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  client_first_name: string;
  client_last_name: string;
  client_status_in_canada: StatusInCanada;
  consultant_name: string | null;
}

/** What the read queries load of a file: every column, and the client's and consultant's names. */
type FileWithPeople = Omit<WorkPermitFileEntity, 'client' | 'consultant' | 'createdBy'> & {
  client: Pick<ClientEntity, 'id' | 'firstName' | 'lastName' | 'statusInCanada'>;
  consultant: Pick<UserEntity, 'id' | 'name'> | null;
};

/**
 * The file as the query builder hydrated it: every column, the client with its id, names and status in Canada
 * (the checklist depends on it), the consultant with id and name (null when unassigned); createdBy is not loaded.
 */
export function fileFromRow(row: FileWithPeopleRow): WorkPermitFileEntity {
  const file: FileWithPeople = {
    id: row.id,
    fileNumber: row.file_number,
    clientId: row.client_id,
    client: {
      id: row.client_id,
      firstName: row.client_first_name,
      lastName: row.client_last_name,
      statusInCanada: row.client_status_in_canada,
    },
    consultantId: row.consultant_id,
    consultant:
      row.consultant_id !== null && row.consultant_name !== null
        ? { id: row.consultant_id, name: row.consultant_name }
        : null,
    stream: row.stream,
    applicationType: row.application_type,
    status: row.status,
    employerName: row.employer_name,
    employerBusinessNumber: row.employer_business_number,
    jobTitle: row.job_title,
    nocCode: row.noc_code,
    province: row.province,
    workLocation: row.work_location,
    wage: row.wage,
    wagePeriod: row.wage_period,
    submittedOn: row.submitted_on,
    biometricsDueOn: row.biometrics_due_on,
    medicalDueOn: row.medical_due_on,
    pflResponseDueOn: row.pfl_response_due_on,
    decisionOn: row.decision_on,
    permitExpiresOn: row.permit_expires_on,
    biometricsLetterOn: row.biometrics_letter_on,
    medicalLetterOn: row.medical_letter_on,
    pflLetterOn: row.pfl_letter_on,
    irccApplicationNumber: row.ircc_application_number,
    lmiaStream: row.lmia_stream,
    lmiaStatus: row.lmia_status,
    lmiaNumber: row.lmia_number,
    lmiaIssuedOn: row.lmia_issued_on,
    lmiaExpiresOn: row.lmia_expires_on,
    exemptionCode: row.exemption_code,
    impPermitType: row.imp_permit_type,
    offerOfEmploymentNumber: row.offer_of_employment_number,
    complianceFeePaid: row.compliance_fee_paid,
    consultationId: row.consultation_id,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  // The joined client and consultant are partial entities, as the query builder's were.
  return file as WorkPermitFileEntity;
}
