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
import { type FileStatus, WorkPermitFileEntity } from './entities/work-permit-file.entity';
import { FILE_WITH_PEOPLE_FROM, fileFromRow, type FileWithPeopleRow } from './file-rows';
import type { FileAgreementState, ListFilesQuery } from './work-permit-file.types';

const FILE_BY_ID = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1`;
const FILE_BY_ID_IN_SCOPE = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1 AND f.consultant_id = $2`;
const FILE_BY_ID_OF_CLIENT = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1 AND f.client_id = $2`;

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

/**
 * The agreement filter as SQL on `f`: a file has at most one live (not superseded) agreement, found by the
 * partial unique index on agreements(file_id); a signed agreement wins over an override.
 */
const LIVE_AGREEMENT = `SELECT 1 FROM agreements a WHERE a.file_id = f.id AND a.status <> 'superseded'`;
const OVERRIDE = 'SELECT 1 FROM agreement_overrides o WHERE o.file_id = f.id';
function agreementCondition(state: FileAgreementState): string {
  // The statuses other than these are the live agreement's own, passed as $1.
  switch (state) {
    case 'none':
      return `NOT EXISTS (${LIVE_AGREEMENT}) AND NOT EXISTS (${OVERRIDE})`;
    case 'overridden':
      return `EXISTS (${OVERRIDE}) AND NOT EXISTS (${LIVE_AGREEMENT} AND a.status = 'signed')`;
    case 'signed':
      return `EXISTS (${LIVE_AGREEMENT} AND a.status = 'signed')`;
    default:
      return `EXISTS (${LIVE_AGREEMENT} AND a.status = $1::agreement_status) AND NOT EXISTS (${OVERRIDE})`;
  }
}

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

  insertOpened(values: Partial<WorkPermitFileEntity>, manager: EntityManager): Promise<WorkPermitFileEntity> {
    return manager.save(manager.create(WorkPermitFileEntity, values));
  }

  /** Records the consultation the file was opened from, in the caller's transaction. */
  async setConsultation(id: string, consultationId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE work_permit_files SET consultation_id = $2, updated_at = now() WHERE id = $1',
      [id, consultationId],
    );
  }

  /** Writes changed columns of a file. */
  async patch(id: string, patch: Partial<WorkPermitFileEntity>, manager: EntityManager): Promise<void> {
    await manager.update(WorkPermitFileEntity, { id }, patch);
  }

  /**
   * Writes the patch (a new status and what it stamps) if the file still has status `from`; false when a
   * concurrent move got there first.
   */
  async updateStatusIf(
    id: string,
    from: FileStatus,
    patch: Partial<WorkPermitFileEntity>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WorkPermitFileEntity)
      .set(patch)
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return result.affected === 1;
  }

  /** Every file of a client, oldest first. */
  listOfClient(clientId: string, manager: EntityManager): Promise<WorkPermitFileEntity[]> {
    return manager.find(WorkPermitFileEntity, {
      where: { clientId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The id of the client's newest file whose status is not one of `closed`, or undefined. */
  async findNewestOpenIdOfClient(
    clientId: string,
    closed: FileStatus[],
    manager: EntityManager,
  ): Promise<string | undefined> {
    const newest = await manager
      .createQueryBuilder(WorkPermitFileEntity, 'f')
      .select(['f.id'])
      .where('f.clientId = :clientId AND f.status NOT IN (:...closed)', {
        clientId,
        closed,
      })
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(1)
      .getOne();
    return newest?.id;
  }

  findById(id: string, manager: EntityManager): Promise<WorkPermitFileEntity | null> {
    return manager.findOneBy(WorkPermitFileEntity, { id });
  }

  /** The file's client id, or null when there is no such file. */
  async findClientIdOf(id: string, manager: EntityManager): Promise<string | null> {
    const file = await manager.findOne(WorkPermitFileEntity, {
      where: { id },
      select: { id: true, clientId: true },
    });
    return file?.clientId ?? null;
  }

  /** The file, locked for the rest of the caller's transaction. */
  lockById(id: string, manager: EntityManager): Promise<WorkPermitFileEntity | null> {
    return manager.findOne(WorkPermitFileEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
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

  /** The file with its people's names if it is this client's (the client portal's scope). */
  async findOfClient(id: string, clientId: string): Promise<WorkPermitFileEntity | null> {
    const rows = await preparedQuery<FileWithPeopleRow>(this.dataSource, FILE_BY_ID_OF_CLIENT, [
      id,
      clientId,
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
    if (query.agreement !== undefined) {
      const condition = agreementCondition(query.agreement);
      if (condition.includes('$1')) {
        where.add(condition, query.agreement);
      } else {
        where.add(condition);
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
