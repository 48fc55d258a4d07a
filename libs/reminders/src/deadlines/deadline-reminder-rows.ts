import type { StaffRole } from '@app/auth';
import type { DeadlineEntity, DeadlineSource } from '@app/work-permits';

/** What a deadline reminder email shows, read when it is sent. */
export interface DeadlineToRender {
  kind: DeadlineEntity['kind'];
  source: DeadlineSource;
  title: string;
  dueOn: string;
  completedAt: Date | null;
  fileId: string;
  fileNumber: string;
  clientName: string;
  /** Null when the recipient is not a user. */
  recipient: { email: string; name: string; role: StaffRole; languages: string[]; isActive: boolean } | null;
  /** The deadline's assignee, else its file's consultant; null when neither. */
  assigneeName: string | null;
}

/** DEADLINE_TO_RENDER's row: the deadline's, the file's and the client's columns, and the two users' (null when none). */
export interface DeadlineToRenderRow extends Omit<DeadlineToRender, 'clientName' | 'recipient'> {
  clientFirstName: string;
  clientLastName: string;
  recipientEmail: string | null;
  recipientName: string;
  recipientRole: StaffRole;
  recipientLanguages: string[];
  recipientActive: boolean;
}

/** The deadline, its file and client, the recipient: $1 the deadline's id, $2 the recipient's (a user id). */
export const DEADLINE_TO_RENDER = `
  SELECT d.kind, d.source, d.title, d.due_on::text AS "dueOn", d.completed_at AS "completedAt", d.file_id AS "fileId",
         f.file_number AS "fileNumber", c.first_name AS "clientFirstName", c.last_name AS "clientLastName",
         u.email AS "recipientEmail", u.name AS "recipientName", u.role AS "recipientRole",
         u.languages AS "recipientLanguages", u.is_active AS "recipientActive", a.name AS "assigneeName"
    FROM deadlines d
    JOIN work_permit_files f ON f.id = d.file_id
    JOIN clients c ON c.id = f.client_id
    LEFT JOIN users u ON u.id = $2
    LEFT JOIN users a ON a.id = COALESCE(d.assignee_id, f.consultant_id)
   WHERE d.id = $1`;

export function deadlineToRenderFromRow(row: DeadlineToRenderRow): DeadlineToRender {
  const {
    clientFirstName,
    clientLastName,
    recipientEmail,
    recipientName,
    recipientRole,
    recipientLanguages,
    recipientActive,
    ...deadline
  } = row;
  const user =
    recipientEmail === null
      ? null
      : {
          email: recipientEmail,
          name: recipientName,
          role: recipientRole,
          languages: recipientLanguages,
          isActive: recipientActive,
        };
  return { ...deadline, clientName: `${clientFirstName} ${clientLastName}`.trim(), recipient: user };
}

/** What planning a deadline's reminders reads of it and its file. */
export interface DeadlineForPlan {
  id: string;
  kind: DeadlineEntity['kind'];
  dueOn: string;
  assigneeId: string | null;
  completedAt: Date | null;
  consultantId: string | null;
}
