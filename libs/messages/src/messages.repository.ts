import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { encryptedColumnOf, type EncryptedColumn } from '@app/shared';
import {
  inboxItemFromRow,
  storedMessageFromRow,
  UNREAD_MESSAGES_OF_FILES,
  type InboxItem,
  type InboxRow,
  type MessageRow,
  type StoredMessage,
  type UnreadMessagesRow,
} from './message-rows';
import { FileMessageEntity } from './entities/file-message.entity';

const ATTACHMENTS = `coalesce((SELECT json_agg(json_build_object('id', d.id, 'title', d.title,
    'originalName', d.original_name, 'contentType', d.content_type, 'size', d.size) ORDER BY d.created_at, d.id)
  FROM file_message_attachments a JOIN documents d ON d.id = a.document_id
  WHERE a.message_id = m.id AND d.deleted_at IS NULL AND d.purged_at IS NULL), '[]'::json) AS attachments`;

function messagesWhere(where: string): string {
  return `SELECT m.id, m.file_id, m.author_user_id, m.author_client_id, m.body_encrypted, m.created_at,
  u.name AS author_user_name, c.first_name AS client_first_name, c.last_name AS client_last_name,
  (m.author_user_id IS NOT NULL AND m.author_user_id = f.consultant_id) AS by_consultant,
  ${ATTACHMENTS}
FROM file_messages m
JOIN work_permit_files f ON f.id = m.file_id
JOIN clients c ON c.id = m.client_id
LEFT JOIN users u ON u.id = m.author_user_id
WHERE ${where}`;
}

/** After the cursor ($2 created_at, $3 id; both null for the first page), newest first, `$4` rows. */
const PAGE = `AND ($2::timestamptz IS NULL OR (m.created_at, m.id) < ($2::timestamptz, $3::uuid))
ORDER BY m.created_at DESC, m.id DESC
LIMIT $4`;
/** A page of a file's thread, for staff who may see the file. */
const STAFF_THREAD = messagesWhere(`m.file_id = $1 ${PAGE}`);
/** A page of a file's thread for the portal: the file and its messages must be the client's ($5). */
const CLIENT_THREAD = messagesWhere(`m.file_id = $1 AND f.client_id = $5 AND m.client_id = $5 ${PAGE}`);
const MESSAGE_BY_ID = messagesWhere('m.id = $1');

