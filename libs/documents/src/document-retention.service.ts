import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock } from '@app/shared';
import { DOCUMENT_SUBJECT_TYPE } from './document-actor';
import { DocumentsRepository } from './documents.repository';
import { DOCUMENT_STORAGE, type DocumentStorage } from './storage/storage';

/** Objects with no row are removed by the sweep only once they are this old (an upload may be between steps). */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** How many stored objects the orphan sweep checks against the documents table at once. */
const ORPHAN_SWEEP_BATCH = 500;

/** Removing documents' bytes when they are no longer kept: the retention purge and the orphan sweep. */
@Injectable()
export class DocumentRetentionService {
  private readonly logger = new Logger('Documents');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /**
   * Retention: removes the stored bytes, then forgets the storage key and data key (purged_at), of documents deleted
   * before `deletedBefore` and of every document of a client archived before `archivedBefore`, batch by batch in id
   * order; each purge is audited (`document.purged`). `dryRun` only counts. Safe to run again: purged documents are
   * not found twice, and bytes already gone are not an error.
   */
  async purge(
    options: { deletedBefore: Date; archivedBefore: Date; dryRun?: boolean; batchSize?: number },
    onProgress?: (progress: { done: number }) => void,
  ): Promise<{ purged: number }> {
    const batchSize = options.batchSize ?? 200;
    let afterId: string | null = null;
    let purged = 0;
    for (;;) {
      const batch = await this.documents.purgeable(
        options.deletedBefore,
        options.archivedBefore,
        afterId,
        batchSize,
      );
      if (batch.length === 0) {
        return { purged };
      }
      for (const keys of batch) {
        if (options.dryRun || (await this.purgeOne(keys))) {
          purged++;
        }
      }
      afterId = batch[batch.length - 1].id;
      onProgress?.({ done: purged });
    }
  }

  /** Removes one document's bytes, then marks it purged with its audit event; false when another run did first. */
  private async purgeOne(keys: { id: string; storageKey: string }): Promise<boolean> {
    await this.storage.delete(keys.storageKey);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.documents.findAny(manager, keys.id);
      if (!document || !(await this.documents.markPurged(keys.id, this.clock.now(), manager))) {
        return false;
      }
      await this.audit.record(manager, {
        actorId: null,
        action: 'document.purged',
        subjectType: DOCUMENT_SUBJECT_TYPE,
        subjectId: document.id,
        fileId: document.fileId,
        clientId: document.clientId,
        changes: { deletedAt: document.deletedAt?.toISOString() ?? null },
      });
      return true;
    });
  }

  /**
   * Removes stored objects that no document row names and that are older than ORPHAN_AGE_MS (left by a crash
   * between storing and recording). Returns how many were removed.
   */
  async sweepOrphans(): Promise<number> {
    const cutoff = this.clock.now().getTime() - ORPHAN_AGE_MS;
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = await this.documents.knownStorageKeys(batch);
      for (const key of batch.filter((k) => !known.has(k))) {
        await this.storage.delete(key);
        removed++;
      }
      batch = [];
    };
    for await (const object of this.storage.list()) {
      if (object.modifiedAt.getTime() < cutoff) {
        batch.push(object.key);
        if (batch.length >= ORPHAN_SWEEP_BATCH) {
          await flush();
        }
      }
    }
    await flush();
    if (removed > 0) {
      this.logger.log({ removed }, 'Removed stored document objects that no document names');
    }
    return removed;
  }
}
