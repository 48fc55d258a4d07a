import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsString, Matches, MaxLength } from 'class-validator';
import { FirmChecklistStream, type FirmChecklistItemEntity } from '@app/documents';
import { Nullable, Optional } from '../../http/optional';

const STREAM_MESSAGE = `stream must be one of ${Object.values(FirmChecklistStream).join(', ')}`;
const NOT_BLANK = /\S/;

/** The help texts, optional on creation and on a change alike. */
class FirmChecklistItemHelpDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @IsString({ message: 'help must be text' })
  @MaxLength(2000, { message: 'help must be at most 2000 characters' })
  help?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Nullable()
  @IsString({ message: 'helpFr must be text' })
  @MaxLength(2000, { message: 'helpFr must be at most 2000 characters' })
  helpFr?: string | null;
}

export class UpdateFirmChecklistItemDto extends FirmChecklistItemHelpDto {
  @ApiPropertyOptional({
    enum: FirmChecklistStream,
    enumName: 'FirmChecklistStream',
    description: 'The files it goes on: TFWP, IMP or ANY (both)',
  })
  @Optional()
  @IsEnum(FirmChecklistStream, { message: STREAM_MESSAGE })
  stream?: FirmChecklistStream;

  @ApiPropertyOptional({ maxLength: 200, example: 'Signed retainer' })
  @Optional()
  @IsString({ message: 'title must be text' })
  @Matches(NOT_BLANK, { message: 'title cannot be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Mandat signé' })
  @Optional()
  @IsString({ message: 'titleFr must be text' })
  @Matches(NOT_BLANK, { message: 'titleFr cannot be empty' })
  @MaxLength(200, { message: 'titleFr must be at most 200 characters' })
  titleFr?: string;

  @ApiPropertyOptional({ description: 'Whether a file is incomplete without it' })
  @Optional()
  @IsBoolean({ message: 'required must be true or false' })
  required?: boolean;
}

/**
 * Not an extension of the update: there every field is @Optional, and that skips a missing value whatever the
 * subclass adds, so a creation without a title passed validation.
 */
export class CreateFirmChecklistItemDto extends FirmChecklistItemHelpDto {
  @ApiProperty({ enum: FirmChecklistStream, enumName: 'FirmChecklistStream' })
  @IsEnum(FirmChecklistStream, { message: STREAM_MESSAGE })
  stream: FirmChecklistStream;

  @ApiProperty({
    example: 'signed_retainer',
    maxLength: 80,
    description:
      "The documents' kind for this item: lowercase letters, digits and _; not an IRCC item's key nor `other`. " +
      'It cannot change later.',
  })
  @IsString({ message: 'key must be text' })
  @Matches(/^[a-z0-9][a-z0-9_]{0,79}$/, {
    message: 'key must be 1–80 lowercase letters, digits or _, starting with a letter or digit',
  })
  key: string;

  @ApiProperty({ maxLength: 200, example: 'Signed retainer' })
  @IsString({ message: 'title must be text' })
  @Matches(NOT_BLANK, { message: 'title cannot be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiProperty({ maxLength: 200, example: 'Mandat signé' })
  @IsString({ message: 'titleFr must be text' })
  @Matches(NOT_BLANK, { message: 'titleFr cannot be empty' })
  @MaxLength(200, { message: 'titleFr must be at most 200 characters' })
  titleFr: string;

  @ApiProperty({ description: 'Whether a file is incomplete without it' })
  @IsBoolean({ message: 'required must be true or false' })
  required: boolean;
}

export class FirmChecklistItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FirmChecklistStream, enumName: 'FirmChecklistStream' }) stream: FirmChecklistStream;
  @ApiProperty({ example: 'signed_retainer' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty() titleFr: string;
  @ApiProperty({ type: String, nullable: true }) help: string | null;
  @ApiProperty({ type: String, nullable: true }) helpFr: string | null;
  @ApiProperty() required: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(item: FirmChecklistItemEntity): FirmChecklistItemResponse {
    return {
      id: item.id,
      stream: item.stream,
      key: item.key,
      title: item.title,
      titleFr: item.titleFr,
      help: item.help,
      helpFr: item.helpFr,
      required: item.required,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    };
  }
}

export class FirmChecklistItemListResponse {
  @ApiProperty({ type: [FirmChecklistItemResponse] }) items: FirmChecklistItemResponse[];
}
