import { ApiProperty } from '@nestjs/swagger';
import {
  AgreementStatus,
  PriorRepresentation,
  type AgreementEntity,
  type AgreementOverrideEntity,
  type AgreementPreconditionsEntity,
  type AgreementTemplateEntity,
  type FileAgreementView,
} from '@app/agreements';

/** One version of a file's service agreement, with its text, fingerprints and signatures. */
export class AgreementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ enum: AgreementStatus, enumName: 'AgreementStatus' }) status: AgreementStatus;
  @ApiProperty({ enum: ['en', 'fr'] }) language: 'en' | 'fr';
  @ApiProperty({ example: 1, description: 'The template version it was made from' }) templateVersion: number;
  @ApiProperty({ description: 'The merged Markdown, exactly as sent and signed' }) body: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  bodySha256: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'servicesDescription, professionalFees, irccFees, paymentSchedule',
  })
  terms: Record<string, string>;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The fee-schedule service the fee sections were drawn from, if any',
  })
  feeScheduleServiceId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) clientSignedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) clientTypedName: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp: string | null;
  @ApiProperty({ type: String, nullable: true }) clientUserAgent: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) countersignedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) countersignedById: string | null;
  @ApiProperty({ type: String, nullable: true }) countersignerName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'R712345' }) countersignerLicence: string | null;
  @ApiProperty({ type: String, nullable: true }) countersignerIp: string | null;
  @ApiProperty({ type: String, nullable: true }) countersignerUserAgent: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The signed PDF, a document of the file (GET /api/documents/{id}/content)',
  })
  documentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the signed PDF' }) pdfSha256:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) supersededAt: Date | null;

  static from(agreement: AgreementEntity): AgreementResponse {
    return Object.assign(new AgreementResponse(), {
      id: agreement.id,
      fileId: agreement.fileId,
      clientId: agreement.clientId,
      version: agreement.version,
      status: agreement.status,
      language: agreement.language,
      templateVersion: agreement.templateVersion,
      feeScheduleServiceId: agreement.feeScheduleServiceId,
      body: agreement.body,
      bodySha256: agreement.bodySha256,
      terms: agreement.terms,
      createdAt: agreement.createdAt,
      createdById: agreement.createdById,
      sentAt: agreement.sentAt,
      clientSignedAt: agreement.clientSignedAt,
      clientTypedName: agreement.clientTypedName,
      clientIp: agreement.clientIp,
      clientUserAgent: agreement.clientUserAgent,
      countersignedAt: agreement.countersignedAt,
      countersignedById: agreement.countersignedById,
      countersignerName: agreement.countersignerName,
      countersignerLicence: agreement.countersignerLicence,
      countersignerIp: agreement.countersignerIp,
      countersignerUserAgent: agreement.countersignerUserAgent,
      documentId: agreement.documentId,
      pdfSha256: agreement.pdfSha256,
      supersededAt: agreement.supersededAt,
    });
  }
}

export class AgreementPreconditionsResponse {
  @ApiProperty() identityMethod: string;
  @ApiProperty({ format: 'date-time' }) identityConfirmedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) identityConfirmedById: string | null;
  @ApiProperty() homeAddress: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) businessContact: string | null;
  @ApiProperty({ enum: PriorRepresentation, enumName: 'PriorRepresentation' })
  priorRepresentation: PriorRepresentation;
  @ApiProperty({ type: String, nullable: true }) priorRepresentationNotes: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;

  static from(p: AgreementPreconditionsEntity): AgreementPreconditionsResponse {
    return Object.assign(new AgreementPreconditionsResponse(), {
      identityMethod: p.identityMethod,
      identityConfirmedAt: p.identityConfirmedAt,
      identityConfirmedById: p.identityConfirmedById,
      homeAddress: p.homeAddress,
      phone: p.phone,
      email: p.email,
      businessContact: p.businessContact,
      priorRepresentation: p.priorRepresentation,
      priorRepresentationNotes: p.priorRepresentationNotes,
      updatedAt: p.updatedAt,
    });
  }
}

export class AgreementOverrideResponse {
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedById: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;

  static from(o: AgreementOverrideEntity): AgreementOverrideResponse {
    return Object.assign(new AgreementOverrideResponse(), {
      reason: o.reason,
      recordedById: o.recordedById,
      recordedAt: o.recordedAt,
    });
  }
}

/** A file's service agreement: the live version, every version (newest first), preconditions and override. */
export class FileAgreementResponse {
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ type: AgreementResponse, nullable: true }) current: AgreementResponse | null;
  @ApiProperty({ type: [AgreementResponse] }) history: AgreementResponse[];
  @ApiProperty({ type: AgreementPreconditionsResponse, nullable: true })
  preconditions: AgreementPreconditionsResponse | null;
  @ApiProperty({ type: AgreementOverrideResponse, nullable: true })
  override: AgreementOverrideResponse | null;
  @ApiProperty({ description: 'Whether the file may leave intake: a signed agreement or an override' })
  mayLeaveIntake: boolean;

  static from(view: FileAgreementView): FileAgreementResponse {
    return Object.assign(new FileAgreementResponse(), {
      fileId: view.fileId,
      current: view.current ? AgreementResponse.from(view.current) : null,
      history: view.history.map((a) => AgreementResponse.from(a)),
      preconditions: view.preconditions ? AgreementPreconditionsResponse.from(view.preconditions) : null,
      override: view.override ? AgreementOverrideResponse.from(view.override) : null,
      mayLeaveIntake: view.override !== null || view.history.some((a) => a.status === AgreementStatus.Signed),
    });
  }
}

export class AgreementTemplateResponse {
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty() bodyEn: string;
  @ApiProperty() bodyFr: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: the shipped default' })
  createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [String], example: ['client.fullName', 'consultant.licenceNumber'] })
  mergeFields: string[];

  static from(template: AgreementTemplateEntity, mergeFields: readonly string[]): AgreementTemplateResponse {
    return Object.assign(new AgreementTemplateResponse(), {
      version: template.version,
      bodyEn: template.bodyEn,
      bodyFr: template.bodyFr,
      createdById: template.createdById,
      createdAt: template.createdAt,
      mergeFields: [...mergeFields],
    });
  }
}

/** The fee sections a fee-schedule service gives a file's draft, in the client's language. */
export class DraftFeeTermsResponse {
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ enum: ['en', 'fr'], description: 'The client’s language, the draft’s' }) language:
    'en' | 'fr';
  @ApiProperty() professionalFees: string;
  @ApiProperty({ description: 'Government fees at today’s amounts, as disbursements' }) irccFees: string;
  @ApiProperty({ description: 'The milestones' }) paymentSchedule: string;
}
