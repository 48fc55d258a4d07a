import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID } from 'class-validator';
import { MAX_MESSAGE_ATTACHMENTS, MAX_MESSAGE_LENGTH } from '@app/messages';
import { Optional } from '../../http/optional';
import { PageQueryDto } from '../../http/page-query.dto';

/** A new message on a file (staff or portal). */
export class NewMessageDto {
  @ApiProperty({
    example: 'Your biometrics letter arrived: please book an appointment this week.',
    description: `The text, 1 to ${MAX_MESSAGE_LENGTH} characters once trimmed`,
  })
  @IsString({ message: 'body must be text' })
  body: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_MESSAGE_ATTACHMENTS,
    description:
      'Documents already on the file to send with the message (uploaded through the document routes); ' +
      'in the portal, documents the client uploaded',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_MESSAGE_ATTACHMENTS)
  @IsUUID('all', { each: true, message: 'documentIds must be document ids' })
  documentIds?: string[];
}

/** A page of a thread: newest first; `nextCursor` goes back to older messages. */
export class ListMessagesQueryDto extends PageQueryDto {}
