import {
  queryFieldReader,
  queryYear,
  throwIfFieldErrors,
  ValidationFailedError,
  type FieldErrors,
} from '@app/shared';

export const REPORT_STREAMS = ['TFWP', 'IMP'] as const;
export type ReportStream = (typeof REPORT_STREAMS)[number];
export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The first year IRCC's work-permit holder figures cover. */
export const FIRST_REPORT_YEAR = 2000;

export interface OccupationsParams {
  province?: string;
  stream?: ReportStream;
  year: number;
  format: ReportFormat;
}

const OCCUPATIONS_FIELDS = ['province', 'stream', 'year', 'format'];

/**
 * Checks the query of the occupations report. `currentYear` is this year in the firm's zone: the default and
 * the last year allowed. Unknown fields, provinces, streams, formats and years outside 2000..currentYear fail,
 * each keyed by its field.
 */
export function parseOccupationsParams(
  raw: Record<string, unknown>,
  currentYear: number,
  isProvince: (code: string) => boolean,
): OccupationsParams {
  const fields: FieldErrors = {};
  const text = queryFieldReader(raw, OCCUPATIONS_FIELDS, fields);

  const province = text('province')?.toUpperCase();
  if (province !== undefined && !isProvince(province)) {
    fields.province = [`province must be a province or territory code (ON, BC, ...)`];
  }
  const stream = text('stream')?.toUpperCase();
  if (stream !== undefined && !(REPORT_STREAMS as readonly string[]).includes(stream)) {
    fields.stream = [`stream must be one of ${REPORT_STREAMS.join(', ')}`];
  }
  const format = text('format')?.toLowerCase() ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    fields.format = [`format must be one of ${REPORT_FORMATS.join(', ')}`];
  }
  const year = queryYear(text('year'), FIRST_REPORT_YEAR, currentYear, fields);
  throwIfFieldErrors(fields);
  return { province, stream: stream as ReportStream | undefined, year, format: format as ReportFormat };
}

/** Only the overview takes no parameters: anything given is an unknown field. */
export function rejectUnknownFields(raw: Record<string, unknown>): void {
  const keys = Object.keys(raw);
  if (keys.length > 0) {
    throw new ValidationFailedError(
      Object.fromEntries(keys.map((key) => [key, [`${key} is not a known field`]])),
    );
  }
}
