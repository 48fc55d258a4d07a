import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsNumber,
  IsObject,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { LMIA_STREAMS, PROVINCE_CODES } from '@app/reference-data';
import {
  ApplicationType,
  BUSINESS_NUMBER_PATTERN,
  EXEMPTION_CODE_PATTERN,
  FileStatus,
  IRCC_APPLICATION_NUMBER_PATTERN,
  isCalendarDate,
  LMIA_NUMBER_PATTERN,
  LmiaStatus,
  MAX_WAGE,
  NOC_2021_PATTERN,
  OFFER_OF_EMPLOYMENT_NUMBER_PATTERN,
  WAGE_PERIODS,
  WorkPermitStream,
  type ImpPermitType,
  type WagePeriod,
} from '@app/work-permits';
import { PageQueryDto, SearchPageQueryDto } from '../../http/page-query.dto';
import { Nullable, Optional } from '../../http/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
/** Validates the field when it is present; null is refused (the field cannot be cleared). */
const IfPresent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A real calendar day written YYYY-MM-DD, between 1900 and 2199 (2026-02-30 is refused). */
function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) && /^(19|20|21)\d{2}-/.test(value) },
    });
}

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
  @IfPresent()
  @IsIn(LMIA_STREAMS, { message: `lmiaStream must be one of ${LMIA_STREAMS.join(', ')}` })
  lmiaStream?: string;

  @ApiPropertyOptional({ enum: LmiaStatus, enumName: 'LmiaStatus' })
  @IfPresent()
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
  @IfPresent()
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

/** Fields a file shares between opening and changing it. */
class FileFieldsDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "An active consultant or admin. Defaults to the client's consultant, else the consultant opening the file",
  })
  @Nullable()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Software developer' })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'jobTitle must not be empty' })
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '21232',
    description: 'NOC 2021 unit group (5 digits); a NOC 2016 code is refused with its NOC 2021 successors',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(10)
  nocCode?: string | null;

  @ApiPropertyOptional({ enum: PROVINCE_CODES, nullable: true, example: 'ON' })
  @Nullable()
  @Transform(upper)
  @IsIn(PROVINCE_CODES, { message: `province must be one of ${PROVINCE_CODES.join(', ')}` })
  province?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Toronto',
    description:
      'Where the job is: the census metropolitan area (CMA) or municipality. Matched, ignoring case and accents, ' +
      "against ESDC's list of CMAs where low-wage LMIAs are refused (GET /api/reference/lmia-refused-areas)",
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'workLocation must not be empty' })
  @MaxLength(100)
  workLocation?: string | null;

  @ApiPropertyOptional({ type: WageDto, nullable: true })
  @Nullable()
  @IsObject({ message: 'wage must be an object {amount, period}' })
  @ValidateNested()
  @Type(() => WageDto)
  wage?: WageDto | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Set when the file moves to submitted, if empty',
  })
  @Nullable()
  @IsCalendarDate()
  submittedOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsCalendarDate()
  biometricsDueOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsCalendarDate()
  medicalDueOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Procedural fairness letter response due',
  })
  @Nullable()
  @IsCalendarDate()
  pflResponseDueOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Set on approval or refusal, if empty',
  })
  @Nullable()
  @IsCalendarDate()
  decisionOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-12-31' })
  @Nullable()
  @IsCalendarDate()
  permitExpiresOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      "Date of IRCC's biometric instruction letter; gives biometricsDueOn (the firm's period, 30 days by default) unless that is given",
  })
  @Nullable()
  @IsCalendarDate()
  biometricsLetterOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      "Date IRCC's medical instructions were received; gives medicalDueOn (30 days by default) unless that is given",
  })
  @Nullable()
  @IsCalendarDate()
  medicalLetterOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'Date of the procedural-fairness letter; pflResponseDueOn must be given with it unless the firm set a default period',
  })
  @Nullable()
  @IsCalendarDate()
  pflLetterOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'W301234567',
    description: 'A letter and 9 digits',
  })
  @Nullable()
  @Transform(upper)
  @Matches(IRCC_APPLICATION_NUMBER_PATTERN, {
    message: 'irccApplicationNumber must be a letter and 9 digits, e.g. W301234567',
  })
  irccApplicationNumber?: string | null;
}

