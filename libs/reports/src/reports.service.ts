import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AppConfig } from '@app/config';
import { ReferenceDataService, type WorkPermitProgram } from '@app/reference-data';
import { Clock, csvLine, type StaffScope } from '@app/shared';
import { count } from './report-rows';
import { ReportsRepository } from './reports.repository';
import { parseOccupationsParams, rejectUnknownFields, type OccupationsParams } from './rules/report-params';
import type {
  CaseloadOverview,
  OccupationRow,
  OccupationsReport,
  ProvinceComparison,
  IrccPermitsIssued,
} from './reports.types';

export const TOP_EXEMPTION_CODES = 10;
export const DEADLINE_WINDOW_DAYS = 30;
export const OCCUPATIONS_CSV_HEADER = [
  'noc_code',
  'title',
  'teer',
  'province',
  'files',
  'ircc_year',
  'ircc_imp_permits_issued_in_province',
  'ircc_tfwp_permits_issued_in_province',
] as const;

export const IRCC_ISSUED_NOTE =
  'IRCC open data: work permits that took effect during the year, by province or territory of intended destination ' +
  'and program (IMP, TFWP); sums of monthly values rounded to multiples of 5, 0 to 5 counted as 0; Canada is the ' +
  'sum of the provinces and territories.';

export const IRCC_HOLDERS_NOTE =
  'IRCC open data: work-permit holders on December 31 of the year, by province or territory of intended destination and ' +
  'program (a stock, not the number of permits issued or made effective during the year); rounded to multiples of 5, ' +
  '0 to 5 suppressed, preliminary.';
export const IRCC_HOLDERS_SOURCE =
  'https://open.canada.ca/data/en/dataset/360024f2-17e9-4558-bfc1-3616485d65b9';

