import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO31661Alpha2,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PreferredLanguage, StatusInCanada } from '@app/clients';
import { PageQueryDto, SearchPageQueryDto } from '../../http/page-query.dto';
import { IsCalendarDate } from './calendar-date.validator';
import { Nullable, Optional } from '../../http/optional';
import { ExportLanguageDto } from '../../exports/export-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Validates the field when it is present; null is refused (the column cannot be empty). */
const IfPresent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** Fields of a client; the services normalise phone, UCI and country codes and check the business rules. */
class ClientFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'priya@example.com',
    description: 'Unique among active clients, any case',
  })
  @Nullable()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+16045550123',
    description: 'Stored in E.164; numbers without a country code are read as Canadian (604-555-0123)',
  })
  @Nullable()
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '1994-05-17',
    description: 'Not in the future, not before 1900',
  })
  @Nullable()
  @IsCalendarDate()
  dateOfBirth?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'IN',
    description: 'ISO 3166-1 alpha-2; stored upper-case',
  })
  @Nullable()
  @IsISO31661Alpha2({ message: 'citizenship must be an ISO 3166-1 alpha-2 country code, e.g. IN' })
  citizenship?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'CA',
    description: 'ISO 3166-1 alpha-2; stored upper-case',
  })
  @Nullable()
  @IsISO31661Alpha2({ message: 'countryOfResidence must be an ISO 3166-1 alpha-2 country code, e.g. CA' })
  countryOfResidence?: string | null;

  @ApiPropertyOptional({ enum: StatusInCanada, enumName: 'StatusInCanada', default: StatusInCanada.None })
  @IfPresent()
  @IsEnum(StatusInCanada, {
    message: `statusInCanada must be one of ${Object.values(StatusInCanada).join(', ')}`,
  })
  statusInCanada?: StatusInCanada;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-01-31',
    description:
      'The end of the authorised stay (visitor, worker, student; required for trp_holder and visitor_record); for ' +
      'maintained_status (required), the expiry of the status the pending application extends. Cleared when the ' +
      "status changes to one without it. Keeps the status_expiry deadline of the client's newest open file in step",
  })
  @Nullable()
  @IsCalendarDate()
  statusExpiresOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-01-15',
    description:
      'maintained_status (required): when the extension was applied for, on or before statusExpiresOn; ' +
      'restoration: when restoration was applied for (within 90 days of statusLostOn); refugee_claimant: the claim date',
  })
  @Nullable()
  @IsCalendarDate()
  statusAppliedOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-11-30',
    description:
      'restoration (required): the day status was lost; the status_expiry deadline falls 90 days later',
  })
  @Nullable()
  @IsCalendarDate()
  statusLostOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Z1234567',
    description: '6 to 12 letters and digits; encrypted at rest, shown in full only on GET /clients/:id',
  })
  @Nullable()
  @Transform(trim)
  @Matches(/^[A-Za-z0-9]{6,12}$/, { message: 'passportNumber must be 6 to 12 letters and digits' })
  passportNumber?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2030-02-01' })
  @Nullable()
  @IsCalendarDate()
  passportExpiresOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1234-5678',
    description: 'IRCC unique client identifier: 8 or 10 digits, dashes or spaces allowed; stored as digits',
  })
  @Nullable()
  @IsString()
  @Matches(/^\s*\d+(?:[ -]\d+)*\s*$/, {
    message: 'uci must be 8 or 10 digits, e.g. 1234-5678 or 12-3456-7890',
  })
  @MaxLength(20)
  uci?: string | null;

  @ApiPropertyOptional({
    enum: PreferredLanguage,
    enumName: 'PreferredLanguage',
    default: PreferredLanguage.En,
  })
  @IfPresent()
  @IsEnum(PreferredLanguage, { message: 'preferredLanguage must be en or fr' })
  preferredLanguage?: PreferredLanguage;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active consultant or admin. Consultants may only name themselves (400 otherwise); their new clients are assigned to them',
  })
  @Nullable()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string | null;
}

export class CreateClientDto extends ClientFieldsDto {
  @ApiProperty({ example: 'Priya', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'firstName must not be empty' })
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Sharma', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'lastName must not be empty' })
  @MaxLength(100)
  lastName: string;
}

/** A partial change: absent fields stay as they are; null clears a field that may be empty. */
export class UpdateClientDto extends ClientFieldsDto {
  @ApiPropertyOptional({ example: 'Priya', maxLength: 100 })
  @IfPresent()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'firstName must not be empty' })
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Sharma', maxLength: 100 })
  @IfPresent()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'lastName must not be empty' })
  @MaxLength(100)
  lastName?: string;
}

export class ListClientsQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only clients assigned to this consultant' })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({
    description: 'true lists archived clients too (they carry archivedAt)',
    default: false,
  })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class ClientTimelineQueryDto extends PageQueryDto {}

/** The list's filters (no paging: the export holds every page) and the export's language. */
export class ExportClientsQueryDto extends IntersectionType(
  OmitType(ListClientsQueryDto, ['limit', 'cursor'] as const),
  ExportLanguageDto,
) {}