/** Every query of messages: threads, read markers, unread counts and the staff inbox. */
@Injectable()
export class MessagesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(FileMessageEntity) private readonly messages: Repository<FileMessageEntity>,
  ) {}

  async thread(
    fileId: string,
    after: { createdAt: string; id: string } | null,
    limit: number,
    clientId?: string,
  ): Promise<StoredMessage[]> {
    const params: unknown[] = [fileId, after?.createdAt ?? null, after?.id ?? null, limit];
    const rows: MessageRow[] = await this.dataSource.query(
      clientId === undefined ? STAFF_THREAD : CLIENT_THREAD,
      clientId === undefined ? params : [...params, clientId],
    );
    return rows.map(storedMessageFromRow);
  }

  async findById(id: string): Promise<StoredMessage> {
    const rows: MessageRow[] = await this.dataSource.query(MESSAGE_BY_ID, [id]);
    return storedMessageFromRow(rows[0]);
  }

  async insert(
    manager: EntityManager,
    values: {
      fileId: string;
      clientId: string;
      authorUserId: string | null;
      authorClientId: string | null;
      bodyEncrypted: string;
      createdAt: Date;
      documentIds: string[];
    },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO file_messages (file_id, client_id, author_user_id, author_client_id, body_encrypted, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        values.fileId,
        values.clientId,
        values.authorUserId,
        values.authorClientId,
        values.bodyEncrypted,
        values.createdAt,
      ],
    );
    if (values.documentIds.length > 0) {
      await manager.query(
        `INSERT INTO file_message_attachments (message_id, document_id) SELECT $1, unnest($2::uuid[])`,
        [id, values.documentIds],
      );
    }
    return id;
  }

  /**
   * Of `documentIds`, those that are live documents of the file (and, with `uploadedByClientId`, that this client
   * uploaded): the ones a message may carry.
   */
  async attachableDocuments(
    fileId: string,
    documentIds: string[],
    uploadedByClientId: string | null,
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM documents d
       WHERE d.id = ANY($1::uuid[]) AND d.file_id = $2 AND d.deleted_at IS NULL AND d.purged_at IS NULL
         AND ($3::uuid IS NULL OR d.uploaded_by_client_id = $3::uuid)`,
      [documentIds, fileId, uploadedByClientId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Moves a reader's marker up to `upTo` (the newest message they were shown), never backwards: a message that
   * arrives meanwhile stays unread. `reader` is a staff member's id or the client's.
   */
  async markRead(
    reader: { userId: string } | { clientId: string },
    fileId: string,
    upTo: Date,
    manager?: EntityManager,
  ): Promise<void> {
    const isStaff = 'userId' in reader;
    const column = isStaff ? 'user_id' : 'client_id';
    await (manager ?? this.dataSource).query(
      `INSERT INTO file_message_reads (file_id, ${column}, read_up_to) VALUES ($1, $2, $3)
       ON CONFLICT (file_id, ${column})
       DO UPDATE SET read_up_to = greatest(file_message_reads.read_up_to, excluded.read_up_to)`,
      [fileId, isStaff ? reader.userId : reader.clientId, upTo],
    );
  }

  /** Unread client messages per file for one staff member: one statement for a whole page of files. */
  async unreadForStaff(fileIds: readonly string[], userId: string): Promise<Map<string, number>> {
    if (fileIds.length === 0) {
      return new Map();
    }
    const rows: UnreadMessagesRow[] = await this.dataSource.query(UNREAD_MESSAGES_OF_FILES, [
      fileIds,
      userId,
    ]);
    return new Map(rows.map((r) => [r.id, r.unread]));
  }

  /**
   * The files holding client messages this staff member has not read, the newest unread first, keyset on
   * (newest unread message, file id); `consultantId` limits them to a consultant's files as the files list does.
   */
  async inbox(
    userId: string,
    consultantId: string | null,
    after: { lastAt: string; fileId: string } | null,
    limit: number,
  ): Promise<InboxItem[]> {
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT f.id AS file_id, f.file_number, c.id AS client_id, c.first_name AS client_first_name,
         c.last_name AS client_last_name, u.name AS consultant_name, x.unread, x.last_at
       FROM work_permit_files f
       JOIN clients c ON c.id = f.client_id
       LEFT JOIN users u ON u.id = f.consultant_id
       LEFT JOIN file_message_reads r ON r.file_id = f.id AND r.user_id = $1
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS unread, max(m.created_at) AS last_at FROM file_messages m
         WHERE m.file_id = f.id AND m.author_client_id IS NOT NULL
           AND m.created_at > coalesce(r.read_up_to, '-infinity')
       ) x
       WHERE x.unread > 0 AND ($2::uuid IS NULL OR f.consultant_id = $2::uuid)
         AND ($3::timestamptz IS NULL OR (x.last_at, f.id) < ($3::timestamptz, $4::uuid))
       ORDER BY x.last_at DESC, f.id DESC
       LIMIT $5`,
      [userId, consultantId, after?.lastAt ?? null, after?.fileId ?? null, limit],
    );
    return rows.map(inboxItemFromRow);
  }

  /** Whether the client may be told of a message: they have an email, a portal account, and are not archived. */
  async clientReachable(clientId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM clients c JOIN portal_accounts p ON p.client_id = c.id
       WHERE c.id = $1 AND c.email IS NOT NULL AND c.archived_at IS NULL`,
      [clientId],
    );
    return rows.length > 0;
  }

  /** The messages' encrypted bodies, for key rotation. */
  encryptedBodies(): EncryptedColumn {
    return encryptedColumnOf(this.messages, 'bodyEncrypted');
  }
}
