import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffScope } from '@app/shared';
import type { OccupationsParams } from './rules/report-params';
import type {
  CaseloadCounts,
  ConsultationConversionRow,
  ConsultationsByTypeRow,
  DeadlinesByKindRow,
  FilesByExemptionCodeRow,
  FilesByLmiaStreamRow,
  FilesByOccupationRow,
  FilesByProvinceRow,
  FilesByStatusRow,
} from './report-rows';

/** The days and instants the overview counts over. */
export interface OverviewWindow {
  /** Deadlines due from `today` to `until` (calendar days). */
  today: string | null;
  until: string | null;
  /** Consultations starting in [monthStart, monthEnd). */
  monthStart: Date;
  monthEnd: Date;
}

/** The year the occupations report covers, as days (submission) and instants (creation, firm's zone). */
export interface OccupationsYear {
  firstDay: string;
  lastDay: string;
  start: Date;
  end: Date;
}

/**
 * The reports' aggregates, each a GROUP BY in PostgreSQL, run concurrently, within the staff member's scope
 * (consultants: files whose consultant is theirs, and their consultations).
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async caseloadCounts(window: OverviewWindow, scope: StaffScope): Promise<CaseloadCounts> {
    const fileScope = scope.consultantId ? 'AND f.consultant_id = $1' : '';
    const consultationScope = scope.consultantId ? 'AND c.consultant_id = $1' : '';
    const params = scope.consultantId ? [scope.consultantId] : [];
    const q = <T>(sql: string, extra: unknown[] = []): Promise<T[]> =>
      this.dataSource.query(sql, [...params, ...extra]);
    const n = params.length;

    const [byStatus, byCode, byLmia, deadlines, consultations, conversion] = await Promise.all([
      q<FilesByStatusRow>(
        `SELECT f.stream, f.status, count(*) AS files FROM work_permit_files f WHERE true ${fileScope}
         GROUP BY f.stream, f.status ORDER BY f.stream, f.status`,
      ),
      q<FilesByExemptionCodeRow>(
        `SELECT f.exemption_code AS code, f.imp_permit_type AS permit_type, count(*) AS files FROM work_permit_files f
         WHERE f.stream = 'IMP' ${fileScope} GROUP BY f.exemption_code, f.imp_permit_type`,
      ),
      q<FilesByLmiaStreamRow>(
        `SELECT f.lmia_stream, count(*) AS files FROM work_permit_files f WHERE f.stream = 'TFWP' ${fileScope}
         GROUP BY f.lmia_stream ORDER BY count(*) DESC, f.lmia_stream NULLS LAST`,
      ),
      q<DeadlinesByKindRow>(
        `SELECT d.kind, count(*) AS deadlines FROM deadlines d JOIN work_permit_files f ON f.id = d.file_id
         WHERE d.completed_at IS NULL AND d.due_on BETWEEN $${n + 1} AND $${n + 2} ${fileScope}
         GROUP BY d.kind ORDER BY count(*) DESC, d.kind`,
        [window.today, window.until],
      ),
      q<ConsultationsByTypeRow>(
        `SELECT t.id AS type_id, t.name AS type_name, c.status, count(*) AS consultations
         FROM consultations c JOIN consultation_types t ON t.id = c.type_id
         WHERE c.starts_at >= $${n + 1} AND c.starts_at < $${n + 2} ${consultationScope}
         GROUP BY t.id, t.name, c.status ORDER BY t.name, t.id, c.status`,
        [window.monthStart, window.monthEnd],
      ),
      q<ConsultationConversionRow>(
        `SELECT count(*) AS consultations, count(c.file_id) AS became_files FROM consultations c WHERE true ${consultationScope}`,
      ),
    ]);
    return { byStatus, byCode, byLmia, deadlines, consultations, conversion };
  }

  /** Files of the year by occupation and province, and by province and stream, with the report's filters. */
  async occupationCounts(
    year: OccupationsYear,
    params: Pick<OccupationsParams, 'stream' | 'province'>,
    scope: StaffScope,
  ): Promise<{ occupationRows: FilesByOccupationRow[]; provinceRows: FilesByProvinceRow[] }> {
    const values: unknown[] = [year.firstDay, year.lastDay, year.start, year.end];
    const where = [
      `((f.submitted_on BETWEEN $1 AND $2) OR (f.submitted_on IS NULL AND f.created_at >= $3 AND f.created_at < $4))`,
    ];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (scope.consultantId) add('f.consultant_id = ?', scope.consultantId);
    if (params.stream) add('f.stream = ?', params.stream);
    if (params.province) add('f.province = ?', params.province);
    const whereSql = where.join(' AND ');

    const [occupationRows, provinceRows] = await Promise.all([
      this.dataSource.query<FilesByOccupationRow[]>(
        `SELECT f.noc_code, f.province, count(*) AS files FROM work_permit_files f
         WHERE ${whereSql} AND f.noc_code IS NOT NULL
         GROUP BY f.noc_code, f.province ORDER BY count(*) DESC, f.province NULLS LAST, f.noc_code`,
        values,
      ),
      this.dataSource.query<FilesByProvinceRow[]>(
        `SELECT f.province, f.stream, count(*) AS files FROM work_permit_files f WHERE ${whereSql}
         GROUP BY f.province, f.stream`,
        values,
      ),
    ]);
    return { occupationRows, provinceRows };
  }
}
