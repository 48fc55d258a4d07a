import { Param, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DEFAULT_NOC_SEARCH_LIMIT } from '@app/reference-data';
import { ValidationFailedError } from '@app/shared';
import { Optional } from '../../http/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_NOC_SEARCH_LIMIT = 50;

export class ListExemptionCodesQueryDto {
  @ApiPropertyOptional({
    enum: ['current', 'all'],
    default: 'all',
    description:
      '`current`: only codes a new file may use (active and pilot codes); `all` adds retired and closed ones',
  })
  @Optional()
  @IsIn(['current', 'all'], { message: 'status must be one of current, all' })
  status?: 'current' | 'all';

  @ApiPropertyOptional({
    description: 'A code or its start (`C4`), or words of the title',
    maxLength: 100,
    example: 'intra-company',
  })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SearchNocQueryDto {
  @ApiProperty({
    description: 'A code or its start (`2123`), or words of the title; every word must match',
    minLength: 1,
    maxLength: 100,
    example: 'software',
  })
  @Transform(trim)
  @IsString({ message: 'q must be a text of 1 to 100 characters' })
  @MinLength(1, { message: 'q must be a text of 1 to 100 characters' })
  @MaxLength(100, { message: 'q must be a text of 1 to 100 characters' })
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_NOC_SEARCH_LIMIT, default: DEFAULT_NOC_SEARCH_LIMIT })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_NOC_SEARCH_LIMIT)
  limit: number = DEFAULT_NOC_SEARCH_LIMIT;

  @ApiPropertyOptional({
    enum: ['en', 'fr'],
    default: 'en',
    description:
      'The language of `title` (CNP 2021 in French, the English title where a French one is missing); the search matches both',
  })
  @Optional()
  @IsIn(['en', 'fr'], { message: 'lang must be one of en, fr' })
  lang: 'en' | 'fr' = 'en';
}

export class NocLanguageQueryDto {
  @ApiPropertyOptional({ enum: ['en', 'fr'], default: 'en', description: 'The language of `title`' })
  @Optional()
  @IsIn(['en', 'fr'], { message: 'lang must be one of en, fr' })
  lang: 'en' | 'fr' = 'en';
}

function patternPipe(name: string, pattern: RegExp, message: string): PipeTransform<unknown, string> {
  return {
    transform(value: unknown): string {
      if (typeof value !== 'string' || !pattern.test(value)) {
        throw ValidationFailedError.field(name, message);
      }
      return value;
    },
  };
}

/** `:code` of an exemption code: a letter and two digits, any case (`C10`, `t36`). */
export const ExemptionCodeParam = () =>
  Param('code', patternPipe('code', /^[A-Za-z]\d{2}$/, 'code must be a letter and two digits, e.g. C10'));

/** `:code` of a NOC unit group: 5 digits (NOC 2021), or 4 (NOC 2016, answered with its successors). */
export const NocCodeParam = () =>
  Param('code', patternPipe('code', /^\d{4,5}$/, 'code must be a 5-digit NOC 2021 code, e.g. 21232'));

/** `:code` of a NOC 2016 unit group: 4 digits. */
export const Noc2016CodeParam = () =>
  Param('code', patternPipe('code', /^\d{4}$/, 'code must be a 4-digit NOC 2016 code, e.g. 2174'));
