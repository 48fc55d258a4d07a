import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PreferredLanguage } from '@app/clients';
import { IsIanaTimeZone } from '@app/config';
import { ConsultationMode, LMIA_ANSWERS, type LmiaAnswer } from '@app/consultations';
import { IsCalendarDate } from '../../http/calendar-date';
import { IsDayOrInstant, IsInstant } from '../../consultations/dto/time.validators';
import { Nullable, Optional } from '../../http/optional';
import { trim } from '../../http/transforms';

export class SlotsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Consultation type id (GET /api/public/consultation-types)' })
  @IsUUID('all', { message: 'type must be a consultation type id (UUID)' })
  type: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One consultant; absent: any consultant, assigned fairly',
  })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: "A day (in `timezone`, else the firm's) or a date-time; default now",
  })
  @Optional()
  @IsDayOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-14',
    description: 'A day (inclusive) or a date-time (exclusive); default 14 days after from, at most 62',
  })
  @Optional()
  @IsDayOrInstant()
  to?: string;

  @ApiPropertyOptional({
    example: 'Asia/Kolkata',
    description: "The visitor's IANA zone: slots also come back in their local time",
  })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;
}

export class PrescreenDto {
  @ApiPropertyOptional({ description: 'Has a job offer in Canada' })
  @Optional()
  @IsBoolean({ message: 'hasJobOffer must be true or false' })
  hasJobOffer?: boolean;

  @ApiPropertyOptional({
    enum: LMIA_ANSWERS,
    description: 'The employer has an LMIA, is LMIA-exempt, or the client does not know',
  })
  @Optional()
  @IsIn(LMIA_ANSWERS, { message: `lmia must be one of ${LMIA_ANSWERS.join(', ')}` })
  lmia?: LmiaAnswer;

  @ApiPropertyOptional({ description: 'Is in Canada now' })
  @Optional()
  @IsBoolean({ message: 'insideCanada must be true or false' })
  insideCanada?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-31',
    description: 'Expiry of the current permit; within 90 days marks the consultation urgent',
  })
  @Optional()
  @IsCalendarDate()
  permitExpiresOn?: string;
}

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid', description: 'Consultation type id' })
  @IsUUID('all', { message: 'type must be a consultation type id (UUID)' })
  type: string;

  @ApiProperty({ example: '2026-12-01T17:00:00Z', description: 'A slot from GET /api/public/slots' })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Absent: any consultant free at that time' })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiProperty({ example: 'Priya Sharma', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'priya@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+16045550123' })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiProperty({
    example: 'Asia/Kolkata',
    description: "The visitor's IANA time zone; emails show times in it",
  })
  @IsIanaTimeZone()
  timezone: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'PGWP expiring', maxLength: 1000 })
  @Nullable()
  @Transform(trim)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  topic?: string | null;

  @ApiPropertyOptional({
    enum: PreferredLanguage,
    description: "Language of the emails; defaults to a known client's, else en",
  })
  @Optional()
  @IsEnum(PreferredLanguage, { message: 'language must be en or fr' })
  language?: PreferredLanguage;

  @ApiPropertyOptional({
    enum: ConsultationMode,
    enumName: 'ConsultationMode',
    default: ConsultationMode.Video,
  })
  @Optional()
  @IsEnum(ConsultationMode, { message: `mode must be one of ${Object.values(ConsultationMode).join(', ')}` })
  mode?: ConsultationMode;

  @ApiPropertyOptional({ type: PrescreenDto, description: 'Optional pre-screen answers' })
  @Optional()
  @IsObject({ message: 'prescreen must be an object' })
  @ValidateNested()
  @Type(() => PrescreenDto)
  prescreen?: PrescreenDto;
}

export class RescheduleBookingDto {
  @ApiProperty({
    example: '2026-12-02T17:00:00Z',
    description: 'Another slot of the same consultant and type',
  })
  @IsInstant()
  startsAt: string;
}
