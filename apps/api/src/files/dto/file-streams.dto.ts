import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsNumber,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LMIA_STREAMS } from '@app/reference-data';
import {
  BUSINESS_NUMBER_PATTERN,
  EXEMPTION_CODE_PATTERN,
  LMIA_NUMBER_PATTERN,
  LmiaStatus,
  MAX_WAGE,
  OFFER_OF_EMPLOYMENT_NUMBER_PATTERN,
  WAGE_PERIODS,
  type ImpPermitType,
  type WagePeriod,
} from '@app/work-permits';
import { trim, upper } from '../../http/transforms';
import { IsCalendarDate } from '../../http/calendar-date';
import { Nullable, Optional } from '../../http/optional';

/** The employer, wage and stream parts (a TFWP file's LMIA, an IMP file's exemption) of a file's request bodies. */

const IMP_PERMIT_TYPES: ImpPermitType[] = ['open', 'employer_specific'];

export class EmployerDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Maple Software Inc.',
    description: 'Required for employer-specific permits and TFWP files',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '123456789',
    description: 'CRA business number: 9 digits',
  })
  @Nullable()
  @Transform(trim)
  @Matches(BUSINESS_NUMBER_PATTERN, {
    message: 'businessNumber must be the 9 digits of a CRA business number',
  })
  businessNumber?: string | null;
}

export class WageDto {
  @ApiProperty({ example: 45.5, maximum: MAX_WAGE, description: 'Dollars, at most 2 decimals' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'amount must be a number with at most 2 decimals' },
  )
  @IsPositive()
  @Max(MAX_WAGE)
  amount: number;

  @ApiProperty({ enum: WAGE_PERIODS, example: 'hour' })
  @IsIn(WAGE_PERIODS, { message: `period must be one of ${WAGE_PERIODS.join(', ')}` })
  period: WagePeriod;
}

/** The LMIA of a TFWP file. */
export class TfwpDto {
  @ApiProperty({ enum: LMIA_STREAMS, example: 'agricultural' })
  @IsIn(LMIA_STREAMS, { message: `lmiaStream must be one of ${LMIA_STREAMS.join(', ')}` })
  lmiaStream: string;

  @ApiProperty({ enum: LmiaStatus, enumName: 'LmiaStatus', example: LmiaStatus.Positive })
  @IsEnum(LmiaStatus, { message: `lmiaStatus must be one of ${Object.values(LmiaStatus).join(', ')}` })
  lmiaStatus: LmiaStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234567', description: '7 to 10 digits' })
  @Nullable()
  @Transform(trim)
  @Matches(LMIA_NUMBER_PATTERN, { message: 'lmiaNumber must be 7 to 10 digits' })
  lmiaNumber?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-10-01' })
  @Nullable()
  @IsCalendarDate()
  lmiaIssuedOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-04-01',
    description: 'Defaults to lmiaIssuedOn plus the LMIA validity (6 months)',
  })
  @Nullable()
  @IsCalendarDate()
  lmiaExpiresOn?: string | null;
}

export class UpdateTfwpDto {
  @ApiPropertyOptional({ enum: LMIA_STREAMS })
  @Optional()
  @IsIn(LMIA_STREAMS, { message: `lmiaStream must be one of ${LMIA_STREAMS.join(', ')}` })
  lmiaStream?: string;

  @ApiPropertyOptional({ enum: LmiaStatus, enumName: 'LmiaStatus' })
  @Optional()
  @IsEnum(LmiaStatus, { message: `lmiaStatus must be one of ${Object.values(LmiaStatus).join(', ')}` })
  lmiaStatus?: LmiaStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1234567' })
  @Nullable()
  @Transform(trim)
  @Matches(LMIA_NUMBER_PATTERN, { message: 'lmiaNumber must be 7 to 10 digits' })
  lmiaNumber?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsCalendarDate()
  lmiaIssuedOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Moves with lmiaIssuedOn unless entered by hand',
  })
  @Nullable()
  @IsCalendarDate()
  lmiaExpiresOn?: string | null;
}

/** The exemption of an IMP file. The permit type (open or employer-specific) follows from the code. */
export class ImpDto {
  @ApiProperty({
    example: 'C10',
    description: "A current code from IRCC's list (GET /api/reference/exemption-codes)",
  })
  @Transform(upper)
  @Matches(EXEMPTION_CODE_PATTERN, { message: 'exemptionCode must be a letter and 2 digits, e.g. C10' })
  exemptionCode: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'A1234567',
    description: 'Employer Portal offer of employment number (A + 7 digits); employer-specific permits only',
  })
  @Nullable()
  @Transform(trim)
  @Matches(OFFER_OF_EMPLOYMENT_NUMBER_PATTERN, {
    message: 'offerOfEmploymentNumber must be A followed by 7 digits, e.g. A1234567',
  })
  offerOfEmploymentNumber?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Employer compliance fee paid; employer-specific permits only',
  })
  @Nullable()
  @IsBoolean()
  complianceFeePaid?: boolean | null;

  @ApiPropertyOptional({
    enum: IMP_PERMIT_TYPES,
    nullable: true,
    description:
      'Only for codes whose permit type varies (C20, C21, A75); otherwise it follows from the code',
  })
  @Nullable()
  @IsIn(IMP_PERMIT_TYPES, { message: 'permitType must be open or employer_specific' })
  permitType?: ImpPermitType | null;
}

export class UpdateImpDto {
  @ApiPropertyOptional({ example: 'C10' })
  @Optional()
  @Transform(upper)
  @Matches(EXEMPTION_CODE_PATTERN, { message: 'exemptionCode must be a letter and 2 digits, e.g. C10' })
  exemptionCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'A1234567' })
  @Nullable()
  @Transform(trim)
  @Matches(OFFER_OF_EMPLOYMENT_NUMBER_PATTERN, {
    message: 'offerOfEmploymentNumber must be A followed by 7 digits, e.g. A1234567',
  })
  offerOfEmploymentNumber?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @Nullable()
  @IsBoolean()
  complianceFeePaid?: boolean | null;

  @ApiPropertyOptional({ enum: IMP_PERMIT_TYPES, nullable: true })
  @Nullable()
  @IsIn(IMP_PERMIT_TYPES, { message: 'permitType must be open or employer_specific' })
  permitType?: ImpPermitType | null;
}
