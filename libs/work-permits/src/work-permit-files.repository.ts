import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { decodeCursor, toPage, ValidationFailedError, type Page, type StaffScope } from '@app/shared';
import { FileNumberCounterEntity } from './entities/file-number-counter.entity';
import { WorkPermitFileEntity } from './entities/work-permit-file.entity';
import type { ListFilesQuery } from './work-permit-file.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%term%` for ILIKE, with the wildcard characters of the term taken literally. */
function containing(term: string): string {
  return `%${term.replace(/[%_\\]/g, '\\$&')}%`;
}

/** Queries of work-permit files, each one statement; scope always becomes part of the WHERE clause. */
@Injectable()
export class WorkPermitFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get clientsTable(): string {
    return this.dataSource.getMetadata(ClientEntity).tableName;
  }

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

  /** The file with its client's and consultant's names (one query), if the scope may see it. */
  findVisible(
    id: string,
    scope: StaffScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkPermitFileEntity | null> {
    const qb = this.withPeople(manager).where('f.id = :id', { id });
    if (scope.consultantId !== undefined) {
      qb.andWhere('f.consultantId = :scopeConsultantId', { scopeConsultantId: scope.consultantId });
    }
    return qb.getOne();
  }

  /**
   * Newest first, keyset on (createdAt, id). One query per page whatever the filters: client and consultant
   * names are joined, not fetched per row.
   */
  async list(query: ListFilesQuery, scope: StaffScope): Promise<Page<WorkPermitFileEntity>> {
    const after = decodeCursor(query.cursor, 2);
    const [afterCreatedAt, afterId] = after ?? [];
    const validCursor =
      typeof afterCreatedAt === 'string' &&
      !Number.isNaN(Date.parse(afterCreatedAt)) &&
      typeof afterId === 'string' &&
      UUID.test(afterId);
    if (after && !validCursor) {
      throw ValidationFailedError.field('cursor', 'cursor is not one this API returned; start again without it');
    }
    const qb = this.withPeople(this.dataSource.manager)
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(query.limit + 1);
    if (scope.consultantId !== undefined) {
      qb.andWhere('f.consultantId = :scopeConsultantId', { scopeConsultantId: scope.consultantId });
    }
    const filters = {
      stream: query.stream,
      status: query.status,
      exemptionCode: query.exemptionCode,
      lmiaStream: query.lmiaStream,
      nocCode: query.nocCode,
      province: query.province,
      consultantId: query.consultantId,
      clientId: query.clientId,
    };
    for (const [column, value] of Object.entries(filters)) {
      if (value !== undefined) {
        qb.andWhere(`f.${column} = :${column}`, { [column]: value });
      }
    }
    const q = query.q?.trim();
    if (q) {
      // Each branch can use its own trigram index (the client's full name one belongs to clients), so
      // PostgreSQL can combine them in one bitmap scan.
      qb.andWhere(
        `(f.fileNumber ILIKE :q OR f.employerName ILIKE :q OR f.jobTitle ILIKE :q
          OR f.clientId = ANY(ARRAY(
            SELECT qc.id FROM "${this.clientsTable}" qc WHERE (qc.first_name || ' ' || qc.last_name) ILIKE :q)))`,
        { q: containing(q) },
      );
    }
    if (after) {
      qb.andWhere('(f.createdAt, f.id) < (:afterCreatedAt, :afterId)', { afterCreatedAt, afterId });
    }
    const rows = await qb.getMany();
    return toPage(rows, query.limit, (f) => [f.createdAt.toISOString(), f.id], (f) => f);
  }

  /** Names of the staff who acted on a timeline, in one query. */
  async staffNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return new Map();
    }
    const users = await this.dataSource.manager.find(UserEntity, {
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  private withPeople(manager: EntityManager): SelectQueryBuilder<WorkPermitFileEntity> {
    return manager
      .createQueryBuilder(WorkPermitFileEntity, 'f')
      .innerJoin('f.client', 'c')
      .addSelect(['c.id', 'c.firstName', 'c.lastName'])
      .leftJoin('f.consultant', 'u')
      .addSelect(['u.id', 'u.name']);
  }
}
