import { ApiProperty } from '@nestjs/swagger';
import type { AvailabilityView, TimeOffEntity } from '@app/consultations';
import { WeeklyRangeDto } from './availability.dto';

export class TimeOffResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() createdAt: Date;

  static from(timeOff: TimeOffEntity): TimeOffResponse {
    return Object.assign(new TimeOffResponse(), {
      id: timeOff.id,
      startsAt: timeOff.startsAt,
      endsAt: timeOff.endsAt,
      reason: timeOff.reason,
      createdAt: timeOff.createdAt,
    });
  }
}

export class TimeOffCreatedResponse extends TimeOffResponse {
  @ApiProperty({
    type: [String],
    description: 'Booked consultations inside this time off: they stay booked; move or cancel them',
  })
  overlappingConsultationIds: string[];
}

export class AvailabilityResponse {
  @ApiProperty({ format: 'uuid' }) consultantId: string;
  @ApiProperty({ description: 'False until availability is saved: nobody can book this consultant yet' })
  isConfigured: boolean;
  @ApiProperty({ description: "The user's bookable flag (set on the user by an admin)" }) isBookable: boolean;
  @ApiProperty({ example: 'America/Vancouver' }) timezone: string;
  @ApiProperty({ type: [WeeklyRangeDto] }) weekly: WeeklyRangeDto[];
  @ApiProperty({ example: 15 }) bufferMinutes: number;
  @ApiProperty({ example: 24 }) minNoticeHours: number;
  @ApiProperty({ example: 60 }) maxDaysAhead: number;
  @ApiProperty({ example: 30 }) slotIntervalMinutes: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Video consultations: the meeting link (before the type’s)',
  })
  videoLink: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Phone consultations: the number the client calls (before the type’s)',
  })
  phoneNumber: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'In-person consultations: the office address (before the type’s)',
  })
  officeAddress: string | null;
  @ApiProperty({ type: [TimeOffResponse], description: 'Time off not yet over, soonest first' })
  timeOff: TimeOffResponse[];

  static from(view: AvailabilityView): AvailabilityResponse {
    return Object.assign(new AvailabilityResponse(), {
      consultantId: view.consultantId,
      isConfigured: view.isConfigured,
      isBookable: view.isBookable,
      timezone: view.timezone,
      weekly: view.weekly.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end })),
      bufferMinutes: view.bufferMinutes,
      minNoticeHours: view.minNoticeHours,
      maxDaysAhead: view.maxDaysAhead,
      slotIntervalMinutes: view.slotIntervalMinutes,
      videoLink: view.videoLink,
      phoneNumber: view.phoneNumber,
      officeAddress: view.officeAddress,
      timeOff: view.timeOff.map((item) => TimeOffResponse.from(item)),
    });
  }
}
