import { ApiProperty } from '@nestjs/swagger';
import { AgreementStatus, type AgreementEntity } from '@app/agreements';

/** A service agreement as its client sees it in the portal: the text to read and sign, and where it stands. */
export class PortalAgreementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ enum: AgreementStatus, enumName: 'AgreementStatus' }) status: AgreementStatus;
  @ApiProperty({ enum: ['en', 'fr'] }) language: 'en' | 'fr';
  @ApiProperty({ description: 'The agreement’s text (Markdown), exactly as sent and signed' }) text: string;
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 of the text',
  })
  textSha256: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) clientSignedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) countersignedAt: Date | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The signed PDF once countersigned, a document of the file (download at /api/portal/documents/{id}/content)',
  })
  documentId: string | null;

  static from(agreement: AgreementEntity): PortalAgreementResponse {
    return {
      id: agreement.id,
      fileId: agreement.fileId,
      version: agreement.version,
      status: agreement.status,
      language: agreement.language,
      text: agreement.body,
      textSha256: agreement.bodySha256,
      sentAt: agreement.sentAt,
      clientSignedAt: agreement.clientSignedAt,
      countersignedAt: agreement.countersignedAt,
      documentId: agreement.status === AgreementStatus.Signed ? agreement.documentId : null,
    };
  }
}
