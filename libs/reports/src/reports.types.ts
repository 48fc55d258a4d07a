import type { WorkPermitProgram } from '@app/reference-data';

export interface CaseloadOverview {
  filesByStream: { stream: string; total: number; byStatus: { status: string; files: number }[] }[];
  impByExemptionCode: {
    /** The most used codes, most files first. */
    top: { code: string; title: string | null; files: number; open: number; employerSpecific: number }[];
    /** Files under the other codes. */
    otherFiles: number;
  };
  tfwpByLmiaStream: { lmiaStream: string | null; name: string | null; files: number }[];
  /** Open deadlines due from today to today + 30 days (firm's zone), inclusive. */
  deadlinesDue: { from: string; to: string; total: number; byKind: { kind: string; deadlines: number }[] };
  consultationsThisMonth: {
    month: string;
    total: number;
    byType: {
      typeId: string;
      name: string;
      total: number;
      byStatus: { status: string; consultations: number }[];
    }[];
  };
  /** All consultations, and those a file was opened from. */
  consultationsToFiles: { consultations: number; becameFiles: number };
}

export interface OccupationRow {
  nocCode: string;
  title: string | null;
  teer: number | null;
  province: string | null;
  files: number;
}

export interface ProvinceComparison {
  /** null: files without a province. */
  province: string | null;
  name: string;
  files: Record<WorkPermitProgram, number>;
  /** IRCC's holders on December 31 of the year; null when IRCC has not published that year. */
  irccHoldersOnDec31: Record<WorkPermitProgram, number | null> | null;
  /** IRCC's permits that took effect in `irccPermitsIssued.year` (the report's year, else the latest before it). */
  irccPermitsIssued: Record<WorkPermitProgram, number | null> | null;
}

/** IRCC's national figures of permits that took effect, beside the firm's caseload. */
export interface IrccPermitsIssued {
  counts: string;
  source: string;
  /** The report's year. */
  requestedYear: number;
  /** The year the figures are for: the requested one, else the latest published before it; null when none. */
  year: number | null;
  /** True when `year` is not the requested year (IRCC has not published it yet). */
  isFallback: boolean;
  latestPublishedYear: number;
  /** All of Canada, by program. */
  canada: Record<WorkPermitProgram, number | null> | null;
  /** The province the report is filtered on, by program; null without a province filter. */
  province: { province: string; name: string; permits: Record<WorkPermitProgram, number | null> } | null;
}

export interface OccupationsReport {
  year: number;
  yearBasis: string;
  province: string | null;
  stream: string | null;
  occupations: OccupationRow[];
  byProvince: ProvinceComparison[];
  ircc: { counts: string; source: string; year: number | null; latestPublishedYear: number };
  irccPermitsIssued: IrccPermitsIssued;
}
