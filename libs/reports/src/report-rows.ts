import type { WorkPermitProgram } from '@app/reference-data';

/** Rows of the caseload overview's aggregates, as pg returns them (counts are bigint text). */
export interface FilesByStatusRow {
  stream: string;
  status: string;
  files: string;
}
export interface FilesByExemptionCodeRow {
  code: string;
  permit_type: string | null;
  files: string;
}
export interface FilesByLmiaStreamRow {
  lmia_stream: string | null;
  files: string;
}
export interface DeadlinesByKindRow {
  kind: string;
  deadlines: string;
}
export interface ConsultationsByTypeRow {
  type_id: string;
  type_name: string;
  status: string;
  consultations: string;
}
export interface ConsultationConversionRow {
  consultations: string;
  became_files: string;
}

/** Every aggregate the overview shows, in one round of queries. */
export interface CaseloadCounts {
  byStatus: FilesByStatusRow[];
  byCode: FilesByExemptionCodeRow[];
  byLmia: FilesByLmiaStreamRow[];
  deadlines: DeadlinesByKindRow[];
  consultations: ConsultationsByTypeRow[];
  conversion: ConsultationConversionRow[];
}

/** Rows of the occupations report's aggregates. */
export interface FilesByOccupationRow {
  noc_code: string;
  province: string | null;
  files: string;
}
export interface FilesByProvinceRow {
  province: string | null;
  stream: WorkPermitProgram;
  files: string;
}

/** A count pg returns as bigint text. */
export const count = (value: unknown): number => Number(value);
