import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone } from '@app/config';
import { MeetingPlacesDto } from './meeting-places.dto';
import { IsInstant } from './time.validators';
import { Nullable, Optional } from '../../http/optional';
import { trim } from '../../http/transforms';

export class WeeklyRangeDto {
  @ApiProperty({ minimum: 1, maximum: 7, example: 1, description: '1 = Monday … 7 = Sunday' })
  @IsInt({ message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday: number;

  @ApiProperty({ example: '09:00', description: "HH:mm in the consultant's time zone" })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be a time HH:mm between 00:00 and 23:59' })
  start: string;

  @ApiProperty({ example: '12:00', description: 'HH:mm, after start; 24:00 for midnight' })
  @IsString()
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    message: 'end must be a time HH:mm between 00:01 and 24:00',
  })
  end: string;
}

export class AvailabilityDto extends MeetingPlacesDto {
  @ApiPropertyOptional({
    example: 'America/Vancouver',
    description: "IANA zone of the weekly hours; defaults to the consultant's own",
  })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiProperty({
    type: [WeeklyRangeDto],
    description: 'Several ranges a day allowed; ranges of one day may not overlap',
  })
  @IsArray({ message: 'weekly must be a list of {weekday, start, end}' })
  @ArrayMaxSize(70)
  @IsObject({ each: true, message: 'each weekly entry must be an object {weekday, start, end}' })
  @ValidateNested({ each: true })
  @Type(() => WeeklyRangeDto)
  weekly: WeeklyRangeDto[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 240,
    default: 15,
    description: 'Minutes kept free after each consultation',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferMinutes?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    default: 24,
    description: 'Earliest booking, in hours from now',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(720)
  minNoticeHours?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 60,
    description: 'The last bookable day is today plus this many days',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(365)
  maxDaysAhead?: number;

  @ApiPropertyOptional({
    minimum: 5,
    maximum: 240,
    default: 30,
    description: 'Slots start every this many minutes from the start of each range',
  })
  @Optional()
  @IsInt()
  @Min(5)
  @Max(240)
  slotIntervalMinutes?: number;
}

export class TimeOffDto {
  @ApiProperty({ example: '2026-12-24T00:00:00-05:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2027-01-02T00:00:00-05:00' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Holidays', maxLength: 200 })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reason?: string | null;
}
