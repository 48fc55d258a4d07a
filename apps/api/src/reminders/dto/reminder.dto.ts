import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_OFFSET_DAYS, ReminderStatus } from '@app/reminders';
import { DeadlineKind } from '@app/work-permits';
import { PageQueryDto } from '../../http/page-query.dto';
import { Optional } from '../../http/optional';

export class ListRemindersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ReminderStatus, enumName: 'ReminderStatus' })
  @Optional()
  @IsEnum(ReminderStatus, { message: `status must be one of ${Object.values(ReminderStatus).join(', ')}` })
  status?: ReminderStatus;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description:
      "Send time at or after: an ISO 8601 instant, or a day (from its start in the firm's time zone)",
  })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: "Send time before: an ISO 8601 instant, or a day (up to its end in the firm's time zone)",
  })
  @Optional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ example: 'deadline', description: 'deadline, deadline_digest, consultation, ...' })
  @Optional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The deadline (or consultation, consultant) reminded about',
  })
  @Optional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string;
}

function offsetsOf(kind: DeadlineKind, example: number[], required = true) {
  return (target: object, property: string) => {
    ApiProperty({
      type: [Number],
      example,
      required,
      description: `Days before a ${kind} deadline (0 = on the day)`,
    })(target, property);
    if (!required) {
      Optional()(target, property);
    }
    IsArray({ message: `${property} must be a list of days` })(target, property);
    ArrayMaxSize(12)(target, property);
    IsInt({ each: true, message: `${property} must list whole days` })(target, property);
    Min(0, { each: true, message: `${property} must not list negative days` })(target, property);
    Max(MAX_OFFSET_DAYS, { each: true, message: `${property} must list days up to ${MAX_OFFSET_DAYS}` })(
      target,
      property,
    );
  };
}

/** Days before the due date, per deadline kind; every kind is required (an empty list sends none). */
export class ReminderOffsetsDto {
  @offsetsOf(DeadlineKind.PermitExpiry, [120, 90, 60, 30, 14, 7]) permit_expiry: number[];
  @offsetsOf(DeadlineKind.LmiaExpiry, [60, 30, 14, 7]) lmia_expiry: number[];
  @offsetsOf(DeadlineKind.Biometrics, [21, 7, 2]) biometrics: number[];
  @offsetsOf(DeadlineKind.Medical, [21, 7, 2]) medical: number[];
  @offsetsOf(DeadlineKind.PflResponse, [14, 7, 2, 1]) pfl_response: number[];
  @offsetsOf(DeadlineKind.DocumentRequest, [7, 2]) document_request: number[];
  @offsetsOf(DeadlineKind.PassportExpiry, [180, 90]) passport_expiry: number[];
  @offsetsOf(DeadlineKind.StatusExpiry, [90, 60, 30, 14, 7]) status_expiry: number[];
  @offsetsOf(DeadlineKind.Custom, [7, 1]) custom: number[];
  /** Optional: left out, the firm's current days for document expiries stay. */
  @offsetsOf(DeadlineKind.DocumentExpiry, [60, 30], false)
  document_expiry?: number[];
}

export class ReminderSettingsDto {
  @ApiProperty({
    minimum: 0,
    maximum: 23,
    example: 8,
    description: "Hour reminders and digests go out, in the firm's time zone",
  })
  @IsInt({ message: 'sendHour must be a whole hour' })
  @Min(0)
  @Max(23)
  sendHour: number;

  @ApiProperty({ type: ReminderOffsetsDto })
  @ValidateNested()
  @Type(() => ReminderOffsetsDto)
  offsets: ReminderOffsetsDto;

  @ApiProperty({ description: 'Also send every deadline reminder to each active assistant' })
  @IsBoolean()
  notifyAssistants: boolean;

  @ApiProperty({ description: 'Email the admins once when a deadline is past and not completed' })
  @IsBoolean()
  escalateOverdue: boolean;

  @ApiProperty({ description: 'A daily email per consultant: overdue items and the next 14 days' })
  @IsBoolean()
  dailyDigest: boolean;
}
