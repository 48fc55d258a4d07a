import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { StaffRole } from '@app/auth';
import { preparedQuery } from '@app/database';
import type { StaffScope } from '@app/shared';
import { DeadlineEntity, DeadlineSource, type DeadlineOfFile } from './deadline.entity';
import { DEADLINES_OF_FILE, deadlineOfFileFromRow, type DeadlineOfFileRow } from './deadline-rows';
import type { ListDeadlinesQuery } from './deadline.types';

/** The columns a new deadline row is written with. */
export type NewDeadline = Pick<
  DeadlineEntity,
  'fileId' | 'kind' | 'source' | 'title' | 'notes' | 'dueOn' | 'assigneeId' | 'completedAt' | 'completedById'
> &
  Partial<Pick<DeadlineEntity, 'documentId'>>;

/** The filters of one page of `search`, as the service has checked them. */
export interface DeadlineSearch extends Omit<ListDeadlinesQuery, 'cursor'> {
  /** The (dueOn, id) the page starts after, from a checked cursor. */
  after?: [string, string];
  /** The firm's calendar day; set when `overdue` is. */
  today?: string;
}

/** Queries of deadlines, each one statement; the `manager` argument runs them in the caller's transaction. */
@Injectable()
export class DeadlinesRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(DeadlineEntity) private readonly deadlines: Repository<DeadlineEntity>,
  ) {}

  /** The key-date deadlines of a file, locked for the rest of the caller's transaction. */
  lockKeyDatesOfFile(fileId: string, manager: EntityManager): Promise<DeadlineEntity[]> {
    return manager.find(DeadlineEntity, {
      where: { fileId, source: DeadlineSource.KeyDate },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The deadlines that follow these documents, locked for the rest of the caller's transaction. */
  lockOfDocuments(documentIds: string[], manager: EntityManager): Promise<DeadlineEntity[]> {
    if (documentIds.length === 0) {
      return Promise.resolve([]);
    }
    return manager.find(DeadlineEntity, {
      where: { documentId: In(documentIds) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insert(values: NewDeadline, manager: EntityManager): Promise<DeadlineEntity> {
    return manager.save(manager.create(DeadlineEntity, values));
  }

  async moveDueOn(id: string, dueOn: string, manager: EntityManager): Promise<void> {
    await manager.update(DeadlineEntity, { id }, { dueOn });
  }

  async patch(id: string, patch: Partial<DeadlineEntity>, manager: EntityManager): Promise<void> {
    await manager.update(DeadlineEntity, { id }, patch);
  }

  async deleteMany(ids: string[], manager: EntityManager): Promise<void> {
    await manager.delete(DeadlineEntity, ids);
  }

  async deleteById(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(DeadlineEntity, { id });
  }

  /**
   * The deadlines of a file that follow its consultant when the file changes hands, locked: those assigned to
   * a consultant other than the new one, and (when there is a new one) the open unassigned ones.
   */
  lockReassignable(
    fileId: string,
    toConsultantId: string | null,
    manager: EntityManager,
  ): Promise<DeadlineEntity[]> {
    const consultants = `SELECT u.id FROM users u WHERE u.role = '${StaffRole.Consultant}'`;
    const movable = [`(d.assigneeId IN (${consultants}) AND d.assigneeId IS DISTINCT FROM :to)`];
    if (toConsultantId !== null) {
      movable.push('(d.assigneeId IS NULL AND d.completedAt IS NULL)');
    }
    const qb = manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .setLock('pessimistic_write')
      .where('d.fileId = :fileId', { fileId })
      .andWhere(`(${movable.join(' OR ')})`, { to: toConsultantId });
    return qb.getMany();
  }

  async reassign(ids: string[], assigneeId: string | null, manager: EntityManager): Promise<void> {
    await manager.update(DeadlineEntity, ids, { assigneeId });
  }

  /**
   * Every deadline of a file, by day, as its response lists them; `today` is the firm's calendar day. A named
   * statement: one file's rows, its plan the same whatever the file.
   */
  async listOfFile(fileId: string, today: string): Promise<DeadlineOfFile[]> {
    const rows = await preparedQuery<DeadlineOfFileRow>(this.dataSource, DEADLINES_OF_FILE, [fileId]);
    return rows.map((row) => deadlineOfFileFromRow(row, today));
  }

  /** The deadline with its file (number, client, consultant) and client's name, or null. */
  findWithFile(id: string, manager: EntityManager = this.deadlines.manager): Promise<DeadlineEntity | null> {
    return this.withFileQuery(manager).where('d.id = :id', { id }).getOne();
  }

  /** findWithFile for a deadline the caller knows exists (it wrote it in this transaction). */
  requireWithFile(id: string, manager: EntityManager): Promise<DeadlineEntity> {
    return this.withFileQuery(manager).where('d.id = :id', { id }).getOneOrFail();
  }

  /** Keyset by (dueOn, id), with the file number and client name joined: one query per page (limit + 1 rows). */
  search(search: DeadlineSearch, scope: StaffScope): Promise<DeadlineEntity[]> {
    const qb = this.withFileQuery(this.deadlines.manager).limit(search.limit + 1);
    if (search.from) {
      qb.andWhere('d.dueOn >= :from', { from: search.from });
    }
    if (search.to) {
      qb.andWhere('d.dueOn <= :to', { to: search.to });
    }
    if (search.assigneeId) {
      qb.andWhere('d.assigneeId = :assigneeId', { assigneeId: search.assigneeId });
    }
    if (search.fileId) {
      qb.andWhere('d.fileId = :fileId', { fileId: search.fileId });
    }
    if (search.kind) {
      qb.andWhere('d.kind = :kind', { kind: search.kind });
    }
    if (search.status === 'open') {
      qb.andWhere('d.completedAt IS NULL');
    } else if (search.status === 'completed') {
      qb.andWhere('d.completedAt IS NOT NULL');
    }
    if (search.overdue !== undefined) {
      qb.andWhere(
        search.overdue
          ? 'd.completedAt IS NULL AND d.dueOn < :today'
          : '(d.completedAt IS NOT NULL OR d.dueOn >= :today)',
        { today: search.today },
      );
    }
    if (scope.consultantId !== undefined) {
      qb.andWhere('f.consultantId = :scopeConsultant', { scopeConsultant: scope.consultantId });
    }
    if (search.after) {
      qb.andWhere('(d.dueOn, d.id) > (:afterDueOn, :afterId)', {
        afterDueOn: search.after[0],
        afterId: search.after[1],
      });
    }
    return qb.getMany();
  }

  /** The id and file of a deadline, without locking it (to lock its file first). */
  findFileOf(id: string, manager: EntityManager): Promise<Pick<DeadlineEntity, 'id' | 'fileId'> | null> {
    return manager.findOne(DeadlineEntity, {
      where: { id },
      select: { id: true, fileId: true },
    });
  }

  /** The deadline, locked for the rest of the caller's transaction. */
  lockById(id: string, manager: EntityManager): Promise<DeadlineEntity | null> {
    return manager.findOne(DeadlineEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private withFileQuery(manager: EntityManager): SelectQueryBuilder<DeadlineEntity> {
    return manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .innerJoin('d.file', 'f')
      .innerJoin('f.client', 'c')
      .addSelect([
        'f.id',
        'f.fileNumber',
        'f.clientId',
        'f.consultantId',
        'c.id',
        'c.firstName',
        'c.lastName',
      ])
      .orderBy('d.dueOn', 'ASC')
      .addOrderBy('d.id', 'ASC');
  }
}
