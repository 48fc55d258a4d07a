import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ConsultationMode } from '@app/consultations';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { Nullable, Optional } from '../../http/optional';
import { MeetingPlacesDto } from './meeting-places.dto';
import { trim } from '../../http/transforms';

export class CreateConsultationTypeDto extends MeetingPlacesDto {
  @ApiProperty({ example: 'Work permit assessment', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Évaluation de permis de travail', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'nameFr must not be empty' })
  @MaxLength(200)
  nameFr: string;

  @ApiProperty({ example: 30, minimum: 5, maximum: 480 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    example: 'We review your job offer and tell you which work permit fits and what to prepare.',
    description: 'Shown on the booking page under the name; null or "" clears it',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    example: 'Nous examinons votre offre d’emploi et vous disons quel permis convient.',
    description: 'The description in French',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(1000)
  descriptionFr?: string | null;

  @ApiPropertyOptional({
    enum: ConsultationMode,
    enumName: 'ConsultationMode',
    default: ConsultationMode.Video,
    description: 'How it takes place; public bookings of the type take this mode',
  })
  @Optional()
  @IsEnum(ConsultationMode, { message: `mode must be one of ${Object.values(ConsultationMode).join(', ')}` })
  mode?: ConsultationMode;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 15000,
    description: 'Price shown to clients, in CAD cents; null: none shown',
  })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'priceCents must be a whole number of cents' })
  @Min(0)
  @Max(10_000_000)
  priceCents?: number | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive types cannot be booked' })
  @Optional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UpdateConsultationTypeDto extends PartialType(CreateConsultationTypeDto, {
  skipNullProperties: false,
}) {}

/** Trimmed; an empty string clears the field (null). */
function trimToNull({ value }: { value: unknown }) {
  return typeof value === 'string' ? value.trim() || null : value;
}

const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListConsultationTypesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only active (true) or inactive (false) types',
  })
  @Optional()
  @Transform(queryBoolean)
  @IsIn([true, false], { message: 'active must be true or false' })
  active?: boolean;
}
