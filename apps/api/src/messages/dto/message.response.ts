import { ApiProperty } from '@nestjs/swagger';
import type { FileMessage, InboxItem, MessageAttachment, PortalMessage } from '@app/messages';

/** A document sent with a message (download it through the document routes). */
export class MessageAttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ example: 'passport.pdf' }) originalName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ example: 150000 }) size: number;

  static from(a: MessageAttachment): MessageAttachmentResponse {
    return {
      id: a.id,
      title: a.title,
      originalName: a.originalName,
      contentType: a.contentType,
      size: a.size,
    };
  }
}

export class MessageAuthorResponse {
  @ApiProperty({ format: 'uuid', description: 'The staff member’s id, or the client’s' }) id: string;
  @ApiProperty() name: string;
}

/** A message on a file as staff read it. */
export class FileMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ enum: ['staff', 'client'], description: 'Who wrote it: a staff member or the client' })
  from: 'staff' | 'client';
  @ApiProperty({ type: MessageAuthorResponse }) author: MessageAuthorResponse;
  @ApiProperty() body: string;
  @ApiProperty({ type: [MessageAttachmentResponse] }) attachments: MessageAttachmentResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(m: FileMessage): FileMessageResponse {
    const fromClient = m.authorClientId !== null;
    return {
      id: m.id,
      fileId: m.fileId,
      from: fromClient ? 'client' : 'staff',
      author: fromClient
        ? { id: m.authorClientId as string, name: m.clientName }
        : { id: m.authorUserId as string, name: m.authorUserName ?? '' },
      body: m.body,
      attachments: m.attachments.map((a) => MessageAttachmentResponse.from(a)),
      createdAt: m.createdAt,
    };
  }
}

/** A file in the staff inbox: it holds client messages the reader has not read. */
export class MessageInboxItemResponse {
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ example: 'Priya Sharma' }) clientName: string;
  @ApiProperty({ type: String, nullable: true }) consultantName: string | null;
  @ApiProperty({ example: 2 }) unreadMessages: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the newest unread message was written',
  })
  lastMessageAt: Date;

  static from(item: InboxItem): MessageInboxItemResponse {
    return { ...item };
  }
}

/** A message as the client reads it in the portal. */
export class PortalMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ description: 'True for the client’s own messages' }) fromClient: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The client’s name on their own messages; the consultant’s name, or the firm’s for other staff (null when ' +
      'the firm has no name on record)',
  })
  authorName: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ type: [MessageAttachmentResponse] }) attachments: MessageAttachmentResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(m: PortalMessage): PortalMessageResponse {
    return { ...m, attachments: m.attachments.map((a) => MessageAttachmentResponse.from(a)) };
  }
}
