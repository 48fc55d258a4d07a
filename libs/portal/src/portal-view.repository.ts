import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  portalConsultationFromRow,
  portalDeadlineFromRow,
  portalDocumentFromRow,
  portalFileFromRow,
  portalMeFromRow,
  type PortalConsultation,
  type PortalConsultationRow,
  type PortalDeadlineRecord,
  type PortalDeadlineRow,
  type PortalDocument,
  type PortalDocumentRow,
  type PortalFileRecord,
  type PortalFileRow,
  type PortalMe,
  type PortalMeRow,
} from './portal-view-rows';
import { CLIENT_DEADLINE_KINDS } from './rules/client-view';

// Calendar days as text (YYYY-MM-DD), as the rest of the API writes them; unread_messages counts the firm's
// messages newer than the client's read marker. The file's live agreement comes along once it was sent (a file has
// at most one live version, so the join adds no rows; drafts never show).
const FILE_SELECT = `SELECT f.id, f.file_number, f.stream, f.application_type, f.status,
  f.submitted_on::text AS submitted_on, f.biometrics_due_on::text AS biometrics_due_on,
  f.medical_due_on::text AS medical_due_on, f.pfl_response_due_on::text AS pfl_response_due_on,
  f.decision_on::text AS decision_on, f.permit_expires_on::text AS permit_expires_on,
  u.name AS consultant_name, a.id AS agreement_id, a.status::text AS agreement_status, a.version AS agreement_version,
  (SELECT count(*)::int FROM file_messages m
   LEFT JOIN file_message_reads r ON r.file_id = f.id AND r.client_id = f.client_id
   WHERE m.file_id = f.id AND m.author_user_id IS NOT NULL
     AND m.created_at > coalesce(r.read_up_to, '-infinity')) AS unread_messages
FROM work_permit_files f LEFT JOIN users u ON u.id = f.consultant_id
LEFT JOIN agreements a ON a.file_id = f.id AND a.client_id = f.client_id
  AND a.status IN ('sent', 'client_signed', 'signed')`;

/**
 * The portal's read model over the client's own records (files, their deadlines, consultations). A read model in
 * SQL over other features' tables, as timelines and reports are: every statement takes the signed-in client's id
 * and filters by it, so a record of another client cannot come back whatever id is asked for.
 */
@Injectable()
export class PortalViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findMe(clientId: string): Promise<PortalMe | null> {
    const rows: PortalMeRow[] = await this.dataSource.query(
      `SELECT c.id, c.first_name, c.last_name, c.email, c.preferred_language, u.name AS consultant_name
       FROM clients c LEFT JOIN users u ON u.id = c.consultant_id
       WHERE c.id = $1 AND c.archived_at IS NULL`,
      [clientId],
    );
    return rows.length > 0 ? portalMeFromRow(rows[0]) : null;
  }

  /** The client's files, newest first. */
  async listFiles(clientId: string): Promise<PortalFileRecord[]> {
    const rows: PortalFileRow[] = await this.dataSource.query(
      `${FILE_SELECT}\nWHERE f.client_id = $1\nORDER BY f.created_at DESC, f.id DESC`,
      [clientId],
    );
    return rows.map(portalFileFromRow);
  }

  async findFile(clientId: string, fileId: string): Promise<PortalFileRecord | null> {
    const rows: PortalFileRow[] = await this.dataSource.query(
      `${FILE_SELECT}\nWHERE f.id = $1 AND f.client_id = $2`,
      [fileId, clientId],
    );
    return rows.length > 0 ? portalFileFromRow(rows[0]) : null;
  }

  /** The open deadlines of the client's file that concern the client (by kind), soonest first. */
  async listClientDeadlines(clientId: string, fileId: string): Promise<PortalDeadlineRecord[]> {
    const rows: PortalDeadlineRow[] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.due_on::text AS due_on
       FROM deadlines d JOIN work_permit_files f ON f.id = d.file_id
       WHERE d.file_id = $1 AND f.client_id = $2 AND d.completed_at IS NULL AND d.kind::text = ANY($3::text[])
       ORDER BY d.due_on, d.id`,
      [fileId, clientId, [...CLIENT_DEADLINE_KINDS]],
    );
    return rows.map(portalDeadlineFromRow);
  }

  /** The client's documents on one of their files that are neither deleted nor purged, newest first. */
  async listDocuments(clientId: string, fileId: string): Promise<PortalDocument[]> {
    const rows: PortalDocumentRow[] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.title, d.original_name, d.content_type, d.size, d.version, d.status, d.review_reason,
         (d.uploaded_by_client_id IS NOT NULL) AS uploaded_by_client, d.created_at
       FROM documents d JOIN work_permit_files f ON f.id = d.file_id
       WHERE d.file_id = $1 AND f.client_id = $2 AND d.client_id = $2
         AND d.deleted_at IS NULL AND d.purged_at IS NULL
       ORDER BY d.created_at DESC, d.id DESC`,
      [fileId, clientId],
    );
    return rows.map(portalDocumentFromRow);
  }

  /** The client's consultations (unconfirmed holds left out), latest first. */
  async listConsultations(clientId: string): Promise<PortalConsultation[]> {
    const rows: PortalConsultationRow[] = await this.dataSource.query(
      `SELECT c.id, c.starts_at, c.ends_at, c.mode, c.status, t.name AS type_name, t.name_fr AS type_name_fr,
         u.name AS consultant_name, c.client_timezone,
         (c.manage_token_hash IS NOT NULL AND c.status = 'booked') AS has_manage_link
       FROM consultations c
       JOIN consultation_types t ON t.id = c.type_id
       JOIN users u ON u.id = c.consultant_id
       WHERE c.client_id = $1 AND c.hold_expires_at IS NULL
       ORDER BY c.starts_at DESC, c.id DESC`,
      [clientId],
    );
    return rows.map(portalConsultationFromRow);
  }
}
