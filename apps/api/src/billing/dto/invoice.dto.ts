import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { InvoiceLineKind, InvoiceStatus, PaymentMethod } from '@app/billing';
import { PROVINCE_CODES } from '@app/reference-data';
import { IsCalendarDate } from '../../http/calendar-date';
import { Nullable, Optional } from '../../http/optional';
import { PageQueryDto } from '../../http/page-query.dto';

/** The largest amount one line or payment may carry: $10,000,000.00. */
export const MAX_CENTS = 1_000_000_000;

export class InvoiceLineDto {
  @ApiProperty({
    enum: InvoiceLineKind,
    enumName: 'InvoiceLineKind',
    description: 'professional_fee is taxed; disbursement (government fees) never',
  })
  @IsEnum(InvoiceLineKind, { message: `kind must be one of ${Object.values(InvoiceLineKind).join(', ')}` })
  kind: InvoiceLineKind;

  @ApiProperty({ example: 'Work permit application: preparation and submission', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 1 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1)
  @Max(1000)
  quantity: number;

  @ApiProperty({ minimum: 0, maximum: MAX_CENTS, example: 150000, description: 'Whole cents, CAD' })
  @IsInt({ message: 'unitCents must be whole cents' })
  @Min(0, { message: 'unitCents must not be negative' })
  @Max(MAX_CENTS)
  unitCents: number;
}

export class CreateInvoiceDto {
  @ApiProperty({ type: [InvoiceLineDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines: InvoiceLineDto[];

  @ApiPropertyOptional({
    enum: ['CAD'],
    default: 'CAD',
    description: 'Invoices are in Canadian dollars only',
  })
  @Optional()
  @IsIn(['CAD'], { message: 'currency must be CAD' })
  currency?: string;

  @ApiPropertyOptional({
    example: 'CA',
    description: "The client's country (ISO 3166-1 alpha-2); default: their country of residence, or CA",
  })
  @Optional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO country code' })
  country?: string;

  @ApiPropertyOptional({
    enum: PROVINCE_CODES,
    nullable: true,
    description:
      "The client's province or territory (the place of supply): required in Canada, empty outside",
  })
  @Nullable()
  @IsIn(PROVINCE_CODES, { message: `province must be one of ${PROVINCE_CODES.join(', ')}` })
  province?: string | null;

  @ApiPropertyOptional({
    description: 'Outside Canada only: the consultant confirms the fees are zero-rated exports (no GST/HST)',
  })
  @Optional()
  @IsBoolean()
  zeroRatedConfirmed?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional({
    type: [InvoiceLineDto],
    minItems: 1,
    maxItems: 100,
    description: 'Replaces every line',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];

  @ApiPropertyOptional({ enum: ['CAD'] })
  @Optional()
  @IsIn(['CAD'], { message: 'currency must be CAD' })
  currency?: string;

  @ApiPropertyOptional({ example: 'CA' })
  @Optional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO country code' })
  country?: string;

  @ApiPropertyOptional({ enum: PROVINCE_CODES, nullable: true })
  @Nullable()
  @IsIn(PROVINCE_CODES, { message: `province must be one of ${PROVINCE_CODES.join(', ')}` })
  province?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  zeroRatedConfirmed?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class VoidInvoiceDto {
  @ApiProperty({ example: 'Issued to the wrong client', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class RecordPaymentDto {
  @ApiProperty({ minimum: 1, maximum: MAX_CENTS, example: 50000, description: 'Whole cents, CAD' })
  @IsInt({ message: 'amountCents must be whole cents' })
  @Min(1, { message: 'amountCents must be more than zero' })
  @Max(MAX_CENTS)
  amountCents: number;

  @ApiProperty({ enum: PaymentMethod, enumName: 'PaymentMethod' })
  @IsEnum(PaymentMethod, { message: `method must be one of ${Object.values(PaymentMethod).join(', ')}` })
  method: PaymentMethod;

  @ApiProperty({ example: '2026-12-05', description: 'The day the money was received' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Interac ref CA1234' })
  @Nullable()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}

export class ListInvoicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: InvoiceStatus, enumName: 'InvoiceStatus' })
  @Optional()
  @IsEnum(InvoiceStatus, { message: `status must be one of ${Object.values(InvoiceStatus).join(', ')}` })
  status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string;
}

export class GovernmentFeesQueryDto {
  @ApiPropertyOptional({ example: '2026-12-05', description: 'The day the amounts are for; default: today' })
  @Optional()
  @IsCalendarDate()
  on?: string;
}

export class InvoicePdfQueryDto {
  @ApiPropertyOptional({ enum: ['en', 'fr'], description: 'Default: the client’s preferred language' })
  @Optional()
  @IsIn(['en', 'fr'], { message: 'lang must be en or fr' })
  lang?: 'en' | 'fr';
}
