import { ApiProperty } from '@nestjs/swagger';
import {
  CHECKLIST_ITEM_STATUSES,
  DocumentStatus,
  type ChecklistItemStatus,
  type DocumentEntity,
} from '@app/documents';
import type { PortalChecklist, PortalChecklistItem, PortalDocument } from '@app/portal';

export class PortalChecklistItemResponse {
  @ApiProperty({ example: 'passport', description: 'The `kind` to upload this item’s document under' })
  key: string;
  @ApiProperty() title: string;
  @ApiProperty() titleFr: string;
  @ApiProperty({ type: String, nullable: true }) help: string | null;
  @ApiProperty({ type: String, nullable: true }) helpFr: string | null;
  @ApiProperty({ description: 'Needed in every case; otherwise only when conditionText applies' })
  required: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When a conditional item is needed (EN)' })
  conditionText: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When a conditional item is needed (FR)' })
  conditionTextFr: string | null;
  @ApiProperty({ enum: CHECKLIST_ITEM_STATUSES, enumName: 'ChecklistItemStatus' })
  status: ChecklistItemStatus;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The newest version of its document',
  })
  documentId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the newest document was refused (rejected only)',
  })
  rejectionReason: string | null;

  static from(item: PortalChecklistItem): PortalChecklistItemResponse {
    return {
      key: item.key,
      title: item.title,
      titleFr: item.titleFr,
      help: item.help,
      helpFr: item.helpFr,
      required: item.required,
      conditionText: item.conditionText,
      conditionTextFr: item.conditionTextFr,
      status: item.status,
      documentId: item.documentId,
      rejectionReason: item.rejectionReason,
    };
  }
}

export class PortalDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'passport', description: 'A checklist item key, or `other`' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'passport.pdf' }) originalName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: DocumentStatus, enumName: 'DocumentStatus' }) status: DocumentStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was refused (rejected only)' })
  rejectionReason: string | null;
  @ApiProperty({ description: 'Whether the client uploaded it (else the firm did)' })
  uploadedByClient: boolean;
  @ApiProperty() uploadedAt: Date;

  static from(document: PortalDocument): PortalDocumentResponse {
    return {
      id: document.id,
      kind: document.kind,
      title: document.title,
      originalName: document.originalName,
      contentType: document.contentType,
      size: document.size,
      version: document.version,
      status: document.status as DocumentStatus,
      rejectionReason: document.rejectionReason,
      uploadedByClient: document.uploadedByClient,
      uploadedAt: document.uploadedAt,
    };
  }

  static fromEntity(document: DocumentEntity): PortalDocumentResponse {
    return {
      id: document.id,
      kind: document.kind,
      title: document.title,
      originalName: document.originalName,
      contentType: document.contentType,
      size: document.size,
      version: document.version,
      status: document.status,
      rejectionReason: document.status === DocumentStatus.Rejected ? document.reviewReason : null,
      uploadedByClient: document.uploadedByClientId !== null,
      uploadedAt: document.createdAt,
    };
  }
}

export class PortalChecklistResponse {
  @ApiProperty({ type: [PortalChecklistItemResponse] }) items: PortalChecklistItemResponse[];
  @ApiProperty({
    type: [PortalDocumentResponse],
    description: 'The client’s documents on the file, newest first',
  })
  documents: PortalDocumentResponse[];

  static from(checklist: PortalChecklist): PortalChecklistResponse {
    return {
      items: checklist.items.map((item) => PortalChecklistItemResponse.from(item)),
      documents: checklist.documents.map((d) => PortalDocumentResponse.from(d)),
    };
  }
}

export class PortalUploadResponse {
  @ApiProperty({ description: 'The same content was already on the file under this kind' })
  duplicate: boolean;
  @ApiProperty({ type: PortalDocumentResponse }) document: PortalDocumentResponse;
}
