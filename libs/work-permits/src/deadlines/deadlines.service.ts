import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@app/audit';
import { StaffRole, UsersService, type StaffUser } from '@app/auth';
import { ClientEntity, ClientStatusListeners, StatusInCanada, statusDeadlineOn } from '@app/clients';
import { AppConfig } from '@app/config';
import { preparedQuery } from '@app/database';
import {
  applyScope,
  Clock,
  decodeKeysetCursor,
  isWithinScope,
  joinedMessages,
  throwIfFieldErrors,
  toPage,
  type FieldErrors,
  type Page,
  type StaffScope,
} from '@app/shared';
import { FileStatus, WorkPermitFileEntity } from '../entities/work-permit-file.entity';
import {
  DeadlineEntity,
  DeadlineKind,
  DeadlineSource,
  type DeadlineOfFile,
  type DeadlineWithFile,
} from './deadline.entity';
import { DEADLINES_OF_FILE, deadlineOfFileFromRow, type DeadlineOfFileRow } from './deadline-rows';
import { DeadlineEvents, type DeadlineChange, type DeadlineChangeType } from './deadline-events';
import { DeadlineError, DeadlineErrorCode } from './deadlines.errors';
import { defaultTitle, keyDateFieldOf, planKeyDateSync, planStatusDeadlineSync } from './rules/key-dates';
import { isCalendarDate } from '../rules/calendar-dates';
import { isOverdue, todayIn } from './rules/today';
import { mayBeAssigned, WHO_MAY_BE_ASSIGNED } from './rules/assignees';

export interface CreateDeadlineInput {
  /** Defaults to `custom`; key-date kinds are refused (they follow the file's dates). */
  kind?: DeadlineKind;
  /** Required for `custom`; other kinds default to a title from the kind. */
  title?: string | null;
  dueOn: string;
  /** Defaults to the file's consultant; null leaves it unassigned. */
  assigneeId?: string | null;
  notes?: string | null;
}

export interface UpdateDeadlineInput {
  dueOn?: string;
  title?: string;
  notes?: string | null;
  assigneeId?: string | null;
  /** true completes, false reopens. */
  completed?: boolean;
}

export type DeadlineStatusFilter = 'open' | 'completed' | 'all';

export interface ListDeadlinesQuery {
  from?: string;
  to?: string;
  assigneeId?: string;
  overdue?: boolean;
  fileId?: string;
  kind?: DeadlineKind;
  /** Defaults to `all`. */
  status?: DeadlineStatusFilter;
  limit: number;
  cursor?: string;
}

/** Files whose application is decided or abandoned: they no longer carry the client's status deadline. */
const CLOSED_FILE_STATUSES = [
  FileStatus.Approved,
  FileStatus.Refused,
  FileStatus.Withdrawn,
  FileStatus.Closed,
];

/**
 * Deadlines of work-permit files. Key-date deadlines follow the file's key dates (syncKeyDates, called by the
 * files service in its transaction); manual ones are added by staff. Every change is audited on the file's
 * timeline and published to DeadlineEvents in the same transaction.
 */
