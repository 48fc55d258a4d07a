import type { FileDates, PortalFileStatus } from './rules/client-view';

/** The signed-in client as the portal shows them to themselves. */
export interface PortalMe {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  preferredLanguage: 'en' | 'fr';
  consultantName: string | null;
}

export interface PortalMeRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  preferred_language: 'en' | 'fr';
  consultant_name: string | null;
}

export function portalMeFromRow(row: PortalMeRow): PortalMe {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    preferredLanguage: row.preferred_language,
    consultantName: row.consultant_name,
  };
}

/** A file's columns a client may see: never notes, employer details, fees or staff beyond the consultant's name. */
export interface PortalFileRecord extends FileDates {
  id: string;
  fileNumber: string;
  stream: string;
  applicationType: string;
  status: PortalFileStatus;
  consultantName: string | null;
}

export interface PortalFileRow {
  id: string;
  file_number: string;
  stream: string;
  application_type: string;
  status: PortalFileStatus;
  submitted_on: string | null;
  biometrics_due_on: string | null;
  medical_due_on: string | null;
  pfl_response_due_on: string | null;
  decision_on: string | null;
  permit_expires_on: string | null;
  consultant_name: string | null;
}

export function portalFileFromRow(row: PortalFileRow): PortalFileRecord {
  return {
    id: row.id,
    fileNumber: row.file_number,
    stream: row.stream,
    applicationType: row.application_type,
    status: row.status,
    submittedOn: row.submitted_on,
    biometricsDueOn: row.biometrics_due_on,
    medicalDueOn: row.medical_due_on,
    pflResponseDueOn: row.pfl_response_due_on,
    decisionOn: row.decision_on,
    permitExpiresOn: row.permit_expires_on,
    consultantName: row.consultant_name,
  };
}

export interface PortalDeadlineRecord {
  id: string;
  kind: string;
  dueOn: string;
}

export interface PortalDeadlineRow {
  id: string;
  kind: string;
  due_on: string;
}

export function portalDeadlineFromRow(row: PortalDeadlineRow): PortalDeadlineRecord {
  return { id: row.id, kind: row.kind, dueOn: row.due_on };
}

export interface PortalConsultation {
  id: string;
  startsAt: Date;
  endsAt: Date;
  mode: string;
  status: string;
  typeName: string;
  typeNameFr: string;
  consultantName: string;
  timezone: string;
  /** Whether the client's manage link (in their booking email) still lets them reschedule or cancel. */
  hasManageLink: boolean;
}

export interface PortalConsultationRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  mode: string;
  status: string;
  type_name: string;
  type_name_fr: string;
  consultant_name: string;
  client_timezone: string;
  has_manage_link: boolean;
}

export function portalConsultationFromRow(row: PortalConsultationRow): PortalConsultation {
  return {
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    mode: row.mode,
    status: row.status,
    typeName: row.type_name,
    typeNameFr: row.type_name_fr,
    consultantName: row.consultant_name,
    timezone: row.client_timezone,
    hasManageLink: row.has_manage_link,
  };
}
