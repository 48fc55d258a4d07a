import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StaffRole, UsersService, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import {
  Clock,
  decodeKeysetCursor,
  toPage,
  ValidationFailedError,
  type FieldErrors,
  type Page,
  type StaffScope,
} from '@app/shared';
import type { WorkPermitFileEntity } from '../entities/work-permit-file.entity';
import { WorkPermitFilesRepository } from '../work-permit-files.repository';
import {
  DeadlineEntity,
  DeadlineKind,
  DeadlineSource,
  type DeadlineOfFile,
  type DeadlineWithFile,
} from './deadline.entity';
import { DeadlineChangeLog } from './deadline-change-log';
import { changeOf } from './deadline-changes';
import { DeadlineEvents } from './deadline-events';
import type { CreateDeadlineInput, ListDeadlinesQuery, UpdateDeadlineInput } from './deadline.types';
import { DeadlineError, DeadlineErrorCode } from './deadlines.errors';
import { DeadlinesRepository } from './deadlines.repository';
import { mayBeAssigned, WHO_MAY_BE_ASSIGNED } from './rules/assignees';
import { DeadlinePeriodsService } from './deadline-periods.service';
import {
  deadlineChangeErrors,
  dueOnOfNewDeadline,
  newDeadlineErrors,
  planDeadlineUpdate,
} from './rules/deadline-input';
import { defaultTitle, keyDateFieldOf } from './rules/key-dates';
import { isOverdue, todayIn } from './rules/today';

export type {
  CreateDeadlineInput,
  DeadlineStatusFilter,
  ListDeadlinesQuery,
  UpdateDeadlineInput,
} from './deadline.types';

