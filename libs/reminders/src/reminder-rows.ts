import { ReminderEntity, type ReminderStatus } from './entities/reminder.entity';

/**
 * A reminders row as `RETURNING ${REMINDER_COLUMNS}` gives it. Listed rather than `*`: a column added later must not
 * change the result of a statement already prepared on a pooled connection.
 */
export interface ReminderRow {
  id: string;
  subject_type: string;
  subject_id: string;
  offset_key: string;
  recipient: string;
  send_at: Date;
  status: ReminderStatus;
  attempts: number;
  last_error: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  message_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export const REMINDER_COLUMNS =
  'id, subject_type, subject_id, offset_key, recipient, send_at, status, attempts, last_error, claimed_at, sent_at, message_id, created_at, updated_at';

export function reminderFromRow(row: ReminderRow): ReminderEntity {
  return Object.assign(new ReminderEntity(), {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    offsetKey: row.offset_key,
    recipient: row.recipient,
    sendAt: row.send_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
