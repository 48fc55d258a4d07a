/**
 * How many messages from the client each file of `$1` (uuid[]) holds that staff member `$2` has not read, in one
 * statement for a page of files (the files list; bench/api/bare-server.ts runs the same text).
 */
export const UNREAD_MESSAGES_OF_FILES = `SELECT f.id, count(m.id)::int AS unread
FROM unnest($1::uuid[]) AS f(id)
LEFT JOIN file_message_reads r ON r.file_id = f.id AND r.user_id = $2
LEFT JOIN file_messages m ON m.file_id = f.id AND m.author_client_id IS NOT NULL
  AND m.created_at > coalesce(r.read_up_to, '-infinity')
GROUP BY f.id`;

/** A row of UNREAD_MESSAGES_OF_FILES. */
export interface UnreadMessagesRow {
  id: string;
  unread: number;
}

/** A document sent with a message, as both sides see it. */
export interface MessageAttachment {
  id: string;
  title: string | null;
  originalName: string;
  contentType: string;
  size: number;
}

export interface MessageRow {
  id: string;
  file_id: string;
  author_user_id: string | null;
  author_client_id: string | null;
  body_encrypted: string;
  created_at: Date;
  author_user_name: string | null;
  client_first_name: string;
  client_last_name: string;
  by_consultant: boolean;
  attachments: {
    id: string;
    title: string | null;
    originalName: string;
    contentType: string;
    size: string | number;
  }[];
}

/** A message as read from the database, its body still encrypted. */
export interface StoredMessage {
  id: string;
  fileId: string;
  authorUserId: string | null;
  authorClientId: string | null;
  /** The staff author's name (null when the client wrote it). */
  authorUserName: string | null;
  clientName: string;
  /** Whether the staff author is the file's assigned consultant. */
  byConsultant: boolean;
  bodyEncrypted: string;
  attachments: MessageAttachment[];
  createdAt: Date;
}

export function storedMessageFromRow(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    fileId: row.file_id,
    authorUserId: row.author_user_id,
    authorClientId: row.author_client_id,
    authorUserName: row.author_user_name,
    clientName: `${row.client_first_name} ${row.client_last_name}`,
    byConsultant: row.by_consultant,
    bodyEncrypted: row.body_encrypted,
    attachments: row.attachments.map((a) => ({ ...a, size: Number(a.size) })),
    createdAt: row.created_at,
  };
}

/** A file in the staff inbox: it holds messages from the client the reader has not read. */
export interface InboxItem {
  fileId: string;
  fileNumber: string;
  clientId: string;
  clientName: string;
  consultantName: string | null;
  unreadMessages: number;
  /** When the newest unread message was written. */
  lastMessageAt: Date;
}

export interface InboxRow {
  file_id: string;
  file_number: string;
  client_id: string;
  client_first_name: string;
  client_last_name: string;
  consultant_name: string | null;
  unread: number;
  last_at: Date;
}

export function inboxItemFromRow(row: InboxRow): InboxItem {
  return {
    fileId: row.file_id,
    fileNumber: row.file_number,
    clientId: row.client_id,
    clientName: `${row.client_first_name} ${row.client_last_name}`,
    consultantName: row.consultant_name,
    unreadMessages: row.unread,
    lastMessageAt: row.last_at,
  };
}
