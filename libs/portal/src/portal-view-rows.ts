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

/** Where the file's service agreement stands for the client: sent to sign, signed by them, or by both. */
export interface PortalFileAgreement {
  id: string;
  status: 'sent' | 'client_signed' | 'signed';
  version: number;
}

/** A file's columns a client may see: never notes, employer details, fees or staff beyond the consultant's name. */
export interface PortalFileRecord extends FileDates {
  id: string;
  fileNumber: string;
  stream: string;
  applicationType: string;
  status: PortalFileStatus;
  consultantName: string | null;
  /** Messages from the firm the client has not read. */
  unreadMessages: number;
  /** The live agreement once sent to the client; null before (a draft is the firm's own). */
  agreement: PortalFileAgreement | null;
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
  unread_messages: number;
  agreement_id: string | null;
  agreement_status: PortalFileAgreement['status'] | null;
  agreement_version: number | null;
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
    unreadMessages: row.unread_messages,
    agreement:
      row.agreement_id && row.agreement_status && row.agreement_version !== null
        ? { id: row.agreement_id, status: row.agreement_status, version: row.agreement_version }
        : null,
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

/** One of the client's documents as the portal lists it: no storage, keys, hashes or reviewer. */
export interface PortalDocument {
  id: string;
  kind: string;
  title: string;
  originalName: string;
  contentType: string;
  size: number;
  version: number;
  status: 'pending_review' | 'accepted' | 'rejected';
  /** Why it was rejected; null unless rejected (a note on an acceptance stays with the firm). */
  rejectionReason: string | null;
  /** Whether the client uploaded it in the portal (else the firm did). */
  uploadedByClient: boolean;
  uploadedAt: Date;
}

export interface PortalDocumentRow {
  id: string;
  kind: string;
  title: string;
  original_name: string;
  content_type: string;
  size: string;
  version: number;
  status: 'pending_review' | 'accepted' | 'rejected';
  review_reason: string | null;
  uploaded_by_client: boolean;
  created_at: Date;
}

export function portalDocumentFromRow(row: PortalDocumentRow): PortalDocument {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    originalName: row.original_name,
    contentType: row.content_type,
    size: Number(row.size),
    version: row.version,
    status: row.status,
    rejectionReason: row.status === 'rejected' ? row.review_reason : null,
    uploadedByClient: row.uploaded_by_client,
    uploadedAt: row.created_at,
  };
}
