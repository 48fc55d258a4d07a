import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PreferredLanguage } from '@app/clients';
import { IsIanaTimeZone } from '@app/config';
import { ConsultationMode, ConsultationStatus } from '@app/consultations';
import { OpenFileDto } from '../../files/dto/file.dto';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsDayOrInstant, IsInstant } from './time.validators';
import { Nullable, Optional } from '../../http/optional';
import { trim } from '../../http/transforms';
import { ExportLanguageDto } from '../../exports/export-query.dto';

const MODES = `mode must be one of ${Object.values(ConsultationMode).join(', ')}`;
const OUTCOMES = [ConsultationStatus.Completed, ConsultationStatus.NoShow, ConsultationStatus.Cancelled];

export class ListConsultationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: "Starting at or after: a day (firm's time zone) or a date-time",
  })
  @Optional()
  @IsDayOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Starting before: a day (inclusive) or a date-time (exclusive)',
  })
  @Optional()
  @IsDayOrInstant()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ enum: ConsultationStatus, enumName: 'ConsultationStatus' })
  @Optional()
  @IsEnum(ConsultationStatus, {
    message: `status must be one of ${Object.values(ConsultationStatus).join(', ')}`,
  })
  status?: ConsultationStatus;
}

/** The list's filters (no paging: the export holds every page) and the export's language. */
export class ExportConsultationsQueryDto extends IntersectionType(
  OmitType(ListConsultationsQueryDto, ['limit', 'cursor'] as const),
  ExportLanguageDto,
) {}

export class CreateConsultationDto {
  @ApiProperty({ format: 'uuid', description: 'An existing client the caller may see' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId: string;

  @ApiProperty({ format: 'uuid', description: 'Consultation type id' })
  @IsUUID('all', { message: 'type must be a consultation type id (UUID)' })
  type: string;

  @ApiProperty({
    example: '2026-12-01T17:00:00Z',
    description: "Staff may book outside the consultant's hours, never over another consultation",
  })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Defaults to the consultant booking; required for admins and assistants',
  })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({
    enum: ConsultationMode,
    enumName: 'ConsultationMode',
    default: ConsultationMode.Video,
  })
  @Optional()
  @IsEnum(ConsultationMode, { message: MODES })
  mode?: ConsultationMode;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @Nullable()
  @Transform(trim)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  topic?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({
    example: 'America/Toronto',
    description: "The client's time zone for their emails; defaults to the firm's",
  })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    enum: PreferredLanguage,
    description: "Language of the client's emails; defaults to the client's",
  })
  @Optional()
  @IsEnum(PreferredLanguage, { message: 'language must be en or fr' })
  language?: PreferredLanguage;
}

export class UpdateConsultationDto {
  @ApiPropertyOptional({
    enum: OUTCOMES,
    description:
      'completed or no_show once it has started (correctable between the two); cancelled while booked',
  })
  @Optional()
  @IsIn(OUTCOMES, { message: `status must be one of ${OUTCOMES.join(', ')}` })
  status?: ConsultationStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ enum: ConsultationMode, enumName: 'ConsultationMode' })
  @Optional()
  @IsEnum(ConsultationMode, { message: MODES })
  mode?: ConsultationMode;

  @ApiPropertyOptional({
    example: '2026-12-02T17:00:00Z',
    description: 'Moves a booked consultation; the client gets an updated invite and a new manage link',
  })
  @Optional()
  @IsInstant()
  startsAt?: string;
}

/** The draft file to open: the body of POST /api/files without clientId (the consultation's client). */
export class ConvertConsultationDto extends OmitType(OpenFileDto, ['clientId'] as const) {
  @ApiPropertyOptional({
    description:
      'Also invite the client to the client portal (emails a sign-in link in their language), once the file is open',
  })
  @Optional()
  @IsBoolean({ message: 'invitePortal must be true or false' })
  invitePortal?: boolean;
}
