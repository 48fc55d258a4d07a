import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { Clock, ValidationFailedError, type StaffScope } from '@app/shared';
import { WorkPermitFilesService, type WorkPermitFileEntity } from '@app/work-permits';
import { ChecklistStatusRepository } from './checklist-status.repository';
import { checklistItemsOf, checklistSummariesOf } from './checklist-rows';
import {
  checklistSummary,
  fileChecklist,
  type ChecklistSummary,
  type FileChecklistItem,
} from './checklists/rules/checklist-status';
import { MAX_REVIEW_REASON } from './rules/document-review';

/** The kind of a document that belongs to no checklist item. */
export const OTHER_KIND = 'other';
const SUBJECT_TYPE = 'checklist_waiver';

export interface FileChecklist {
  items: FileChecklistItem[];
  summary: ChecklistSummary;
}

/**
 * Checklists of files: derived from the file (the shipped catalogue, loaded once) with the firm's items, each
 * item's status from the newest live document of its kind and the file's waivers. A file's checklist costs
 * three statements (documents, waivers, firm items); a page of files' summaries two (firm items, one grouped
 * statement for documents and waivers).
 */
@Injectable()
export class FileChecklistsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statuses: ChecklistStatusRepository,
    private readonly files: WorkPermitFilesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The checklist of a file the scope may see (WORK_PERMIT_FILE_NOT_FOUND otherwise). */
  async checklistOf(fileId: string, scope: StaffScope): Promise<FileChecklist> {
    return this.checklistOfFile(await this.files.requireVisible(fileId, scope));
  }

  async checklistOfFile(file: WorkPermitFileEntity): Promise<FileChecklist> {
    const [firm, latest, waivers] = await Promise.all([
      this.statuses.firmItems(),
      this.statuses.latestDocuments(file.id),
      this.statuses.waivers(file.id),
    ]);
    const items = fileChecklist(checklistItemsOf(file, firm), latest, waivers);
    return { items, summary: checklistSummary(items) };
  }

  /** Each file's checklist summary, by file id, without a query per file. */
  async summariesOf(files: readonly WorkPermitFileEntity[]): Promise<Map<string, ChecklistSummary>> {
    if (files.length === 0) {
      return new Map();
    }
    const [firm, rows] = await Promise.all([
      this.statuses.firmItems(),
      this.statuses.statusesOf(files.map((f) => f.id)),
    ]);
    return checklistSummariesOf(files, firm, rows);
  }

  /** Refuses (VALIDATION_FAILED naming `kind`) a document kind that is neither on the file's checklist nor `other`. */
  async requireKindOnChecklist(file: WorkPermitFileEntity, kind: string): Promise<void> {
    if (kind === OTHER_KIND) {
      return;
    }
    const items = checklistItemsOf(file, await this.statuses.firmItems());
    if (!items.some((item) => item.key === kind)) {
      throw ValidationFailedError.field(
        'kind',
        `kind ${kind} is not an item of this file's checklist; use one of its keys, or "other"`,
      );
    }
  }

  /** Marks an item of the file's checklist as not needed, with the reason; a second waiver replaces the reason. */
  async waive(
    fileId: string,
    key: string,
    reason: string,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<FileChecklistItem> {
    const file = await this.files.requireVisible(fileId, scope);
    const text = reason.trim();
    if (text.length === 0 || text.length > MAX_REVIEW_REASON) {
      throw ValidationFailedError.field('reason', `reason must be 1–${MAX_REVIEW_REASON} characters`);
    }
    await this.requireItem(file, key);
    await this.dataSource.transaction(async (manager) => {
      const waiver = await this.statuses.upsertWaiver(manager, {
        fileId: file.id,
        key,
        reason: text,
        waivedById: actor.id,
        waivedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'checklist.waived',
        subjectType: SUBJECT_TYPE,
        subjectId: waiver.id,
        fileId: file.id,
        clientId: file.clientId,
        changes: { key, reason: text },
      });
    });
    return this.itemOf(file, key);
  }

  /** Lifts the waiver of an item (nothing happens, and nothing is recorded, when it is not waived). */
  async liftWaiver(
    fileId: string,
    key: string,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<FileChecklistItem> {
    const file = await this.files.requireVisible(fileId, scope);
    await this.requireItem(file, key);
    await this.dataSource.transaction(async (manager) => {
      const waiver = await this.statuses.deleteWaiver(manager, file.id, key);
      if (waiver) {
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'checklist.waiver_lifted',
          subjectType: SUBJECT_TYPE,
          subjectId: waiver.id,
          fileId: file.id,
          clientId: file.clientId,
          changes: { key, reason: [waiver.reason, null] },
        });
      }
    });
    return this.itemOf(file, key);
  }

  private async requireItem(file: WorkPermitFileEntity, key: string): Promise<void> {
    const items = checklistItemsOf(file, await this.statuses.firmItems());
    if (!items.some((item) => item.key === key)) {
      throw ValidationFailedError.field('key', `key ${key} is not an item of this file's checklist`);
    }
  }

  private async itemOf(file: WorkPermitFileEntity, key: string): Promise<FileChecklistItem> {
    const { items } = await this.checklistOfFile(file);
    const item = items.find((i) => i.key === key);
    if (!item) {
      // The firm removed the item meanwhile.
      throw ValidationFailedError.field('key', `key ${key} is not an item of this file's checklist`);
    }
    return item;
  }
}
