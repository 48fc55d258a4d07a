import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../http/optional';
import type { ExportLanguage } from './export-labels';

/** `lang` of every CSV export: the language of its headers and labels (else the request's Accept-Language). */
export class ExportLanguageDto {
  @ApiPropertyOptional({
    enum: ['en', 'fr'],
    description:
      'Headers and labels in English or French; default: French when Accept-Language starts with fr',
  })
  @Optional()
  @IsIn(['en', 'fr'], { message: 'lang must be en or fr' })
  lang?: ExportLanguage;
}

/** The list's filters as the export applied them: set ones only, without the language. */
export function appliedFilters(query: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => key !== 'lang' && value !== undefined && value !== ''),
  );
}
