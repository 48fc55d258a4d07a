import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Nullable } from '../../http/optional';
import { IsDialablePhone } from '../../consultations/dto/meeting-places.dto';

/** Trimmed; an empty string clears the field (null). */
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** The firm's public details; each field left out or null (or "") is cleared. */
export class UpdateFirmProfileDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Maple Leaf Immigration', maxLength: 200 })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(200)
  // eslint-disable-next-line no-control-regex -- one line: control characters (line breaks too) are refused
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'name must be one line of text' })
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1055 W Georgia St, Suite 1500\nVancouver, BC V6E 3P3',
    maxLength: 500,
    description: 'Up to a few lines, as printed under the name',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(500)
  // eslint-disable-next-line no-control-regex -- line breaks are allowed, other control characters are not
  @Matches(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/, { message: 'address must be plain text lines' })
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+1 604 555 0100', maxLength: 40 })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(40)
  @Validate(IsDialablePhone, {
    message: 'phone must be a phone number clients can dial, such as +1 604 555 0100',
  })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'info@mapleleaf.example',
    maxLength: 254,
    description: 'The address clients may write to',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'publicEmail must be an email address' })
  publicEmail?: string | null;
}
