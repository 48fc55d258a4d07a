import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DocumentStatus, type DocumentEntity } from '@app/documents';

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ example: 'passport', description: 'A checklist item key, or `other`' }) kind: string;
  @ApiProperty({ example: 'Passport (bio page)' }) title: string;
  @ApiProperty({ example: 'passport.pdf', description: 'The uploaded name, cleaned for display' })
  originalName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Read from the content, not from the upload' })
  contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({
    description: 'Numbered per file and kind from 1; a new upload of a kind is the next version',
  })
  version: number;
  @ApiProperty({ enum: DocumentStatus, enumName: 'DocumentStatus' }) status: DocumentStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was rejected (the client sees it), or a note on its acceptance',
  })
  reviewReason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    deprecated: true,
    description: 'The same as reviewReason; kept for older clients',
  })
  statusReason: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was last reviewed',
  })
  reviewedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedById: string | null;
  @ApiProperty({
    description: 'Whether this is the newest version of its kind on the file that is not deleted',
  })
  latest: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedById: string | null;
  @ApiProperty({ description: 'Whether the client uploaded it in the client portal' })
  uploadedByClient: boolean;
  @ApiProperty() createdAt: Date;

  /** `latest`: whether the document is the newest live version of its kind (the caller knows). */
  static from(document: DocumentEntity, latest: boolean): DocumentResponse {
    return {
      id: document.id,
      fileId: document.fileId,
      clientId: document.clientId,
      kind: document.kind,
      title: document.title,
      originalName: document.originalName,
      contentType: document.contentType,
      size: document.size,
      sha256: document.sha256,
      version: document.version,
      status: document.status,
      reviewReason: document.reviewReason,
      statusReason: document.reviewReason,
      reviewedAt: document.reviewedAt,
      reviewedById: document.reviewedById,
      latest,
      issuedOn: document.issuedOn,
      expiresOn: document.expiresOn,
      uploadedById: document.uploadedById,
      uploadedByClient: document.uploadedByClientId !== null,
      createdAt: document.createdAt,
    };
  }
}

export class PassportExpirySuggestion {
  @ApiProperty({ type: String, nullable: true, format: 'date', description: "The client's passport expiry" })
  current: string | null;

  @ApiProperty({ format: 'date', description: 'The expiry of the uploaded passport' })
  proposed: string;
}

export class UploadSuggestionsResponse {
  @ApiPropertyOptional({
    type: PassportExpirySuggestion,
    description:
      "Present when a passport was uploaded with an expiry other than the client's: update the client to it",
  })
  passportExpiry?: PassportExpirySuggestion;
}

export class DocumentUploadResponse {
  @ApiProperty({
    description:
      'True when this file already holds the same content under this kind: that document is returned, no new version',
  })
  duplicate: boolean;

  @ApiProperty({ type: DocumentResponse }) document: DocumentResponse;

  @ApiProperty({
    type: UploadSuggestionsResponse,
    description: 'What the upload suggests changing elsewhere; empty when nothing',
  })
  suggestions: UploadSuggestionsResponse;
}
