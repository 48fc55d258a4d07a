import { ApiProperty } from '@nestjs/swagger';
import {
  ConsultationMode,
  ConsultationStatus,
  type ConsultationEntity,
  type Prescreen,
} from '@app/consultations';
import type { WorkPermitFileEntity } from '@app/work-permits';
import { PortalStatusResponse } from '../../portal/dto/portal.response';

export class ConsultationPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amélie Tremblay' }) name: string;
}

export class ConsultationClientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ description: 'Created by a public booking and not yet taken on' }) isProspect: boolean;
}

export class ConsultationTypeSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameFr: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ type: Number, nullable: true }) priceCents: number | null;
}

export class PrescreenResponse {
  @ApiProperty({ required: false }) hasJobOffer?: boolean;
  @ApiProperty({ required: false, enum: ['has_lmia', 'exempt', 'unknown'] }) lmia?: string;
  @ApiProperty({ required: false }) insideCanada?: boolean;
  @ApiProperty({ required: false, format: 'date' }) permitExpiresOn?: string;
}

export class ConsultationResponse {
  @ApiProperty({ format: 'uuid', example: '3b9f7c21-0d4e-4a68-8f52-c6e1a7d0b394' }) id: string;
  @ApiProperty({ enum: ConsultationStatus, enumName: 'ConsultationStatus' }) status: ConsultationStatus;
  @ApiProperty({ example: '2026-12-01T17:30:00.000Z' }) startsAt: Date;
  @ApiProperty({ example: '2026-12-01T18:00:00.000Z' }) endsAt: Date;
  @ApiProperty({ enum: ConsultationMode, enumName: 'ConsultationMode' }) mode: ConsultationMode;
  @ApiProperty({ type: ConsultationPersonResponse }) consultant: ConsultationPersonResponse;
  @ApiProperty({ type: ConsultationClientResponse }) client: ConsultationClientResponse;
  @ApiProperty({ type: ConsultationTypeSummaryResponse }) type: ConsultationTypeSummaryResponse;
  @ApiProperty({ example: 'Asia/Kolkata' }) clientTimezone: string;
  @ApiProperty({ enum: ['en', 'fr'] }) language: string;
  @ApiProperty({ type: String, nullable: true }) topic: string | null;
  @ApiProperty({ type: PrescreenResponse, nullable: true }) prescreen: Prescreen | null;
  @ApiProperty({ description: "The client's permit expires within 90 days (or has expired)" })
  isUrgent: boolean;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The work-permit file it was converted into',
  })
  fileId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Staff member who booked it; null: the client online',
  })
  bookedById: string | null;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt: Date | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description:
      'A public booking awaiting the client’s email confirmation holds its time until then; null once confirmed or when none was asked',
  })
  awaitingConfirmationUntil: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the client confirmed by the emailed link' })
  confirmedAt: Date | null;
  @ApiProperty({ description: 'Calendar invite SEQUENCE: raised on each move or cancellation' })
  sequence: number;
  @ApiProperty({ example: '2026-11-20T16:05:00.000Z' }) createdAt: Date;
  @ApiProperty({ example: '2026-11-20T16:05:00.000Z' }) updatedAt: Date;

  static from(c: ConsultationEntity): ConsultationResponse {
    return Object.assign(new ConsultationResponse(), {
      id: c.id,
      status: c.status,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      mode: c.mode,
      consultant: { id: c.consultant.id, name: c.consultant.name },
      client: {
        id: c.client.id,
        firstName: c.client.firstName,
        lastName: c.client.lastName,
        email: c.client.email,
        phone: c.client.phone,
        isProspect: c.client.isProspect,
      },
      type: {
        id: c.type.id,
        name: c.type.name,
        nameFr: c.type.nameFr,
        durationMinutes: c.type.durationMinutes,
        priceCents: c.type.priceCents,
      },
      clientTimezone: c.clientTimezone,
      language: c.language,
      topic: c.topic,
      prescreen: c.prescreen,
      isUrgent: c.isUrgent,
      notes: c.notes,
      fileId: c.fileId,
      bookedById: c.bookedById,
      cancelledAt: c.cancelledAt,
      awaitingConfirmationUntil: c.status === ConsultationStatus.Booked ? c.holdExpiresAt : null,
      confirmedAt: c.confirmedAt,
      sequence: c.sequence,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    });
  }
}

export class ConvertedFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ example: 'IMP' }) stream: string;
  @ApiProperty({ example: 'intake' }) status: string;
}

/** The portal invite asked for with a conversion: sent, or why not (the file is open either way). */
export class ConversionPortalInviteResponse {
  @ApiProperty() invited: boolean;
  @ApiProperty({ type: PortalStatusResponse, nullable: true }) account: PortalStatusResponse | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why the invite was not sent: the error code, e.g. VALIDATION_FAILED when the client has no email',
  })
  code: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Add the client’s email before inviting them to the portal',
  })
  message: string | null;
}

export class ConvertedConsultationResponse {
  @ApiProperty({ type: ConsultationResponse }) consultation: ConsultationResponse;
  @ApiProperty({ type: ConvertedFileResponse }) file: ConvertedFileResponse;
  @ApiProperty({
    type: ConversionPortalInviteResponse,
    nullable: true,
    description: 'Set when the conversion asked for a portal invite (invitePortal: true)',
  })
  portalInvite: ConversionPortalInviteResponse | null;

  static from(
    consultation: ConsultationEntity,
    file: WorkPermitFileEntity,
    portalInvite: ConversionPortalInviteResponse | null = null,
  ): ConvertedConsultationResponse {
    return Object.assign(new ConvertedConsultationResponse(), {
      consultation: ConsultationResponse.from(consultation),
      file: { id: file.id, fileNumber: file.fileNumber, stream: file.stream, status: file.status },
      portalInvite,
    });
  }
}
