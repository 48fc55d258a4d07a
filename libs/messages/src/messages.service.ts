import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { scopeOfStaff, UsersService, type StaffUser } from '@app/auth';
import { ClientsService, PreferredLanguage } from '@app/clients';
import { AppConfig } from '@app/config';
import { FirmProfileService } from '@app/firm';
import { MailService, newMessageEmail } from '@app/notifications';
import {
  Clock,
  decodeKeysetCursor,
  FieldEncryption,
  toPage,
  ValidationFailedError,
  type Page,
} from '@app/shared';
import { WorkPermitError, WorkPermitFilesService, type WorkPermitFileEntity } from '@app/work-permits';
import type { InboxItem, StoredMessage } from './message-rows';
import { MessagesRepository } from './messages.repository';

export type { InboxItem, MessageAttachment } from './message-rows';

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_MESSAGE_ATTACHMENTS = 10;
/** Bound to every encrypted body: a value copied into another column does not decrypt. */
export const MESSAGE_BODY_CONTEXT = 'file_messages.body';
const SUBJECT_TYPE = 'file_message';

/** A message with its body in clear, for those who may read the file's thread. */
export interface FileMessage extends Omit<StoredMessage, 'bodyEncrypted'> {
  body: string;
}

/** A message as the client reads it in the portal: staff other than the consultant appear as the firm. */
export interface PortalMessage {
  id: string;
  fileId: string;
  fromClient: boolean;
  /** The consultant's name, the firm's name for other staff (null when the firm has no name on record), or the client's. */
  authorName: string | null;
  body: string;
  attachments: FileMessage['attachments'];
  createdAt: Date;
}

export interface NewMessageInput {
  body: string;
  documentIds?: string[];
}

export interface PageQuery {
  limit: number;
  cursor?: string;
}

/**
 * Messages between a file's client and the firm: threads (newest first, keyset-paginated), writing with documents
 * of the file attached, read markers and unread counts, the staff inbox. The other side gets an email notice that
 * names the file, never the text; bodies are encrypted at rest and kept out of audit data and logs.
 */
@Injectable()
export class MessagesService {
  private readonly encryption: FieldEncryption;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MessagesRepository,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    private readonly firm: FirmProfileService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /** A page of the file's thread for staff who may see the file; the first page marks it read for them. */
  async threadForStaff(fileId: string, staff: StaffUser, query: PageQuery): Promise<Page<FileMessage>> {
    await this.files.requireVisible(fileId, scopeOfStaff(staff));
    const page = await this.page(fileId, query);
    if (!query.cursor && page.items.length > 0) {
      await this.repository.markRead({ userId: staff.id }, fileId, page.items[0].createdAt);
    }
    return page;
  }

  /** A page of the thread of one of the client's files; the first page marks it read for them. */
  async threadForClient(clientId: string, fileId: string, query: PageQuery): Promise<Page<PortalMessage>> {
    await this.requireFileOfClient(clientId, fileId);
    const page = await this.page(fileId, query, clientId);
    if (!query.cursor && page.items.length > 0) {
      await this.repository.markRead({ clientId }, fileId, page.items[0].createdAt);
    }
    const firmName = (await this.firm.current()).name;
    return { items: page.items.map((m) => portalMessage(m, firmName)), nextCursor: page.nextCursor };
  }

  /** Staff write to the client: the client is told by email (in their language) if they can sign in to the portal. */
  async sendFromStaff(fileId: string, input: NewMessageInput, staff: StaffUser): Promise<FileMessage> {
    const file = await this.files.requireVisible(fileId, scopeOfStaff(staff));
    const { body, documentIds } = await this.checked(file, input, null);
    const id = await this.dataSource.transaction(async (manager) => {
      const messageId = await this.insert(manager, file, { userId: staff.id }, body, documentIds);
      if (await this.repository.clientReachable(file.clientId, manager)) {
        const client = await this.clients.findInTransaction(file.clientId, manager);
        if (client?.email) {
          const email = newMessageEmail({
            language: client.preferredLanguage === PreferredLanguage.Fr ? 'fr' : 'en',
            recipientName: `${client.firstName} ${client.lastName}`,
            fileNumber: file.fileNumber,
            url: new URL(`/portal/files/${file.id}`, this.config.appUrl).toString(),
            to: 'client',
          });
          await this.notify(manager, messageId, client.email, email);
        }
      }
      return messageId;
    });
    return this.decrypted(await this.repository.findById(id));
  }

  /** The client writes from the portal: the file's consultant is told by email. */
  async sendFromClient(clientId: string, fileId: string, input: NewMessageInput): Promise<PortalMessage> {
    const file = await this.requireFileOfClient(clientId, fileId);
    const { body, documentIds } = await this.checked(file, input, clientId);
    const id = await this.dataSource.transaction(async (manager) => {
      const messageId = await this.insert(manager, file, { clientId }, body, documentIds);
      const consultant = file.consultantId ? await this.users.require(file.consultantId) : null;
      if (consultant?.isActive) {
        const email = newMessageEmail({
          language: consultant.languages[0] === 'fr' ? 'fr' : 'en',
          recipientName: consultant.name,
          fileNumber: file.fileNumber,
          url: new URL(`/admin/files/${file.id}/show`, this.config.appUrl).toString(),
          to: 'staff',
        });
        await this.notify(manager, messageId, consultant.email, email);
      }
      return messageId;
    });
    const firmName = (await this.firm.current()).name;
    return portalMessage(this.decrypted(await this.repository.findById(id)), firmName);
  }

