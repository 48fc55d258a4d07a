import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsString, MaxLength } from 'class-validator';
import { summarizeInvite } from '@app/consultations';
import { EmailStatus, type EmailEntity } from '@app/notifications';
import { PageQueryDto } from '../../http/page-query.dto';
import { Optional } from '../../http/optional';

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'deadline_reminder' })
  @Optional()
  @IsString()
  @MaxLength(50)
  kind?: string;

  @ApiPropertyOptional({ enum: EmailStatus, enumName: 'EmailStatus' })
  @Optional()
  @IsEnum(EmailStatus, { message: `status must be one of ${Object.values(EmailStatus).join(', ')}` })
  status?: EmailStatus;

  @ApiPropertyOptional({
    description: 'Recipient address (admins and assistants; consultants always see their own)',
  })
  @Optional()
  @IsEmail({}, { message: 'to must be an email address' })
  to?: string;
}

/** What the attached calendar invite says, read back from the text the email carried. */
export class EmailInviteResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'REQUEST',
    description: 'REQUEST (new or moved), CANCEL, or PUBLISH (a copy)',
  })
  method: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7b6c1c9e-…@permitdesk.example.ca' }) uid:
    string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'Raised on each move or cancellation',
  })
  sequence: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'CONFIRMED' }) status: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'UTC' }) startsAt:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'UTC' }) endsAt:
    string | null;
}

export class EmailResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'deadline_reminder' }) kind: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) html: string | null;
  @ApiProperty({ type: Boolean, description: 'A calendar invite is attached' }) hasCalendarInvite: boolean;
  @ApiProperty({
    type: EmailInviteResponse,
    nullable: true,
    description: 'The attached invite: method, UID, sequence, time, title',
  })
  invite: EmailInviteResponse | null;
  @ApiProperty({ type: String, nullable: true, example: 'reminder' }) relatedType: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) relatedId: string | null;
  @ApiProperty({ enum: EmailStatus, enumName: 'EmailStatus' }) status: EmailStatus;
  @ApiProperty({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt did not end in sent' })
  error: string | null;
  @ApiProperty({ description: 'Hand-overs to SMTP so far' }) attempts: number;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'pending: next try; sending: end of the acknowledgement window',
  })
  nextAttemptAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;

  static from(e: EmailEntity): EmailResponse {
    return Object.assign(new EmailResponse(), {
      id: e.id,
      kind: e.kind,
      to: e.to,
      subject: e.subject,
      text: e.text,
      html: e.html,
      hasCalendarInvite: e.icalEvent !== null,
      invite:
        e.icalEvent === null ? null : Object.assign(new EmailInviteResponse(), summarizeInvite(e.icalEvent)),
      relatedType: e.relatedType,
      relatedId: e.relatedId,
      status: e.status,
      messageId: e.messageId,
      error: e.error,
      attempts: e.attempts,
      nextAttemptAt: e.nextAttemptAt,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
    });
  }
}
