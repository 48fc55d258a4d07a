import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@app/shared';
import { Optional } from './optional';

/** `limit` and `cursor`, shared by every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @Optional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** Adds the free-text `q` search. */
export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text search', maxLength: 100 })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
