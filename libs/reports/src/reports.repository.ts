import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlConditions, type StaffScope } from '@app/shared';
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
    /** One aggregate: its conditions, the scope on `column` (the consultant of its main table), what follows. */
    const count = <T>(
      select: string,
      column: string,
      rest: string,
      condition?: string,
      ...values: unknown[]
    ) => {
      const where = new SqlConditions();
      if (condition !== undefined) where.add(condition, ...values);
      where.addScope(column, scope);
      return this.dataSource.query<T[]>(`${select}${where.where()}${rest}`, where.params);
    };
    const file = 'f.consultant_id';
    const consultation = 'c.consultant_id';

    const [byStatus, byCode, byLmia, deadlines, consultations, conversion] = await Promise.all([
      count<FilesByStatusRow>(
        'SELECT f.stream, f.status, count(*) AS files FROM work_permit_files f',
        file,
        '\nGROUP BY f.stream, f.status ORDER BY f.stream, f.status',
      ),
      count<FilesByExemptionCodeRow>(
        'SELECT f.exemption_code AS code, f.imp_permit_type AS permit_type, count(*) AS files FROM work_permit_files f',
        file,
        '\nGROUP BY f.exemption_code, f.imp_permit_type',
        `f.stream = 'IMP'`,
      ),
      count<FilesByLmiaStreamRow>(
        'SELECT f.lmia_stream, count(*) AS files FROM work_permit_files f',
        file,
        '\nGROUP BY f.lmia_stream ORDER BY count(*) DESC, f.lmia_stream NULLS LAST',
        `f.stream = 'TFWP'`,
      ),
      count<DeadlinesByKindRow>(
        'SELECT d.kind, count(*) AS deadlines FROM deadlines d JOIN work_permit_files f ON f.id = d.file_id',
        file,
        '\nGROUP BY d.kind ORDER BY count(*) DESC, d.kind',
        'd.completed_at IS NULL AND d.due_on BETWEEN $1 AND $2',
        window.today,
        window.until,
      ),
      count<ConsultationsByTypeRow>(
        `SELECT t.id AS type_id, t.name AS type_name, c.status, count(*) AS consultations
         FROM consultations c JOIN consultation_types t ON t.id = c.type_id`,
        consultation,
        '\nGROUP BY t.id, t.name, c.status ORDER BY t.name, t.id, c.status',
        'c.starts_at >= $1 AND c.starts_at < $2',
        window.monthStart,
        window.monthEnd,
      ),
      count<ConsultationConversionRow>(
        'SELECT count(*) AS consultations, count(c.file_id) AS became_files FROM consultations c',
        consultation,
        '',
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
    const where = new SqlConditions();
    where.add(
      '((f.submitted_on BETWEEN $1 AND $2) OR (f.submitted_on IS NULL AND f.created_at >= $3 AND f.created_at < $4))',
      year.firstDay,
      year.lastDay,
      year.start,
      year.end,
    );
    where.addScope('f.consultant_id', scope);
    if (params.stream) where.add('f.stream = $1', params.stream);
    if (params.province) where.add('f.province = $1', params.province);

    const [occupationRows, provinceRows] = await Promise.all([
      this.dataSource.query<FilesByOccupationRow[]>(
        `SELECT f.noc_code, f.province, count(*) AS files FROM work_permit_files f${where.where()}
         AND f.noc_code IS NOT NULL
         GROUP BY f.noc_code, f.province ORDER BY count(*) DESC, f.province NULLS LAST, f.noc_code`,
        where.params,
      ),
      this.dataSource.query<FilesByProvinceRow[]>(
        `SELECT f.province, f.stream, count(*) AS files FROM work_permit_files f${where.where()}
         GROUP BY f.province, f.stream`,
        where.params,
      ),
    ]);
    return { occupationRows, provinceRows };
  }
}
