import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';
import {
  decodeKeysetCursor,
  likePattern,
  SqlConditions,
  toPage,
  type Page,
  type StaffScope,
} from '@app/shared';
import { FileNumberCounterEntity } from './entities/file-number-counter.entity';
import { WorkPermitFileEntity } from './entities/work-permit-file.entity';
import { FILE_WITH_PEOPLE_FROM, fileFromRow, type FileWithPeopleRow } from './file-rows';
import type { ListFilesQuery } from './work-permit-file.types';

const FILE_BY_ID = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1`;
const FILE_BY_ID_IN_SCOPE = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1 AND f.consultant_id = $2`;

/** The list filters that are one column each, in the order they join the WHERE clause. */
const FILTER_COLUMNS: readonly [keyof ListFilesQuery, string][] = [
  ['stream', 'stream'],
  ['status', 'status'],
  ['exemptionCode', 'exemption_code'],
  ['lmiaStream', 'lmia_stream'],
  ['nocCode', 'noc_code'],
  ['province', 'province'],
  ['consultantId', 'consultant_id'],
  ['clientId', 'client_id'],
];

/** `%term%` for ILIKE, with the wildcard characters of the term taken literally. */
/** Queries of work-permit files, each one statement; scope always becomes part of the WHERE clause. */
@Injectable()
export class WorkPermitFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The next number of the year, inside the caller's transaction. The counter row stays locked until that
   * transaction ends, so concurrent openings take numbers one after the other, and a rollback returns the
   * number.
   */
  async nextSequence(manager: EntityManager, year: number): Promise<number> {
    const table = manager.connection.getMetadata(FileNumberCounterEntity).tableName;
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO "${table}" ("year", "last_value") VALUES ($1, 1)
       ON CONFLICT ("year") DO UPDATE SET "last_value" = "${table}"."last_value" + 1
       RETURNING "last_value"`,
      [year],
    );
    return Number(rows[0].last_value);
  }

  /** The file if the scope may see it, locked for the rest of the caller's transaction. */
  lockVisible(manager: EntityManager, id: string, scope: StaffScope): Promise<WorkPermitFileEntity | null> {
    return manager.findOne(WorkPermitFileEntity, {
      where: scope.consultantId === undefined ? { id } : { id, consultantId: scope.consultantId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * The file with its client's and consultant's names (one query), if the scope may see it. A named statement:
   * a key lookup, its plan the same whatever the values.
   */
  async findVisible(id: string, scope: StaffScope): Promise<WorkPermitFileEntity | null> {
    const rows =
      scope.consultantId === undefined
        ? await preparedQuery<FileWithPeopleRow>(this.dataSource, FILE_BY_ID, [id])
        : await preparedQuery<FileWithPeopleRow>(this.dataSource, FILE_BY_ID_IN_SCOPE, [
            id,
            scope.consultantId,
          ]);
    return rows.length > 0 ? fileFromRow(rows[0]) : null;
  }

  /**
   * Newest first, keyset on (createdAt, id). One query per page whatever the filters: client and consultant
   * names are joined, not fetched per row. The SQL text depends only on which filters are set.
   */
  async list(query: ListFilesQuery, scope: StaffScope): Promise<Page<WorkPermitFileEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const where = new SqlConditions();
    where.addScope('f.consultant_id', scope);
    for (const [field, column] of FILTER_COLUMNS) {
      const value = query[field];
      if (value !== undefined) {
        where.add(`f.${column} = $1`, value);
      }
    }
    const q = query.q?.trim();
    if (q) {
      // Each branch can use its own trigram index (the client's full name one belongs to clients), so
      // PostgreSQL can combine them in one bitmap scan.
      where.add(
        `(f.file_number ILIKE $1 OR f.employer_name ILIKE $1 OR f.job_title ILIKE $1
          OR f.client_id = ANY(ARRAY(SELECT qc.id FROM clients qc WHERE (qc.first_name || ' ' || qc.last_name) ILIKE $1)))`,
        likePattern(q),
      );
    }
    if (after) {
      where.add('(f.created_at, f.id) < ($1::timestamptz, $2::uuid)', after[0], after[1]);
    }
    const limit = where.param(query.limit + 1);
    // Not a named statement: the best plan depends on the values (how selective a filter or the search is).
    const rows: FileWithPeopleRow[] = await this.dataSource.query(
      `${FILE_WITH_PEOPLE_FROM}${where.where()}\nORDER BY f.created_at DESC, f.id DESC\nLIMIT ${limit}`,
      where.params,
    );
    return toPage(rows, query.limit, (f) => [f.created_at.toISOString(), f.id], fileFromRow);
  }
}
