import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { DeadlineKind, type DeadlineStatusFilter } from '@app/work-permits';
import { IsCalendarDate } from '../../http/calendar-date';
import { PageQueryDto } from '../../http/page-query.dto';
import { trim } from '../../http/transforms';
import { Nullable, Optional } from '../../http/optional';
import { ExportLanguageDto } from '../../exports/export-query.dto';

/** The day must not be before the one in `field` (when both are given). */
function IsNotBefore(field: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName,
      constraints: [field],
      options: { message: `${propertyName} must not be before ${field}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[field];
          return typeof value !== 'string' || typeof other !== 'string' || value >= other;
        },
      },
    });
}

const KINDS = `kind must be one of ${Object.values(DeadlineKind).join(', ')}`;
const STATUSES: DeadlineStatusFilter[] = ['open', 'completed', 'all'];

export class CreateDeadlineDto {
  @ApiPropertyOptional({
    enum: DeadlineKind,
    enumName: 'DeadlineKind',
    default: DeadlineKind.Custom,
    description:
      'Key-date kinds (permit_expiry, lmia_expiry, biometrics, medical, pfl_response) follow the file and are refused here',
  })
  @Optional()
  @IsEnum(DeadlineKind, { message: KINDS })
  kind?: DeadlineKind;

  @ApiPropertyOptional({
    example: 'Send signed employment contract',
    description: 'Required for custom deadlines',
  })
  @Optional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-15',
    description:
      "A calendar day in the firm's time zone. Required unless letterOn is given for a kind whose period has days",
  })
  @Optional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-04',
    description:
      'The date of the letter the deadline comes from. Without dueOn, the due date is this day plus the ' +
      "firm's period for the kind (GET /api/settings/deadline-periods: document_request, status_expiry...); " +
      'a kind with no period, or a period with no days, needs dueOn (a 400 naming the field)',
  })
  @Optional()
  @IsCalendarDate()
  letterOn?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "An active staff member; defaults to the file's consultant, null leaves it unassigned",
  })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class UpdateDeadlineDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-20',
    description: "Moving a key-date deadline also moves the file's key date",
  })
  @Optional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ example: 'Send signed employment contract' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active staff member, or null',
  })
  @Nullable()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'true completes the deadline, false reopens it' })
  @Optional()
  @IsBoolean({ message: 'completed must be true or false' })
  completed?: boolean;
}

const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class FileDeadlinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DeadlineKind, enumName: 'DeadlineKind' })
  @Optional()
  @IsEnum(DeadlineKind, { message: KINDS })
  kind?: DeadlineKind;

  @ApiPropertyOptional({ enum: STATUSES, default: 'all' })
  @Optional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: DeadlineStatusFilter;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "true: open and past due in the firm's time zone",
  })
  @Optional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or after this day' })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or before this day' })
  @Optional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;
}

export class ListDeadlinesQueryDto extends FileDeadlinesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId?: string;
}

/** The list's filters (no paging: the export holds every page) and the export's language. */
export class ExportDeadlinesQueryDto extends IntersectionType(
  OmitType(ListDeadlinesQueryDto, ['limit', 'cursor'] as const),
  ExportLanguageDto,
) {}