  /** Unread client messages per file for this staff member (a page of the files list: ids already scoped). */
  unreadForStaff(fileIds: readonly string[], userId: string): Promise<Map<string, number>> {
    return this.repository.unreadForStaff(fileIds, userId);
  }

  /** The files the staff member may see that hold client messages they have not read, newest unread first. */
  async inbox(staff: StaffUser, query: PageQuery): Promise<Page<InboxItem>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid'] as const);
    const scope = scopeOfStaff(staff);
    const rows = await this.repository.inbox(
      staff.id,
      scope.consultantId ?? null,
      after ? { lastAt: after[0], fileId: after[1] } : null,
      query.limit + 1,
    );
    return toPage(
      rows,
      query.limit,
      (r) => [r.lastMessageAt.toISOString(), r.fileId],
      (r) => r,
    );
  }

  private async requireFileOfClient(clientId: string, fileId: string): Promise<WorkPermitFileEntity> {
    const file = await this.files.findOfClient(fileId, clientId);
    if (!file) {
      throw WorkPermitError.notFound();
    }
    return file;
  }

  private async page(fileId: string, query: PageQuery, clientId?: string): Promise<Page<FileMessage>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid'] as const);
    const rows = await this.repository.thread(
      fileId,
      after ? { createdAt: after[0], id: after[1] } : null,
      query.limit + 1,
      clientId,
    );
    return toPage(
      rows,
      query.limit,
      (m) => [m.createdAt.toISOString(), m.id],
      (m) => this.decrypted(m),
    );
  }

  /** The body trimmed (1..5000 characters) and the attachments (documents of this file; the client's own uploads). */
  private async checked(
    file: WorkPermitFileEntity,
    input: NewMessageInput,
    uploadedByClientId: string | null,
  ): Promise<{ body: string; documentIds: string[] }> {
    const body = typeof input.body === 'string' ? input.body.trim() : '';
    if (body.length === 0 || body.length > MAX_MESSAGE_LENGTH) {
      throw ValidationFailedError.field(
        'body',
        `body must be between 1 and ${MAX_MESSAGE_LENGTH} characters once trimmed`,
      );
    }
    const documentIds = [...new Set(input.documentIds ?? [])];
    if (documentIds.length > 0) {
      const attachable = await this.repository.attachableDocuments(file.id, documentIds, uploadedByClientId);
      const missing = documentIds.filter((id) => !attachable.has(id));
      if (missing.length > 0) {
        throw ValidationFailedError.field(
          'documentIds',
          uploadedByClientId
            ? `documentIds must name documents you uploaded to this file: ${missing.join(', ')}`
            : `documentIds must name documents of this file: ${missing.join(', ')}`,
        );
      }
    }
    return { body, documentIds };
  }

  /**
   * Writes the message and records the event (never the text). The author's read marker stays: writing is not
   * reading, and one's own messages are never unread.
   */
  private async insert(
    manager: EntityManager,
    file: WorkPermitFileEntity,
    author: { userId: string } | { clientId: string },
    body: string,
    documentIds: string[],
  ): Promise<string> {
    const byClient = 'clientId' in author;
    const id = await this.repository.insert(manager, {
      fileId: file.id,
      clientId: file.clientId,
      authorUserId: byClient ? null : author.userId,
      authorClientId: byClient ? author.clientId : null,
      bodyEncrypted: this.encryption.encrypt(body, MESSAGE_BODY_CONTEXT),
      createdAt: this.clock.now(),
      documentIds,
    });
    await this.audit.record(manager, {
      actorId: byClient ? null : author.userId,
      actorClientId: byClient ? author.clientId : null,
      action: 'message.sent',
      subjectType: SUBJECT_TYPE,
      subjectId: id,
      fileId: file.id,
      clientId: file.clientId,
      changes: { from: byClient ? 'client' : 'staff', attachments: documentIds },
    });
    return id;
  }

  private notify(
    manager: EntityManager,
    messageId: string,
    to: string,
    email: { subject: string; text: string; html: string },
  ): Promise<unknown> {
    return this.mail.enqueue(manager, {
      kind: 'message_notice',
      to,
      ...email,
      related: { type: SUBJECT_TYPE, id: messageId },
      idempotencyKey: `message-notice-${messageId}`,
    });
  }

  private decrypted(message: StoredMessage): FileMessage {
    const { bodyEncrypted, ...rest } = message;
    return { ...rest, body: this.encryption.decrypt(bodyEncrypted, MESSAGE_BODY_CONTEXT) };
  }
}

function portalMessage(message: FileMessage, firmName: string | null): PortalMessage {
  const fromClient = message.authorClientId !== null;
  return {
    id: message.id,
    fileId: message.fileId,
    fromClient,
    authorName: fromClient ? message.clientName : message.byConsultant ? message.authorUserName : firmName,
    body: message.body,
    attachments: message.attachments,
    createdAt: message.createdAt,
  };
}
