import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CHECKLIST_STATUSES_OF_FILES,
  FIRM_CHECKLIST_ITEMS,
  firmChecklistItemFromRow,
  type ChecklistStatusRow,
  type FirmChecklistItemRow,
} from './checklist-rows';
import type { FirmChecklistItem } from './checklists/checklist.types';
import type { LatestDocument } from './checklists/rules/checklist-status';
import { ChecklistWaiverEntity } from './entities/checklist-waiver.entity';

/** Where files stand on their checklists: their newest documents per kind and their waivers. */
@Injectable()
export class ChecklistStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest live version of each kind on the file (one row per kind), by the (file_id, kind, version) key. */
  async latestDocuments(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LatestDocument[]> {
    const rows: {
      id: string;
      kind: string;
      version: number;
      status: LatestDocument['status'];
      review_reason: string | null;
    }[] = await manager.query(
      `SELECT DISTINCT ON (kind) id, kind, version, status, review_reason
         FROM documents WHERE file_id = $1 AND deleted_at IS NULL
         ORDER BY kind, version DESC`,
      [fileId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      version: r.version,
      status: r.status,
      reviewReason: r.review_reason,
    }));
  }

  waivers(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChecklistWaiverEntity[]> {
    return manager.find(ChecklistWaiverEntity, { where: { fileId } });
  }

  /**
   * For each of the files, the newest live document's status per kind and the waived keys, in one statement
   * (a list of files shows every file's completeness without a query per file).
   */
  async statusesOf(fileIds: readonly string[]): Promise<ChecklistStatusRow[]> {
    if (fileIds.length === 0) {
      return [];
    }
    return this.dataSource.query(CHECKLIST_STATUSES_OF_FILES, [fileIds]);
  }

  /** The firm's checklist items as the derivation takes them, oldest first. */
  async firmItems(): Promise<FirmChecklistItem[]> {
    const rows: FirmChecklistItemRow[] = await this.dataSource.query(FIRM_CHECKLIST_ITEMS);
    return rows.map(firmChecklistItemFromRow);
  }

  /** Records or replaces the waiver of an item on a file. */
  async upsertWaiver(
    manager: EntityManager,
    values: Pick<ChecklistWaiverEntity, 'fileId' | 'key' | 'reason' | 'waivedById' | 'waivedAt'>,
  ): Promise<ChecklistWaiverEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ChecklistWaiverEntity)
      .values(values)
      .orUpdate(['reason', 'waived_by_id', 'waived_at'], ['file_id', 'key'])
      .execute();
    return manager.findOneOrFail(ChecklistWaiverEntity, {
      where: { fileId: values.fileId, key: values.key },
    });
  }

  /** Removes the waiver of an item on a file; the removed row, or null when there was none. */
  async deleteWaiver(
    manager: EntityManager,
    fileId: string,
    key: string,
  ): Promise<ChecklistWaiverEntity | null> {
    const waiver = await manager.findOne(ChecklistWaiverEntity, {
      where: { fileId, key },
      lock: { mode: 'pessimistic_write' },
    });
    if (waiver) {
      await manager.delete(ChecklistWaiverEntity, { id: waiver.id });
    }
    return waiver;
  }
}
