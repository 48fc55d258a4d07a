import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkPermitFilesRepository } from '../work-permit-files.repository';
import { DeadlineKind, DeadlineSource, type DeadlineEntity } from './deadline.entity';
import { DeadlineChangeLog } from './deadline-change-log';
import { changeOf, type DeadlineAuditContext } from './deadline-changes';
import type { DeadlineChange } from './deadline-events';
import { DeadlinesRepository } from './deadlines.repository';
import { planDocumentDeadlineSync, type WantedDocumentDeadline } from './rules/document-expiry';

export type { WantedDocumentDeadline } from './rules/document-expiry';

/**
 * The `document_expiry` deadlines that follow documents on a file: one per kind of document, on its latest
 * version. Runs in the transaction of the change to the document (the documents lib); every change is audited on
 * the file's timeline and published to DeadlineEvents (reminders plan from it) in that transaction.
 */
@Injectable()
export class DocumentDeadlineSync {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly files: WorkPermitFilesRepository,
    private readonly changeLog: DeadlineChangeLog,
  ) {}

  /**
   * Makes the deadlines of the given document versions (every version of one kind on one file) match `wanted`:
   * the one deadline of the latest version, or none. Creates, moves, renames or removes.
   */
  async sync(
    manager: EntityManager,
    fileId: string,
    versionIds: string[],
    wanted: WantedDocumentDeadline | null,
    actorId: string | null,
  ): Promise<void> {
    const existing = await this.deadlines.lockOfDocuments(versionIds, manager);
    const plan = planDocumentDeadlineSync(wanted, existing);
    if (!plan.create && !plan.move && !plan.retitle && plan.remove.length === 0) {
      return;
    }
    const file = await this.files.findById(fileId, manager);
    if (!file) {
      return;
    }
    const context: DeadlineAuditContext = { actorId, fileId, clientId: file.clientId };
    const changes: DeadlineChange[] = [];

    if (plan.create) {
      const created = await this.deadlines.insert(
        {
          fileId,
          kind: DeadlineKind.DocumentExpiry,
          source: DeadlineSource.Document,
          documentId: plan.create.documentId,
          title: plan.create.title,
          notes: null,
          dueOn: plan.create.dueOn,
          assigneeId: file.consultantId,
          completedAt: null,
          completedById: null,
        },
        manager,
      );
      await this.changeLog.record(manager, context, created.id, 'deadline.created', {
        kind: created.kind,
        source: created.source,
        documentId: created.documentId,
        title: created.title,
        dueOn: created.dueOn,
        assigneeId: created.assigneeId,
      });
      changes.push(changeOf(created, 'created'));
    }
    const patched = plan.move ?? plan.retitle;
    if (patched) {
      const deadline = existing.find((d) => d.id === patched.id) as DeadlineEntity;
      const patch: Partial<DeadlineEntity> = {};
      const audited: Record<string, [string, string]> = {};
      if (plan.move) {
        patch.dueOn = plan.move.to;
        audited.dueOn = [plan.move.from, plan.move.to];
      }
      if (plan.retitle) {
        patch.title = plan.retitle.to;
        audited.title = [plan.retitle.from, plan.retitle.to];
      }
      await this.deadlines.patch(deadline.id, patch, manager);
      Object.assign(deadline, patch);
      await this.changeLog.record(
        manager,
        context,
        deadline.id,
        plan.move ? 'deadline.moved' : 'deadline.updated',
        audited,
      );
      if (plan.move) {
        changes.push(changeOf(deadline, 'moved'));
      }
    }
    const removed = plan.remove.map((r) => existing.find((d) => d.id === r.id) as DeadlineEntity);
    await this.changeLog.removeAndPublish(manager, context, removed, changes, (d) => ({
      kind: d.kind,
      documentId: d.documentId,
    }));
  }
}
