import type { UserEntity } from '@app/auth';
import type { ClientEntity, PreferredLanguage } from '@app/clients';
import { consultationTypeFromRow, type ConsultationTypeRow } from './consultation-type-rows';
import type { ConsultationMode } from './entities/consultation-mode';
import type { ConsultationEntity, ConsultationStatus } from './entities/consultation.entity';
import type { Prescreen } from './rules/prescreen';

/*
 * A consultation as every booking, move, cancellation, reminder and list reads it, written by hand with its mapper
 * (TypeORM built and hydrated the four-table join anew for every call): the consultation's own columns, and with
 * its details the consultant's, the client's and the type's that its emails and answers show.
 */

/** The consultations columns, in the order of the table. */
export const CONSULTATION_COLUMNS = `id, consultant_id, client_id, type_id, starts_at, ends_at, blocked_from, blocked_until,
       mode, status, client_timezone, language, topic, prescreen, is_urgent, notes, manage_token_hash, sequence,
       booked_by_id, cancelled_at, file_id, created_at, updated_at, hold_expires_at, confirmed_at`;

/** A consultations row, as pg returns it. */
export interface ConsultationRow {
  id: string;
  consultant_id: string;
  client_id: string;
  type_id: string;
  starts_at: Date;
  ends_at: Date;
  blocked_from: Date;
  blocked_until: Date;
  mode: ConsultationMode;
  status: ConsultationStatus;
  client_timezone: string;
  language: PreferredLanguage;
  topic: string | null;
  prescreen: Prescreen | null;
  is_urgent: boolean;
  notes: string | null;
  manage_token_hash: string | null;
  sequence: number;
  booked_by_id: string | null;
  cancelled_at: Date | null;
  file_id: string | null;
  created_at: Date;
  updated_at: Date;
  hold_expires_at: Date | null;
  confirmed_at: Date | null;
}

/** The consultation alone: its relations are not loaded (as TypeORM leaves them after an insert). */
export function consultationFromRow(row: ConsultationRow): ConsultationEntity {
  return {
    id: row.id,
    consultantId: row.consultant_id,
    clientId: row.client_id,
    typeId: row.type_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    blockedFrom: row.blocked_from,
    blockedUntil: row.blocked_until,
    mode: row.mode,
    status: row.status,
    clientTimezone: row.client_timezone,
    language: row.language,
    topic: row.topic,
    prescreen: row.prescreen,
    isUrgent: row.is_urgent,
    notes: row.notes,
    manageTokenHash: row.manage_token_hash,
    sequence: row.sequence,
    bookedById: row.booked_by_id,
    cancelledAt: row.cancelled_at,
    fileId: row.file_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    holdExpiresAt: row.hold_expires_at,
    confirmedAt: row.confirmed_at,
  } as ConsultationEntity;
}

/**
 * The consultation (alias c) with its consultant (u), client (cl) and type (ty); the callers add the WHERE, the
 * order and the limit.
 */
export const CONSULTATION_WITH_DETAILS = `SELECT c.id, c.consultant_id, c.client_id, c.type_id, c.starts_at, c.ends_at,
       c.blocked_from, c.blocked_until, c.mode, c.status, c.client_timezone, c.language, c.topic, c.prescreen,
       c.is_urgent, c.notes, c.manage_token_hash, c.sequence, c.booked_by_id, c.cancelled_at, c.file_id, c.created_at,
       c.updated_at, c.hold_expires_at, c.confirmed_at,
       u.name AS u_name, u.email AS u_email, u.timezone AS u_timezone, u.languages AS u_languages,
       cl.first_name AS cl_first_name, cl.last_name AS cl_last_name, cl.email AS cl_email, cl.phone AS cl_phone,
       cl.preferred_language AS cl_preferred_language, cl.consultant_id AS cl_consultant_id,
       cl.is_prospect AS cl_is_prospect, cl.archived_at AS cl_archived_at,
       ty.name AS ty_name, ty.name_fr AS ty_name_fr, ty.duration_minutes AS ty_duration_minutes,
       ty.description AS ty_description, ty.description_fr AS ty_description_fr, ty.mode AS ty_mode,
       ty.price_cents AS ty_price_cents, ty.is_active AS ty_is_active, ty.video_link AS ty_video_link,
       ty.phone_number AS ty_phone_number, ty.office_address AS ty_office_address, ty.created_at AS ty_created_at,
       ty.updated_at AS ty_updated_at
  FROM consultations c
  JOIN users u ON u.id = c.consultant_id
  JOIN clients cl ON cl.id = c.client_id
  JOIN consultation_types ty ON ty.id = c.type_id`;

/** One consultation by id ($1), if the scope may see it ($2: the consultant it is limited to, or null). */
export const VISIBLE_CONSULTATION = `${CONSULTATION_WITH_DETAILS}
 WHERE c.id = $1 AND ($2::uuid IS NULL OR c.consultant_id = $2)`;

/** The booked consultation whose manage token hashes to $1. */
export const BOOKED_CONSULTATION_BY_TOKEN_HASH = `${CONSULTATION_WITH_DETAILS}
 WHERE c.manage_token_hash = $1 AND c.status = 'booked'`;

/** A row of CONSULTATION_WITH_DETAILS. */
export interface ConsultationDetailsRow extends ConsultationRow {
  u_name: string;
  u_email: string;
  u_timezone: string;
  u_languages: string[];
  cl_first_name: string;
  cl_last_name: string;
  cl_email: string | null;
  cl_phone: string | null;
  cl_preferred_language: PreferredLanguage;
  cl_consultant_id: string | null;
  cl_is_prospect: boolean;
  cl_archived_at: Date | null;
  ty_name: string;
  ty_name_fr: string;
  ty_duration_minutes: number;
  ty_description: string | null;
  ty_description_fr: string | null;
  ty_mode: ConsultationMode;
  ty_price_cents: number | null;
  ty_is_active: boolean;
  ty_video_link: string | null;
  ty_phone_number: string | null;
  ty_office_address: string | null;
  ty_created_at: Date;
  ty_updated_at: Date;
}

/** The consultation with the parts of its consultant and client that were read, and its whole type. */
export function consultationWithDetailsFromRow(row: ConsultationDetailsRow): ConsultationEntity {
  const consultation = consultationFromRow(row);
  consultation.consultant = {
    id: row.consultant_id,
    name: row.u_name,
    email: row.u_email,
    timezone: row.u_timezone,
    languages: row.u_languages,
  } as UserEntity;
  consultation.client = {
    id: row.client_id,
    firstName: row.cl_first_name,
    lastName: row.cl_last_name,
    email: row.cl_email,
    phone: row.cl_phone,
    preferredLanguage: row.cl_preferred_language,
    consultantId: row.cl_consultant_id,
    isProspect: row.cl_is_prospect,
    archivedAt: row.cl_archived_at,
  } as ClientEntity;
  const type: ConsultationTypeRow = {
    id: row.type_id,
    name: row.ty_name,
    name_fr: row.ty_name_fr,
    duration_minutes: row.ty_duration_minutes,
    description: row.ty_description,
    description_fr: row.ty_description_fr,
    mode: row.ty_mode,
    price_cents: row.ty_price_cents,
    is_active: row.ty_is_active,
    video_link: row.ty_video_link,
    phone_number: row.ty_phone_number,
    office_address: row.ty_office_address,
    created_at: row.ty_created_at,
    updated_at: row.ty_updated_at,
  };
  consultation.type = consultationTypeFromRow(type);
  return consultation;
}
