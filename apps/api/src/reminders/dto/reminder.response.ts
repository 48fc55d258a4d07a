import { ApiProperty } from '@nestjs/swagger';
import {
  ReminderStatus,
  type DescribedReminder,
  type PolicyUpdateResult,
  type ReminderEntity,
  type StoredReminderPolicy,
} from '@app/reminders';
import { ReminderOffsetsDto } from './reminder.dto';

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'deadline' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({
    example: '30d@2027-01-15',
    description: 'Which reminder of the subject: days before a due date, overdue, daily',
  })
  offsetKey: string;
  @ApiProperty({ description: 'A staff user id, or a client email address' }) recipient: string;
  @ApiProperty() sendAt: Date;
  @ApiProperty({ enum: ReminderStatus, enumName: 'ReminderStatus' }) status: ReminderStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(r: ReminderEntity): ReminderResponse {
    return Object.assign(new ReminderResponse(), {
      id: r.id,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      offsetKey: r.offsetKey,
      recipient: r.recipient,
      sendAt: r.sendAt,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      sentAt: r.sentAt,
      messageId: r.messageId,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
  }
}

/** A reminder of the staff list, with who gets it and what it is about in words. */
export class ReminderListItemResponse extends ReminderResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Amélie Tremblay',
    description: 'The staff member, or the client with that email; null when neither is known',
  })
  recipientName: string | null;
  @ApiProperty({ example: 'amelie@example.com', description: "The recipient's email address" })
  recipientEmail: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'LMIA expiry',
    description: "The deadline's title, the consultation's client, or the digest's consultant",
  })
  about: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'lmia_expiry', description: "A deadline's kind" })
  deadlineKind: string | null;

  static fromListed(r: DescribedReminder): ReminderListItemResponse {
    return Object.assign(new ReminderListItemResponse(), ReminderResponse.from(r), {
      recipientName: r.recipientName,
      recipientEmail: r.recipientEmail,
      about: r.about,
      deadlineKind: r.deadlineKind,
    });
  }
}

export class ReplanSummaryResponse {
  @ApiProperty({ description: 'Open deadlines re-planned' }) deadlines: number;
  @ApiProperty() inserted: number;
  @ApiProperty() moved: number;
  @ApiProperty() rearmed: number;
  @ApiProperty() cancelled: number;
}

export class ReminderSettingsResponse {
  @ApiProperty({ example: 8 }) sendHour: number;
  @ApiProperty({ type: ReminderOffsetsDto }) offsets: ReminderOffsetsDto;
  @ApiProperty() notifyAssistants: boolean;
  @ApiProperty() escalateOverdue: boolean;
  @ApiProperty() dailyDigest: boolean;
  @ApiProperty({ example: 'America/Toronto', description: 'FIRM_TIMEZONE: the zone of sendHour' })
  timeZone: string;
  @ApiProperty({ type: Date, nullable: true, description: 'Null while the defaults apply' })
  updatedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedById: string | null;
  @ApiProperty({
    type: ReplanSummaryResponse,
    required: false,
    description: 'After a PUT: what the re-plan changed',
  })
  replanned?: ReplanSummaryResponse;

  static from(stored: StoredReminderPolicy | PolicyUpdateResult, timeZone: string): ReminderSettingsResponse {
    return Object.assign(new ReminderSettingsResponse(), {
      ...stored.policy,
      offsets: { ...stored.policy.offsets },
      timeZone,
      updatedAt: stored.updatedAt,
      updatedById: stored.updatedById,
      ...('replanned' in stored ? { replanned: stored.replanned } : {}),
    });
  }
}
