import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PROVINCE_CODES } from '@app/reference-data';
import {
  ApplicationType,
  FileStatus,
  IRCC_APPLICATION_NUMBER_PATTERN,
  WorkPermitStream,
} from '@app/work-permits';
import { trim, upper } from '../../http/transforms';
import { IsCalendarDate } from '../../http/calendar-date';
import { Nullable, Optional } from '../../http/optional';
import { EmployerDto, WageDto, TfwpDto, UpdateTfwpDto, ImpDto, UpdateImpDto } from './file-streams.dto';

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
  @Optional()
  @IsEnum(WorkPermitStream, { message: 'stream must be TFWP or IMP' })
  stream?: WorkPermitStream;

  @ApiPropertyOptional({ enum: ApplicationType, enumName: 'ApplicationType' })
  @Optional()
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
