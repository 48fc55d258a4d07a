import type { DeadlineKind, DeadlineOfFile, DeadlineSource } from './deadline.entity';
import { isOverdueOn } from './rules/today';

/** One file's deadlines by day, with the file number and the client's name (due_on as YYYY-MM-DD text). */
export const DEADLINES_OF_FILE = `SELECT d.id, d.file_id, d.kind, d.source, d.document_id, d.title, d.notes,
  to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.assignee_id, d.completed_at, d.completed_by_id, d.created_at, d.updated_at,
  f.file_number, c.first_name AS client_first_name, c.last_name AS client_last_name
FROM deadlines d
JOIN work_permit_files f ON f.id = d.file_id
JOIN clients c ON c.id = f.client_id
WHERE d.file_id = $1
ORDER BY d.due_on ASC, d.id ASC`;

/** A row of DEADLINES_OF_FILE, as pg returns it. */
export interface DeadlineOfFileRow {
  id: string;
  file_id: string;
  kind: DeadlineKind;
  source: DeadlineSource;
  document_id: string | null;
  title: string;
  notes: string | null;
  due_on: string;
  assignee_id: string | null;
  completed_at: Date | null;
  completed_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  file_number: string;
  client_first_name: string;
  client_last_name: string;
}

/** The deadline as lists show it; `today` is the firm's calendar day (overdue: open and due before it). */
export function deadlineOfFileFromRow(row: DeadlineOfFileRow, today: string): DeadlineOfFile {
  return {
    id: row.id,
    fileId: row.file_id,
    kind: row.kind,
    source: row.source,
    documentId: row.document_id,
    title: row.title,
    notes: row.notes,
    dueOn: row.due_on,
    assigneeId: row.assignee_id,
    completedAt: row.completed_at,
    completedById: row.completed_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    fileNumber: row.file_number,
    clientName: `${row.client_first_name} ${row.client_last_name}`.trim(),
    isOverdue: isOverdueOn({ dueOn: row.due_on, completedAt: row.completed_at }, today),
  };
}