/**
 * Caseload reports: each aggregated in PostgreSQL (GROUP BY) in a fixed number of queries, within the staff
 * member's scope (consultants: files whose consultant is theirs, and their consultations).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly referenceData: ReferenceDataService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Checks the overview's query: it takes no parameters. */
  checkOverviewQuery(raw: Record<string, unknown>): void {
    rejectUnknownFields(raw);
  }

  /** Checks the occupations report's query (throws ValidationFailedError naming the field). */
  parseOccupationsQuery(raw: Record<string, unknown>): OccupationsParams {
    const currentYear = DateTime.fromJSDate(this.clock.now(), { zone: this.config.firmTimeZone }).year;
    return parseOccupationsParams(
      raw,
      currentYear,
      (code) => this.referenceData.province(code) !== undefined,
    );
  }

  async overview(scope: StaffScope): Promise<CaseloadOverview> {
    const zone = this.config.firmTimeZone;
    const today = DateTime.fromJSDate(this.clock.now(), { zone }).startOf('day');
    const until = today.plus({ days: DEADLINE_WINDOW_DAYS });
    const monthStart = today.startOf('month');
    const monthEnd = monthStart.plus({ months: 1 });
    const { byStatus, byCode, byLmia, deadlines, consultations, conversion } =
      await this.reports.caseloadCounts(
        {
          today: today.toISODate(),
          until: until.toISODate(),
          monthStart: monthStart.toJSDate(),
          monthEnd: monthEnd.toJSDate(),
        },
        scope,
      );

    const streams = new Map<
      string,
      { stream: string; total: number; byStatus: { status: string; files: number }[] }
    >();
    for (const stream of ['TFWP', 'IMP']) {
      streams.set(stream, { stream, total: 0, byStatus: [] });
    }
    for (const row of byStatus) {
      const entry = streams.get(row.stream)!;
      entry.total += count(row.files);
      entry.byStatus.push({ status: row.status, files: count(row.files) });
    }

    const codes = new Map<
      string,
      { code: string; title: string | null; files: number; open: number; employerSpecific: number }
    >();
    for (const row of byCode) {
      const entry = codes.get(row.code) ?? {
        code: row.code,
        title: this.referenceData.exemptionCode(row.code)?.title ?? null,
        files: 0,
        open: 0,
        employerSpecific: 0,
      };
      entry.files += count(row.files);
      if (row.permit_type === 'open') entry.open += count(row.files);
      if (row.permit_type === 'employer_specific') entry.employerSpecific += count(row.files);
      codes.set(row.code, entry);
    }
    const rankedCodes = [...codes.values()].sort((a, b) => b.files - a.files || a.code.localeCompare(b.code));

    const types = new Map<
      string,
      { typeId: string; name: string; total: number; byStatus: { status: string; consultations: number }[] }
    >();
    for (const row of consultations) {
      const entry = types.get(row.type_id) ?? {
        typeId: row.type_id,
        name: row.type_name,
        total: 0,
        byStatus: [],
      };
      entry.total += count(row.consultations);
      entry.byStatus.push({ status: row.status, consultations: count(row.consultations) });
      types.set(row.type_id, entry);
    }

    return {
      filesByStream: [...streams.values()],
      impByExemptionCode: {
        top: rankedCodes.slice(0, TOP_EXEMPTION_CODES),
        otherFiles: rankedCodes.slice(TOP_EXEMPTION_CODES).reduce((sum, c) => sum + c.files, 0),
      },
      tfwpByLmiaStream: byLmia.map((row) => ({
        lmiaStream: row.lmia_stream,
        name: row.lmia_stream ? (this.referenceData.lmiaStream(row.lmia_stream)?.name ?? null) : null,
        files: count(row.files),
      })),
      deadlinesDue: {
        from: today.toISODate()!,
        to: until.toISODate()!,
        total: deadlines.reduce((sum, row) => sum + count(row.deadlines), 0),
        byKind: deadlines.map((row) => ({ kind: row.kind, deadlines: count(row.deadlines) })),
      },
      consultationsThisMonth: {
        month: monthStart.toFormat('yyyy-MM'),
        total: [...types.values()].reduce((sum, t) => sum + t.total, 0),
        byType: [...types.values()],
      },
      consultationsToFiles: {
        consultations: count(conversion[0]?.consultations ?? 0),
        becameFiles: count(conversion[0]?.became_files ?? 0),
      },
    };
  }

  /**
   * Top occupations (NOC 2021) by province for one year: a file counts in the year it was submitted, or was
   * created (firm's zone) when not submitted. Beside it, the firm's files and IRCC's holders by province.
   */
  async occupations(params: OccupationsParams, scope: StaffScope): Promise<OccupationsReport> {
    const zone = this.config.firmTimeZone;
    const yearStart = DateTime.fromObject({ year: params.year, month: 1, day: 1 }, { zone });
    const yearEnd = yearStart.plus({ years: 1 });
    const { occupationRows, provinceRows } = await this.reports.occupationCounts(
      {
        firstDay: `${params.year}-01-01`,
        lastDay: `${params.year}-12-31`,
        start: yearStart.toJSDate(),
        end: yearEnd.toJSDate(),
      },
      params,
      scope,
    );

    const occupations: OccupationRow[] = occupationRows.map((row) => {
      const group = this.referenceData.nocUnitGroup(row.noc_code);
      return {
        nocCode: row.noc_code,
        title: group?.title ?? null,
        teer: group?.teer ?? null,
        province: row.province,
        files: count(row.files),
      };
    });

    const holders = this.referenceData.workPermitHolders().filter((row) => row.year === params.year);
    const issued = this.permitsIssued(params.year, params.province ?? null);
    const provinces = new Map<string | null, ProvinceComparison>();
    const entry = (code: string | null): ProvinceComparison => {
      let found = provinces.get(code);
      if (!found) {
        found = {
          province: code,
          name: code ? (this.referenceData.province(code)?.nameEn ?? code) : 'Not stated',
          files: { TFWP: 0, IMP: 0 },
          irccHoldersOnDec31: holders.length > 0 ? { TFWP: null, IMP: null } : null,
          irccPermitsIssued: issued.year === null ? null : { TFWP: null, IMP: null },
        };
        provinces.set(code, found);
      }
      return found;
    };
    for (const row of provinceRows) {
      entry(row.province).files[row.stream] = count(row.files);
    }
    for (const row of holders) {
      if (row.provinceCode === 'CA' || row.provinceCode === null) continue;
      if (params.province && row.provinceCode !== params.province) continue;
      entry(row.provinceCode).irccHoldersOnDec31![row.program] = row.holdersOnDec31;
    }
    for (const row of issued.rows) {
      if (row.provinceCode === 'CA') continue;
      if (params.province && row.provinceCode !== params.province) continue;
      entry(row.provinceCode).irccPermitsIssued![row.program] = row.permitsEffective;
    }
    const byProvince = [...provinces.values()].sort(
      (a, b) =>
        b.files.TFWP + b.files.IMP - (a.files.TFWP + a.files.IMP) ||
        Number(a.province === null) - Number(b.province === null) ||
        (a.province ?? '').localeCompare(b.province ?? ''),
    );
    const years = this.referenceData.workPermitHolders().map((row) => row.year);

    return {
      year: params.year,
      yearBasis: 'submission date, or creation date (firm time zone) when not submitted',
      province: params.province ?? null,
      stream: params.stream ?? null,
      occupations,
      byProvince,
      ircc: {
        counts: IRCC_HOLDERS_NOTE,
        source: IRCC_HOLDERS_SOURCE,
        year: holders.length > 0 ? params.year : null,
        latestPublishedYear: Math.max(...years),
      },
      irccPermitsIssued: issued.summary,
    };
  }

  /** IRCC's permits that took effect in the year, else in the latest year before it that IRCC has published. */
  private permitsIssued(requestedYear: number, province: string | null) {
    const all = this.referenceData.workPermitsIssued();
    const published = all.map((row) => row.year);
    const earlier = published.filter((year) => year <= requestedYear);
    const year = earlier.length > 0 ? Math.max(...earlier) : null;
    const rows = all.filter((row) => row.year === year);
    const byProgram = (code: string): Record<WorkPermitProgram, number | null> => ({
      IMP: rows.find((row) => row.provinceCode === code && row.program === 'IMP')?.permitsEffective ?? null,
      TFWP: rows.find((row) => row.provinceCode === code && row.program === 'TFWP')?.permitsEffective ?? null,
    });
    const summary: IrccPermitsIssued = {
      counts: IRCC_ISSUED_NOTE,
      source: IRCC_HOLDERS_SOURCE,
      requestedYear,
      year,
      isFallback: year !== null && year !== requestedYear,
      latestPublishedYear: Math.max(...published),
      canada: year === null ? null : byProgram('CA'),
      province:
        province === null
          ? null
          : {
              province,
              name: this.referenceData.province(province)?.nameEn ?? province,
              permits: year === null ? { IMP: null, TFWP: null } : byProgram(province),
            },
    };
    return { year, rows, summary, byProgram };
  }

  /**
   * The occupations table as CSV (header row, RFC 4180 quoting, text that reads like a formula made inert), each row with IRCC's permits that took effect in
   * its province in the year the national data covers (blank without a province).
   */
  occupationsCsv(report: OccupationsReport): string {
    const issued = this.permitsIssued(report.year, null);
    return [
      csvLine(OCCUPATIONS_CSV_HEADER),
      ...report.occupations.map((row) => {
        const permits = row.province && issued.year !== null ? issued.byProgram(row.province) : null;
        return csvLine([
          row.nocCode,
          row.title,
          row.teer,
          row.province,
          row.files,
          permits ? issued.year : null,
          permits?.IMP ?? null,
          permits?.TFWP ?? null,
        ]);
      }),
    ].join('');
  }
}
