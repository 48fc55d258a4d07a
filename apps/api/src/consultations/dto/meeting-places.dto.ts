import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { Nullable } from '../../http/optional';

/** Trimmed; an empty string clears the setting (null). */
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

@ValidatorConstraint({ name: 'isDialablePhone' })
export class IsDialablePhone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidPhoneNumber(value, 'CA');
  }

  defaultMessage(): string {
    return 'phoneNumber must be a phone number clients can dial, such as +1 604 555 0100 (North American numbers may leave out +1; an extension may follow: ext. 12)';
  }
}

/**
 * Where consultations take place, by mode: shown in the emails and as the calendar invite's LOCATION. Set on
 * a consultant's availability (their own video room, their direct line) and on a consultation type (the firm's
 * office, a shared line); the consultant's setting comes first. Null or "" clears one.
 */
export class MeetingPlacesDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://meet.example.ca/amelie-tremblay',
    maxLength: 500,
    description: 'Video consultations: the meeting link (https)',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'videoLink must be an https:// link' })
  videoLink?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+1 604 555 0100',
    maxLength: 40,
    description: 'Phone consultations: the number the client calls',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(40)
  @Validate(IsDialablePhone)
  phoneNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1055 W Georgia St, Suite 1500, Vancouver, BC V6E 3P3',
    maxLength: 300,
    description: 'In-person consultations: the office address, one line',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(300)
  // eslint-disable-next-line no-control-regex -- refusing control characters (line breaks included) is the point
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'officeAddress must be one line of text' })
  officeAddress?: string | null;
}
