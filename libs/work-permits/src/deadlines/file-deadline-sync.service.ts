import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientStatusListeners, ClientsService, StatusInCanada, statusDeadlineOn } from '@app/clients';
import { FileStatus, type WorkPermitFileEntity } from '../entities/work-permit-file.entity';
import { WorkPermitFilesRepository } from '../work-permit-files.repository';
import { type DeadlineEntity, DeadlineKind, DeadlineSource } from './deadline.entity';
import { DeadlineChangeLog } from './deadline-change-log';
import { changeOf } from './deadline-changes';
import { DeadlineEvents, type DeadlineChange } from './deadline-events';
import { DeadlinesRepository } from './deadlines.repository';
import { defaultTitle, planKeyDateSync, planStatusDeadlineSync } from './rules/key-dates';

/** Files whose application is decided or abandoned: they no longer carry the client's status deadline. */
const CLOSED_FILE_STATUSES = [
  FileStatus.Approved,
  FileStatus.Refused,
  FileStatus.Withdrawn,
  FileStatus.Closed,
];

/**
 * The deadlines that follow a file: its key-date deadlines, the client's status deadline on their newest open
 * file, and the consultant's deadlines when the file changes hands. Runs in the transaction of the change to the
 * file or client (the files service, ClientStatusListeners); every change is audited on the file's timeline and
 * published to DeadlineEvents in that transaction.
 */
@Injectable()
export class FileDeadlineSync implements OnModuleInit {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly files: WorkPermitFilesRepository,
    private readonly changeLog: DeadlineChangeLog,
    private readonly events: DeadlineEvents,
    private readonly clientStatus: ClientStatusListeners,
    private readonly clients: ClientsService,
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
    const files = await this.files.listOfClient(clientId, manager);
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
    const client = await this.clients.findInTransaction(file.clientId, manager);
    if (!client || client.archivedAt) {
      return none;
    }
    const newestId = await this.files.findNewestOpenIdOfClient(file.clientId, CLOSED_FILE_STATUSES, manager);
    if (newestId !== file.id) {
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
    const existing = await this.deadlines.lockKeyDatesOfFile(file.id, manager);
    const plan = planKeyDateSync(file, existing);
    const statusPlan = planStatusDeadlineSync(await this.statusDeadlineFor(manager, file), existing);
    plan.create.push(...statusPlan.create);
    plan.move.push(...statusPlan.move);
    plan.remove.push(...statusPlan.remove);
    const changes: DeadlineChange[] = [];
    const context = { actorId, fileId: file.id, clientId: file.clientId };

    for (const { kind, dueOn } of plan.create) {
      const created = await this.deadlines.insert(
        {
          fileId: file.id,
          kind,
          source: DeadlineSource.KeyDate,
          title: kind === DeadlineKind.StatusExpiry ? statusPlan.title : defaultTitle(kind),
          notes: null,
          dueOn,
          assigneeId: file.consultantId,
          completedAt: null,
          completedById: null,
        },
        manager,
      );
      await this.changeLog.record(manager, context, created.id, 'deadline.created', {
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
      await this.deadlines.moveDueOn(move.id, move.to, manager);
      deadline.dueOn = move.to;
      await this.changeLog.record(manager, context, move.id, 'deadline.moved', {
        dueOn: [move.from, move.to],
      });
      changes.push(changeOf(deadline, 'moved'));
    }

    const removed = plan.remove.map((r) => existing.find((d) => d.id === r.id) as DeadlineEntity);
    await this.changeLog.removeAndPublish(manager, context, removed, changes, (d) => ({ kind: d.kind }));
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
    const rows = await this.deadlines.lockReassignable(fileId, toConsultantId, manager);
    if (rows.length === 0) {
      return;
    }
    const clientId = await this.files.findClientIdOf(fileId, manager);
    await this.deadlines.reassign(
      rows.map((d) => d.id),
      toConsultantId,
      manager,
    );
    const context = { actorId, fileId, clientId };
    for (const deadline of rows) {
      await this.changeLog.record(manager, context, deadline.id, 'deadline.reassigned', {
        assigneeId: [deadline.assigneeId, toConsultantId],
      });
      deadline.assigneeId = toConsultantId;
    }
    await this.events.publish(
      manager,
      rows.map((d) => changeOf(d, 'reassigned')),
    );
  }
}