@Injectable()
export class DeadlinesService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(DeadlineEntity) private readonly deadlines: Repository<DeadlineEntity>,
    private readonly audit: AuditService,
    private readonly events: DeadlineEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly clientStatus: ClientStatusListeners,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.clientStatus.listen((manager, client, actorId) =>
      this.syncClientStatus(manager, client.id, actorId),
    );
  }

  /**
   * Keeps the client's status_expiry deadline in step with their status in Canada, on their newest open file
   * (and off the others): run when the status or its dates change, a file opens, or a file closes.
   */
  async syncClientStatus(manager: EntityManager, clientId: string, actorId: string | null): Promise<void> {
    const files = await manager.find(WorkPermitFileEntity, {
      where: { clientId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const file of files) {
      await this.syncKeyDates(manager, file, actorId);
    }
  }

  /** The status deadline this file carries: its client's, if it is the client's newest open file. */
  private async statusDeadlineFor(
    manager: EntityManager,
    file: WorkPermitFileEntity,
  ): Promise<{ dueOn: string | null; title: string }> {
    const none = { dueOn: null, title: defaultTitle(DeadlineKind.StatusExpiry) };
    if (CLOSED_FILE_STATUSES.includes(file.status)) {
      return none;
    }
    const client = await manager.findOne(ClientEntity, { where: { id: file.clientId } });
    if (!client || client.archivedAt) {
      return none;
    }
    const newest = await manager
      .createQueryBuilder(WorkPermitFileEntity, 'f')
      .select(['f.id'])
      .where('f.clientId = :clientId AND f.status NOT IN (:...closed)', {
        clientId: file.clientId,
        closed: CLOSED_FILE_STATUSES,
      })
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(1)
      .getOne();
    if (newest?.id !== file.id) {
      return none;
    }
    return {
      dueOn: statusDeadlineOn(client.statusInCanada, client),
      title:
        client.statusInCanada === StatusInCanada.Restoration
          ? 'Last day to apply for restoration of status'
          : defaultTitle(DeadlineKind.StatusExpiry),
    };
  }

  /**
   * Makes the file's key-date deadlines match its key dates: creates, moves or removes them. Runs in the
   * caller's transaction. A completed deadline whose date moves stays completed.
   */
  async syncKeyDates(
    manager: EntityManager,
    file: WorkPermitFileEntity,
    actorId: string | null,
  ): Promise<void> {
    const existing = await manager.find(DeadlineEntity, {
      where: { fileId: file.id, source: DeadlineSource.KeyDate },
      lock: { mode: 'pessimistic_write' },
    });
    const plan = planKeyDateSync(file, existing);
    const statusPlan = planStatusDeadlineSync(await this.statusDeadlineFor(manager, file), existing);
    plan.create.push(...statusPlan.create);
    plan.move.push(...statusPlan.move);
    plan.remove.push(...statusPlan.remove);
    const changes: DeadlineChange[] = [];
    const context = { actorId, fileId: file.id, clientId: file.clientId };

    for (const { kind, dueOn } of plan.create) {
      const created = await manager.save(
        manager.create(DeadlineEntity, {
          fileId: file.id,
          kind,
          source: DeadlineSource.KeyDate,
          title: kind === DeadlineKind.StatusExpiry ? statusPlan.title : defaultTitle(kind),
          notes: null,
          dueOn,
          assigneeId: file.consultantId,
          completedAt: null,
          completedById: null,
        }),
      );
      await this.record(manager, context, created.id, 'deadline.created', {
        kind,
        source: DeadlineSource.KeyDate,
        title: created.title,
        dueOn,
        assigneeId: created.assigneeId,
      });
      changes.push(changeOf(created, 'created'));
    }

    for (const move of plan.move) {
      const deadline = existing.find((d) => d.id === move.id) as DeadlineEntity;
      await manager.update(DeadlineEntity, { id: move.id }, { dueOn: move.to });
      deadline.dueOn = move.to;
      await this.record(manager, context, move.id, 'deadline.moved', { dueOn: [move.from, move.to] });
      changes.push(changeOf(deadline, 'moved'));
    }

    const removed = plan.remove.map((r) => existing.find((d) => d.id === r.id) as DeadlineEntity);
    for (const deadline of removed) {
      await this.record(manager, context, deadline.id, 'deadline.removed', {
        kind: deadline.kind,
        dueOn: [deadline.dueOn, null],
      });
      changes.push(changeOf(deadline, 'removed'));
    }

    // Listeners see removed deadlines while their rows still exist.
    await this.events.publish(manager, changes);
    if (removed.length > 0) {
      await manager.delete(
        DeadlineEntity,
        removed.map((d) => d.id),
      );
    }
  }

  /**
   * When a file changes consultant, in the caller's transaction: every deadline of the file assigned to a
   * consultant other than the new one (the old consultant, or anyone assigned before the assignee rule) moves to
   * the new consultant, completed ones too, since an assignee sees the deadline and the client's name; open
   * unassigned deadlines move to the new consultant as well. Assistants and admins keep theirs. A file left
   * without a consultant leaves those deadlines unassigned.
   */
  async reassignFile(
    manager: EntityManager,
    fileId: string,
    fromConsultantId: string | null,
    toConsultantId: string | null,
    actorId: string | null,
  ): Promise<void> {
    if (fromConsultantId === toConsultantId) {
      return;
    }
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
    const rows = await qb.getMany();
    if (rows.length === 0) {
      return;
    }
    const file = await manager.findOne(WorkPermitFileEntity, {
      where: { id: fileId },
      select: { id: true, clientId: true },
    });
    await manager.update(
      DeadlineEntity,
      rows.map((d) => d.id),
      { assigneeId: toConsultantId },
    );
    const context = { actorId, fileId, clientId: file?.clientId ?? null };
    for (const deadline of rows) {
      await this.record(manager, context, deadline.id, 'deadline.reassigned', {
        assigneeId: [deadline.assigneeId, toConsultantId],
      });
      deadline.assigneeId = toConsultantId;
    }
    await this.events.publish(
      manager,
      rows.map((d) => changeOf(d, 'reassigned')),
    );
  }

  /**
   * Every deadline of a file, by day; for the file's own response (the caller has checked it may see the file).
   * A named statement: one file's rows, its plan the same whatever the file.
   */
  async listForFile(fileId: string): Promise<DeadlineOfFile[]> {
    const rows = await preparedQuery<DeadlineOfFileRow>(this.dataSource, DEADLINES_OF_FILE, [fileId]);
    const today = todayIn(this.clock.now(), this.config.firmTimeZone);
    return rows.map((row) => deadlineOfFileFromRow(row, today));
  }

  /** The deadlines of a file the caller may see (404 otherwise), keyset-paginated like `list`. */
  async listForVisibleFile(
    fileId: string,
    query: Omit<ListDeadlinesQuery, 'fileId'>,
    scope: StaffScope,
  ): Promise<Page<DeadlineWithFile>> {
    await this.requireVisibleFile(this.deadlines.manager, fileId, scope);
    return this.list({ ...query, fileId }, {});
  }

  async get(id: string, scope: StaffScope): Promise<DeadlineWithFile> {
    const deadline = await this.viewQuery(this.deadlines.manager).where('d.id = :id', { id }).getOne();
    if (!deadline || !visible(deadline, deadline.file, scope)) {
      throw notFound();
    }
    return this.toView(deadline);
  }

  createCustom(
    fileId: string,
    input: CreateDeadlineInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<DeadlineWithFile> {
    return this.dataSource.transaction(async (manager) => {
      const file = await this.requireVisibleFile(manager, fileId, scope);
      const kind = input.kind ?? DeadlineKind.Custom;
      const errors: FieldErrors = {};
      const keyDateField = keyDateFieldOf(kind);
      if (keyDateField) {
        errors.kind = [
          `${kind} deadlines follow the file's ${keyDateField}; set that date on the file instead`,
        ];
      }
      const title = input.title?.trim() || null;
      if (kind === DeadlineKind.Custom && !title) {
        errors.title = ['title is required for a custom deadline'];
      }
      if (!isCalendarDate(input.dueOn)) {
        errors.dueOn = ['dueOn must be a date written YYYY-MM-DD'];
      }
      const assigneeId = input.assigneeId === undefined ? file.consultantId : input.assigneeId;
      if (input.assigneeId && !(await this.mayAssign(manager, input.assigneeId, file))) {
        errors.assigneeId = [WHO_MAY_BE_ASSIGNED];
      }
      throwIfAny(errors);

      const created = await manager.save(
        manager.create(DeadlineEntity, {
          fileId: file.id,
          kind,
          source: DeadlineSource.Manual,
          title: title ?? defaultTitle(kind),
          notes: input.notes?.trim() || null,
          dueOn: input.dueOn,
          assigneeId,
          completedAt: null,
          completedById: null,
        }),
      );
      await this.record(
        manager,
        { actorId: actor.id, fileId: file.id, clientId: file.clientId },
        created.id,
        'deadline.created',
        {
          kind,
          source: DeadlineSource.Manual,
          title: created.title,
          dueOn: created.dueOn,
          assigneeId,
        },
      );
      await this.events.publish(manager, [changeOf(created, 'created')]);
      return this.requireView(manager, created.id);
    });
  }

  /**
   * Changes a deadline. Moving a key-date deadline also moves the file's key date in the same transaction,
   * so the file and its deadline never disagree.
   */
  update(
    id: string,
    input: UpdateDeadlineInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<DeadlineWithFile> {
    return this.dataSource.transaction(async (manager) => {
      const { deadline, file } = await this.lockVisible(manager, id, scope);
      const errors: FieldErrors = {};
      if (input.dueOn !== undefined && !isCalendarDate(input.dueOn)) {
        errors.dueOn = ['dueOn must be a date written YYYY-MM-DD'];
      } else if (
        input.dueOn !== undefined &&
        input.dueOn !== deadline.dueOn &&
        deadline.source === DeadlineSource.KeyDate &&
        deadline.kind === DeadlineKind.StatusExpiry
      ) {
        errors.dueOn = [
          "This deadline follows the client's status in Canada; change the status dates on the client",
        ];
      }
      if (input.title !== undefined && !input.title?.trim()) {
        errors.title = ['title must not be empty'];
      }
      if (
        input.assigneeId &&
        input.assigneeId !== deadline.assigneeId &&
        !(await this.mayAssign(manager, input.assigneeId, file))
      ) {
        errors.assigneeId = [WHO_MAY_BE_ASSIGNED];
      }
      throwIfAny(errors);

      const patch: Partial<DeadlineEntity> = {};
      const audited: Record<string, [unknown, unknown]> = {};
      const published: DeadlineChangeType[] = [];

      if (input.dueOn !== undefined && input.dueOn !== deadline.dueOn) {
        audited.dueOn = [deadline.dueOn, input.dueOn];
        patch.dueOn = input.dueOn;
        published.push('moved');
        const field = deadline.source === DeadlineSource.KeyDate ? keyDateFieldOf(deadline.kind) : undefined;
        if (field) {
          audited[field] = [file[field], input.dueOn];
          await manager.update(WorkPermitFileEntity, { id: file.id }, { [field]: input.dueOn });
        }
      }
      if (input.title !== undefined && input.title.trim() !== deadline.title) {
        audited.title = [deadline.title, input.title.trim()];
        patch.title = input.title.trim();
      }
      if (input.notes !== undefined && (input.notes?.trim() || null) !== deadline.notes) {
        audited.notes = [deadline.notes, input.notes?.trim() || null];
        patch.notes = input.notes?.trim() || null;
      }
      if (input.assigneeId !== undefined && input.assigneeId !== deadline.assigneeId) {
        audited.assigneeId = [deadline.assigneeId, input.assigneeId];
        patch.assigneeId = input.assigneeId;
        published.push('reassigned');
      }
      if (input.completed === true && deadline.completedAt === null) {
        patch.completedAt = this.clock.now();
        patch.completedById = actor.id;
        audited.completedAt = [null, patch.completedAt.toISOString()];
        published.push('completed');
      } else if (input.completed === false && deadline.completedAt !== null) {
        audited.completedAt = [deadline.completedAt.toISOString(), null];
        patch.completedAt = null;
        patch.completedById = null;
        published.push('reopened');
      }

      if (Object.keys(audited).length > 0) {
        await manager.update(DeadlineEntity, { id }, patch);
        Object.assign(deadline, patch);
        const action = published.includes('completed')
          ? 'deadline.completed'
          : published.includes('reopened')
            ? 'deadline.reopened'
            : published.includes('moved')
              ? 'deadline.moved'
              : published.includes('reassigned')
                ? 'deadline.reassigned'
                : 'deadline.updated';
        await this.record(
          manager,
          { actorId: actor.id, fileId: file.id, clientId: file.clientId },
          id,
          action,
          audited,
        );
        await this.events.publish(
          manager,
          published.map((change) => changeOf(deadline, change)),
        );
      }
      return this.requireView(manager, id);
    });
  }

  /** Removes a manual deadline; key-date ones go away by clearing the file's date (409). Assistants may not. */
  async remove(id: string, actor: StaffUser, scope: StaffScope): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { deadline, file } = await this.lockVisible(manager, id, scope);
      if (actor.role === StaffRole.Assistant) {
        throw notFound();
      }
      const field = keyDateFieldOf(deadline.kind);
      if (deadline.source === DeadlineSource.KeyDate) {
        throw new DeadlineError(
          DeadlineErrorCode.ManagedByFile,
          `This deadline follows the file's ${field ?? 'key date'}; clear that date on the file to remove it`,
        );
      }
      await this.record(
        manager,
        { actorId: actor.id, fileId: file.id, clientId: file.clientId },
        id,
        'deadline.removed',
        {
          kind: deadline.kind,
          title: deadline.title,
          dueOn: [deadline.dueOn, null],
        },
      );
      await this.events.publish(manager, [changeOf(deadline, 'removed')]);
      await manager.delete(DeadlineEntity, { id });
    });
  }

  /** Keyset by (dueOn, id), with the file number and client name joined: one query per page. */
  async list(query: ListDeadlinesQuery, scope: StaffScope): Promise<Page<DeadlineWithFile>> {
    const after = decodeKeysetCursor(query.cursor, ['date', 'uuid']);
    const qb = this.viewQuery(this.deadlines.manager).limit(query.limit + 1);
    if (query.from) {
      qb.andWhere('d.dueOn >= :from', { from: query.from });
    }
    if (query.to) {
      qb.andWhere('d.dueOn <= :to', { to: query.to });
    }
    if (query.assigneeId) {
      qb.andWhere('d.assigneeId = :assigneeId', { assigneeId: query.assigneeId });
    }
    if (query.fileId) {
      qb.andWhere('d.fileId = :fileId', { fileId: query.fileId });
    }
    if (query.kind) {
      qb.andWhere('d.kind = :kind', { kind: query.kind });
    }
    if (query.status === 'open') {
      qb.andWhere('d.completedAt IS NULL');
    } else if (query.status === 'completed') {
      qb.andWhere('d.completedAt IS NOT NULL');
    }
    if (query.overdue !== undefined) {
      const today = todayIn(this.clock.now(), this.config.firmTimeZone);
      qb.andWhere(
        query.overdue
          ? 'd.completedAt IS NULL AND d.dueOn < :today'
          : '(d.completedAt IS NOT NULL OR d.dueOn >= :today)',
        { today },
      );
    }
    applyScope(qb, 'f.consultantId', scope);
    if (after) {
      qb.andWhere('(d.dueOn, d.id) > (:afterDueOn, :afterId)', { afterDueOn: after[0], afterId: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (d) => [d.dueOn, d.id],
      (d) => this.toView(d),
    );
  }

  private viewQuery(manager: EntityManager): SelectQueryBuilder<DeadlineEntity> {
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

  private toView(deadline: DeadlineEntity): DeadlineWithFile {
    const client = deadline.file?.client;
    return Object.assign(deadline, {
      fileNumber: deadline.file?.fileNumber ?? '',
      clientName: client ? `${client.firstName} ${client.lastName}`.trim() : '',
      isOverdue: isOverdue(deadline, this.clock.now(), this.config.firmTimeZone),
    });
  }

  /** Whether the user may be assigned deadlines of the file (rules/assignees.ts). */
  private async mayAssign(
    manager: EntityManager,
    userId: string,
    file: Pick<WorkPermitFileEntity, 'consultantId'>,
  ): Promise<boolean> {
    return mayBeAssigned(await this.users.findAssignmentCandidate(userId, manager), file);
  }

  private async requireView(manager: EntityManager, id: string): Promise<DeadlineWithFile> {
    const deadline = await this.viewQuery(manager).where('d.id = :id', { id }).getOneOrFail();
    return this.toView(deadline);
  }

  private async requireVisibleFile(
    manager: EntityManager,
    fileId: string,
    scope: StaffScope,
  ): Promise<WorkPermitFileEntity> {
    const file = await manager.findOneBy(WorkPermitFileEntity, { id: fileId });
    if (!file || !isWithinScope(scope, file)) {
      throw new DeadlineError(DeadlineErrorCode.FileNotFound, 'No file with this id');
    }
    return file;
  }

  /**
   * Locks the file, then the deadline (the order the files service takes them when it syncs key dates), and
   * checks the caller may see the deadline.
   */
  private async lockVisible(
    manager: EntityManager,
    id: string,
    scope: StaffScope,
  ): Promise<{ deadline: DeadlineEntity; file: WorkPermitFileEntity }> {
    const unlocked = await manager.findOne(DeadlineEntity, {
      where: { id },
      select: { id: true, fileId: true },
    });
    if (!unlocked) {
      throw notFound();
    }
    const file = await manager.findOne(WorkPermitFileEntity, {
      where: { id: unlocked.fileId },
      lock: { mode: 'pessimistic_write' },
    });
    const deadline = await manager.findOne(DeadlineEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!file || !deadline || !visible(deadline, file, scope)) {
      throw notFound();
    }
    return { deadline, file };
  }

  private record(
    manager: EntityManager,
    context: { actorId: string | null; fileId: string; clientId: string | null },
    deadlineId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      ...context,
      action,
      subjectType: 'deadline',
      subjectId: deadlineId,
      changes,
    });
  }
}

/**
 * A consultant sees the deadlines of the files assigned to them. Only they, assistants and admins can be assigned
 * a file's deadlines (rules/assignees.ts), so being an assignee never widens what a consultant sees.
 */
function visible(
  _deadline: DeadlineEntity,
  file: Pick<WorkPermitFileEntity, 'consultantId'>,
  scope: StaffScope,
): boolean {
  return isWithinScope(scope, file);
}

function notFound(): DeadlineError {
  return new DeadlineError(DeadlineErrorCode.NotFound, 'No deadline with this id');
}

function changeOf(deadline: DeadlineEntity, change: DeadlineChangeType): DeadlineChange {
  return {
    deadlineId: deadline.id,
    fileId: deadline.fileId,
    kind: deadline.kind,
    change,
    dueOn: deadline.dueOn,
    assigneeId: deadline.assigneeId,
  };
}

function throwIfAny(errors: FieldErrors): void {
  throwIfFieldErrors(errors, joinedMessages);
}