/**
 * Deadlines of work-permit files as staff see and change them. Key-date deadlines follow the file's key dates
 * (FileDeadlineSync, called by the files service in its transaction); manual ones are added by staff. Every
 * change is audited on the file's timeline and published to DeadlineEvents in the same transaction.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesRepository,
    private readonly files: WorkPermitFilesRepository,
    private readonly changeLog: DeadlineChangeLog,
    private readonly events: DeadlineEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly periods: DeadlinePeriodsService,
  ) {}

  /**
   * Every deadline of a file, by day; for the file's own response (the caller has checked it may see the file).
   */
  listForFile(fileId: string): Promise<DeadlineOfFile[]> {
    return this.deadlines.listOfFile(fileId, todayIn(this.clock.now(), this.config.firmTimeZone));
  }

  /** The deadlines of a file the caller may see (404 otherwise), keyset-paginated like `list`. */
  async listForVisibleFile(
    fileId: string,
    query: Omit<ListDeadlinesQuery, 'fileId'>,
    scope: StaffScope,
  ): Promise<Page<DeadlineWithFile>> {
    await this.requireVisibleFile(this.dataSource.manager, fileId, scope);
    return this.list({ ...query, fileId }, {});
  }

  async get(id: string, scope: StaffScope): Promise<DeadlineWithFile> {
    const deadline = await this.deadlines.findWithFile(id);
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
      const title = input.title?.trim() || null;
      const due = dueOnOfNewDeadline(input, kind, await this.periods.list(manager));
      const errors = { ...newDeadlineErrors({ dueOn: due.dueOn ?? undefined }, kind, title), ...due.errors };
      const assigneeId = input.assigneeId === undefined ? file.consultantId : input.assigneeId;
      if (input.assigneeId && !(await this.mayAssign(manager, input.assigneeId, file))) {
        errors.assigneeId = [WHO_MAY_BE_ASSIGNED];
      }
      throwIfAny(errors);
      const dueOn = due.dueOn as string;

      const created = await this.deadlines.insert(
        {
          fileId: file.id,
          kind,
          source: DeadlineSource.Manual,
          title: title ?? defaultTitle(kind),
          notes: input.notes?.trim() || null,
          dueOn,
          assigneeId,
          completedAt: null,
          completedById: null,
        },
        manager,
      );
      await this.changeLog.record(
        manager,
        { actorId: actor.id, fileId: file.id, clientId: file.clientId },
        created.id,
        'deadline.created',
        {
          kind,
          source: DeadlineSource.Manual,
          title: created.title,
          dueOn: created.dueOn,
          ...(input.letterOn !== undefined ? { letterOn: input.letterOn } : {}),
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
      const errors = deadlineChangeErrors(input, deadline);
      if (
        input.assigneeId &&
        input.assigneeId !== deadline.assigneeId &&
        !(await this.mayAssign(manager, input.assigneeId, file))
      ) {
        errors.assigneeId = [WHO_MAY_BE_ASSIGNED];
      }
      throwIfAny(errors);

      const { patch, audited, published, fileKeyDate, action } = planDeadlineUpdate(
        input,
        deadline,
        file,
        this.clock.now(),
        actor.id,
      );
      if (fileKeyDate) {
        await this.files.patch(file.id, { [fileKeyDate.field]: fileKeyDate.to }, manager);
      }
      if (Object.keys(audited).length > 0) {
        await this.deadlines.patch(id, patch, manager);
        Object.assign(deadline, patch);
        await this.changeLog.record(
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
      if (deadline.source === DeadlineSource.Document) {
        throw new DeadlineError(
          DeadlineErrorCode.ManagedByFile,
          "This deadline follows a document's expiry; clear the dates on the document to remove it",
        );
      }
      await this.changeLog.record(
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
      await this.deadlines.deleteById(id, manager);
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

  /** Keyset by (dueOn, id), with the file number and client name joined: one query per page. */
  async list(query: ListDeadlinesQuery, scope: StaffScope): Promise<Page<DeadlineWithFile>> {
    const after = decodeKeysetCursor(query.cursor, ['date', 'uuid']);
    const today =
      query.overdue !== undefined ? todayIn(this.clock.now(), this.config.firmTimeZone) : undefined;
    const { cursor: _cursor, ...filters } = query;
    const rows = await this.deadlines.search(
      { ...filters, after: after ? [after[0], after[1]] : undefined, today },
      scope,
    );
    return toPage(
      rows,
      query.limit,
      (d) => [d.dueOn, d.id],
      (d) => this.toView(d),
    );
  }

  private toView(deadline: DeadlineEntity): DeadlineWithFile {
    const client = deadline.file?.client;
    return Object.assign(deadline, {
      fileNumber: deadline.file?.fileNumber ?? '',
      clientName: client ? `${client.firstName} ${client.lastName}`.trim() : '',
      isOverdue: isOverdue(deadline, this.clock.now(), this.config.firmTimeZone),
    });
  }

  private async requireView(manager: EntityManager, id: string): Promise<DeadlineWithFile> {
    const deadline = await this.deadlines.requireWithFile(id, manager);
    return this.toView(deadline);
  }

  private async requireVisibleFile(
    manager: EntityManager,
    fileId: string,
    scope: StaffScope,
  ): Promise<WorkPermitFileEntity> {
    const file = await this.files.findById(fileId, manager);
    if (!file || (scope.consultantId !== undefined && file.consultantId !== scope.consultantId)) {
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
    const unlocked = await this.deadlines.findFileOf(id, manager);
    if (!unlocked) {
      throw notFound();
    }
    const file = await this.files.lockById(unlocked.fileId, manager);
    const deadline = await this.deadlines.lockById(id, manager);
    if (!file || !deadline || !visible(deadline, file, scope)) {
      throw notFound();
    }
    return { deadline, file };
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
  return scope.consultantId === undefined || file.consultantId === scope.consultantId;
}

function notFound(): DeadlineError {
  return new DeadlineError(DeadlineErrorCode.NotFound, 'No deadline with this id');
}

function throwIfAny(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) {
    throw new ValidationFailedError(errors);
  }
}
