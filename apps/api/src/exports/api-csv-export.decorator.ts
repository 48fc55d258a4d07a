import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-docs.decorators';

/** OpenAPI of a CSV export route: the file it streams and the list's own errors. */
export function ApiCsvExport(summary: string, what: string) {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: `${what} matching the list's filters, in the caller's scope, as a CSV attachment (UTF-8 with a BOM, labels not keys, dates as YYYY-MM-DD); streamed page by page and audited`,
      content: { 'text/csv': { schema: { type: 'string' } } },
    }),
    ApiErrors(400),
  );
}
