import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { lockUntilCommit } from '@app/database';
import { decodeCursor, toPage, ValidationFailedError, type Page } from '@app/shared';
import { DocumentEntity } from './entities/document.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The secret columns a download or a key rotation needs, never loaded otherwise. */
export interface DocumentContentKeys {
  id: string;
  storageKey: string;
  wrappedKey: Buffer;
  keyId: string;
}

/** Queries of documents, each one statement. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Uploads of one file and kind take their version one after the other until the caller's transaction ends. */
  async lockKind(manager: EntityManager, fileId: string, kind: string): Promise<void> {
    await lockUntilCommit(manager, `documents:${fileId}:${kind}`);
  }

  /** A live version of this kind on this file with the same content, if any. */
  findSameContent(
    manager: EntityManager,
    fileId: string,
    kind: string,
    sha256: string,
  ): Promise<DocumentEntity | null> {
    return manager.findOne(DocumentEntity, {
      where: { fileId, kind, sha256, deletedAt: IsNull() },
      order: { version: 'DESC' },
    });
  }

  async nextVersion(manager: EntityManager, fileId: string, kind: string): Promise<number> {
    const rows: { next: number }[] = await manager.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM documents WHERE file_id = $1 AND kind = $2',
      [fileId, kind],
    );
    return Number(rows[0].next);
  }

  insertUploaded(
    manager: EntityManager,
    values: Omit<
      DocumentEntity,
      'createdAt' | 'file' | 'client' | 'uploadedBy' | 'uploadedByClient' | 'reviewedBy'
    >,
  ) {
    return manager.save(manager.create(DocumentEntity, values));
  }

  findLive(id: string): Promise<DocumentEntity | null> {
    return this.dataSource.manager.findOne(DocumentEntity, { where: { id, deletedAt: IsNull() } });
  }

  /**
   * A live document of the client, on one of the client's files (a file's client is checked as well as the
   * document's, in the same statement).
   */
  findLiveOfClient(id: string, clientId: string): Promise<DocumentEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(DocumentEntity, 'd')
      .innerJoin('d.file', 'f')
      .where('d.id = :id AND d.client_id = :clientId AND f.client_id = :clientId AND d.deleted_at IS NULL', {
        id,
        clientId,
      })
      .getOne();
  }

  /** A live document, locked for the rest of the caller's transaction. */
  lockLive(manager: EntityManager, id: string): Promise<DocumentEntity | null> {
    return manager.findOne(DocumentEntity, {
      where: { id, deletedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async patchReview(
    manager: EntityManager,
    id: string,
    patch: Partial<
      Pick<
        DocumentEntity,
        'status' | 'reviewReason' | 'reviewedAt' | 'reviewedById' | 'title' | 'issuedOn' | 'expiresOn'
      >
    >,
  ): Promise<void> {
    await manager.update(DocumentEntity, { id }, patch);
  }

  async markDeleted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(DocumentEntity, { id }, { deletedAt: at });
  }

  /** Of the given kinds on the file, the ids of each kind's newest live version (one statement). */
  async latestIdsOf(fileId: string, kinds: readonly string[]): Promise<Set<string>> {
    if (kinds.length === 0) {
      return new Set();
    }
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (kind) id FROM documents
       WHERE file_id = $1 AND kind = ANY($2::varchar[]) AND deleted_at IS NULL
       ORDER BY kind, version DESC`,
      [fileId, [...new Set(kinds)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The content keys, or null when there is no such document or its content was purged. */
  async contentKeys(id: string): Promise<DocumentContentKeys | null> {
    const row = await this.dataSource.manager.findOne(DocumentEntity, {
      where: { id },
      select: { id: true, storageKey: true, wrappedKey: true, keyId: true },
    });
    return row?.storageKey && row.wrappedKey
      ? { id: row.id, storageKey: row.storageKey, wrappedKey: row.wrappedKey, keyId: row.keyId }
      : null;
  }

  /** The document, deleted or not. */
  findAny(manager: EntityManager, id: string): Promise<DocumentEntity | null> {
    return manager.findOne(DocumentEntity, { where: { id } });
  }

  /** The newest live version of a kind on a file, or null. */
  latestLiveOfKind(manager: EntityManager, fileId: string, kind: string): Promise<DocumentEntity | null> {
    return manager.findOne(DocumentEntity, {
      where: { fileId, kind, deletedAt: IsNull() },
      order: { version: 'DESC' },
    });
  }

  /** The ids of every version of a kind on a file, deleted ones included. */
  async idsOfKind(manager: EntityManager, fileId: string, kind: string): Promise<string[]> {
    const rows = await manager.find(DocumentEntity, { where: { fileId, kind }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /**
   * The next batch, in id order after `afterId`, of documents whose content is still stored and is due for
   * removal: deleted before `deletedBefore`, or of a client archived before `archivedBefore`.
   */
  async purgeable(
    deletedBefore: Date,
    archivedBefore: Date,
    afterId: string | null,
    limit: number,
  ): Promise<DocumentContentKeys[]> {
    const rows: { id: string; storage_key: string; wrapped_key: Buffer; key_id: string }[] =
      await this.dataSource.query(
        `SELECT d.id, d.storage_key, d.wrapped_key, d.key_id
FROM documents d
JOIN clients c ON c.id = d.client_id
WHERE d.purged_at IS NULL
  AND (d.deleted_at < $1 OR c.archived_at < $2)
  AND ($3::uuid IS NULL OR d.id > $3::uuid)
ORDER BY d.id ASC
LIMIT $4`,
        [deletedBefore, archivedBefore, afterId, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      storageKey: r.storage_key,
      wrappedKey: r.wrapped_key,
      keyId: r.key_id,
    }));
  }

  /** Forgets a document's storage key and data key once its bytes are removed. True when this call did it. */
  async markPurged(id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      DocumentEntity,
      { id, purgedAt: IsNull() },
      { storageKey: null, wrappedKey: null, purgedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }

  /** A file's live documents, newest first (so the newest version of a kind before older ones), keyset on (createdAt, id). */
  async listForFile(
    fileId: string,
    page: { limit: number; cursor?: string; kind?: string },
  ): Promise<Page<DocumentEntity>> {
    const after = decodeCursor(page.cursor, 2);
    const [afterCreatedAt, afterId] = after ?? [];
    if (
      after &&
      !(
        typeof afterCreatedAt === 'string' &&
        !Number.isNaN(Date.parse(afterCreatedAt)) &&
        typeof afterId === 'string' &&
        UUID.test(afterId)
      )
    ) {
      throw ValidationFailedError.field(
        'cursor',
        'cursor is not one this API returned; start again without it',
      );
    }
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentEntity, 'd')
      .where('d.file_id = :fileId AND d.deleted_at IS NULL', { fileId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(page.limit + 1);
    if (page.kind !== undefined) {
      qb.andWhere('d.kind = :kind', { kind: page.kind });
    }
    if (after) {
      qb.andWhere('(d.created_at, d.id) < (:afterCreatedAt::timestamptz, :afterId::uuid)', {
        afterCreatedAt,
        afterId,
      });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      page.limit,
      (d) => [d.createdAt.toISOString(), d.id],
      (d) => d,
    );
  }

  /** Which of these storage keys belong to a document row (deleted ones included: their bytes stay until purged). */
  async knownStorageKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await this.dataSource.manager.find(DocumentEntity, {
      where: { storageKey: In(keys) },
      select: { id: true, storageKey: true },
    });
    return new Set(rows.flatMap((r) => (r.storageKey ? [r.storageKey] : [])));
  }

  countWrappedUnder(keyId: string): Promise<number> {
    return this.dataSource.manager.countBy(DocumentEntity, { keyId, purgedAt: IsNull() });
  }

  /** The next batch of data keys still wrapped under the given master key, in id order after `afterId`. */
  async wrappedUnder(keyId: string, afterId: string | null, limit: number): Promise<DocumentContentKeys[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentEntity, 'd')
      .select(['d.id', 'd.wrappedKey', 'd.keyId', 'd.storageKey'])
      .where('d.key_id = :keyId AND d.purged_at IS NULL', { keyId })
      .orderBy('d.id', 'ASC')
      .limit(limit);
    if (afterId) {
      qb.andWhere('d.id > :afterId', { afterId });
    }
    const rows = await qb.getMany();
    return rows.flatMap((r) =>
      r.storageKey && r.wrappedKey
        ? [{ id: r.id, storageKey: r.storageKey, wrappedKey: r.wrappedKey, keyId: r.keyId }]
        : [],
    );
  }

  /** Replaces a wrapped data key, only if it is still wrapped under `fromKeyId`. True when it was replaced. */
  async rewrap(id: string, fromKeyId: string, wrappedKey: Buffer, keyId: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      DocumentEntity,
      { id, keyId: fromKeyId },
      { wrappedKey, keyId },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Master key ids other than the current one that still wrap data keys. */
  async otherKeyIds(currentKeyId: string): Promise<string[]> {
    const rows: { key_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT key_id FROM documents WHERE key_id <> $1 AND purged_at IS NULL',
      [currentKeyId],
    );
    return rows.map((r) => r.key_id);
  }
}
