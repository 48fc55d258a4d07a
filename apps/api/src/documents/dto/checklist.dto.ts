import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { MAX_REVIEW_REASON } from '@app/documents';

export class WaiveChecklistItemDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_REVIEW_REASON,
    example: 'The client holds no police certificate',
  })
  @IsString({ message: 'reason must be text' })
  @Matches(/\S/, { message: 'reason is required' })
  @MaxLength(MAX_REVIEW_REASON, { message: `reason must be at most ${MAX_REVIEW_REASON} characters` })
  reason: string;
}