export class OpenFileDto extends FileFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'A client the caller may see, not archived' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId: string;

  @ApiProperty({ enum: WorkPermitStream, enumName: 'WorkPermitStream' })
  @IsEnum(WorkPermitStream, { message: 'stream must be TFWP or IMP' })
  stream: WorkPermitStream;

  @ApiProperty({ enum: ApplicationType, enumName: 'ApplicationType' })
  @IsEnum(ApplicationType, {
    message: `applicationType must be one of ${Object.values(ApplicationType).join(', ')}`,
  })
  applicationType: ApplicationType;

  @ApiPropertyOptional({ type: EmployerDto, nullable: true })
  @Nullable()
  @IsObject({ message: 'employer must be an object {name, businessNumber}' })
  @ValidateNested()
  @Type(() => EmployerDto)
  employer?: EmployerDto | null;

  @ApiPropertyOptional({
    type: TfwpDto,
    nullable: true,
    description: 'TFWP files only, and required for them',
  })
  @Nullable()
  @IsObject({ message: 'tfwp must be an object' })
  @ValidateNested()
  @Type(() => TfwpDto)
  tfwp?: TfwpDto | null;

  @ApiPropertyOptional({ type: ImpDto, nullable: true, description: 'IMP files only, and required for them' })
  @Nullable()
  @IsObject({ message: 'imp must be an object' })
  @ValidateNested()
  @Type(() => ImpDto)
  imp?: ImpDto | null;
}

/** A partial change: absent fields stay as they are, null clears a field. */
export class UpdateFileDto extends FileFieldsDto {
  @ApiPropertyOptional({
    enum: WorkPermitStream,
    enumName: 'WorkPermitStream',
    description: 'Cannot change; accepted when unchanged',
  })
  @IfPresent()
  @IsEnum(WorkPermitStream, { message: 'stream must be TFWP or IMP' })
  stream?: WorkPermitStream;

  @ApiPropertyOptional({ enum: ApplicationType, enumName: 'ApplicationType' })
  @IfPresent()
  @IsEnum(ApplicationType, {
    message: `applicationType must be one of ${Object.values(ApplicationType).join(', ')}`,
  })
  applicationType?: ApplicationType;

  @ApiPropertyOptional({
    type: EmployerDto,
    nullable: true,
    description: 'Fields given are changed; null clears the employer',
  })
  @Nullable()
  @IsObject({ message: 'employer must be an object {name, businessNumber}' })
  @ValidateNested()
  @Type(() => EmployerDto)
  employer?: EmployerDto | null;

  @ApiPropertyOptional({ type: UpdateTfwpDto, nullable: true, description: 'Fields given are changed' })
  @Nullable()
  @IsObject({ message: 'tfwp must be an object' })
  @ValidateNested()
  @Type(() => UpdateTfwpDto)
  tfwp?: UpdateTfwpDto | null;

  @ApiPropertyOptional({
    type: UpdateImpDto,
    nullable: true,
    description: 'Fields given are changed; a new code re-applies the IMP rules',
  })
  @Nullable()
  @IsObject({ message: 'imp must be an object' })
  @ValidateNested()
  @Type(() => UpdateImpDto)
  imp?: UpdateImpDto | null;
}

export class TransitionDto {
  @ApiProperty({
    enum: FileStatus,
    enumName: 'FileStatus',
    description: "One of the file's allowedTransitions",
  })
  @IsEnum(FileStatus, { message: `to must be one of ${Object.values(FileStatus).join(', ')}` })
  to: FileStatus;
}

export class ListFilesQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: WorkPermitStream, enumName: 'WorkPermitStream' })
  @Optional()
  @IsEnum(WorkPermitStream, { message: 'stream must be TFWP or IMP' })
  stream?: WorkPermitStream;

  @ApiPropertyOptional({ enum: FileStatus, enumName: 'FileStatus' })
  @Optional()
  @IsEnum(FileStatus, { message: `status must be one of ${Object.values(FileStatus).join(', ')}` })
  status?: FileStatus;

  @ApiPropertyOptional({ example: 'C43' })
  @Optional()
  @Transform(upper)
  @Matches(EXEMPTION_CODE_PATTERN, { message: 'exemptionCode must be a letter and 2 digits, e.g. C10' })
  exemptionCode?: string;

  @ApiPropertyOptional({ enum: LMIA_STREAMS })
  @Optional()
  @IsIn(LMIA_STREAMS, { message: `lmiaStream must be one of ${LMIA_STREAMS.join(', ')}` })
  lmiaStream?: string;

  @ApiPropertyOptional({ example: '21232' })
  @Optional()
  @Matches(NOC_2021_PATTERN, { message: 'nocCode must be a 5-digit NOC 2021 code' })
  nocCode?: string;

  @ApiPropertyOptional({ enum: PROVINCE_CODES })
  @Optional()
  @Transform(upper)
  @IsIn(PROVINCE_CODES, { message: `province must be one of ${PROVINCE_CODES.join(', ')}` })
  province?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class FileTimelineQueryDto extends PageQueryDto {}
