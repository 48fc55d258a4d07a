import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_REVIEW_REASON } from '@app/documents';
import { PageQueryDto } from '../../http/page-query.dto';
import { Nullable, Optional } from '../../http/optional';

export class ReviewDocumentDto {
  @ApiPropertyOptional({
    enum: ['accepted', 'rejected'],
    description: 'The review; a rejection needs a reason',
  })
  @Optional()
  @IsIn(['accepted', 'rejected'], { message: 'status must be accepted or rejected' })
  status?: 'accepted' | 'rejected';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_REVIEW_REASON,
    description:
      'With a status: why it was rejected (required then; the client sees it), or a note on acceptance',
  })
  @Nullable()
  @IsString({ message: 'reason must be text' })
  @MaxLength(MAX_REVIEW_REASON, { message: `reason must be at most ${MAX_REVIEW_REASON} characters` })
  reason?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null clears it' })
  @Nullable()
  @IsString({ message: 'expiresOn must be a date written YYYY-MM-DD' })
  expiresOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'null clears it' })
  @Nullable()
  @IsString({ message: 'issuedOn must be a date written YYYY-MM-DD' })
  issuedOn?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString({ message: 'title must be text' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;
}

export class DocumentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'passport', description: "Only this kind's versions" })
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,79}$/, { message: 'kind must be a checklist item key or "other"' })
  kind?: string;
}
