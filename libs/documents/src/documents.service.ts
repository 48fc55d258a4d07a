import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { ClientError, ClientsService } from '@app/clients';
import { Clock, type StaffScope } from '@app/shared';
import {
  DeadlinePeriodsService,
  DocumentDeadlineSync,
  WorkPermitError,
  WorkPermitFilesService,
  type WorkPermitFileEntity,
} from '@app/work-permits';
import { shippedChecklistCatalogue } from './checklists/checklists';
import { DocumentError } from './documents.errors';
import { DocumentsRepository } from './documents.repository';
import { DocumentEntity, DocumentStatus } from './entities/document.entity';
import { requestedRange } from './rules/byte-ranges';
import { documentExpiryOn, expiryDeadlineTitle, passportExpirySuggestion } from './rules/document-expiry';
import type { UploadDetails } from './rules/upload-fields';
import {
  decryptRange,
  DocumentKeyring,
  EncryptingStream,
  EnvelopeError,
  sealedRangeOf,
} from './storage/envelope';
import {
  DOCUMENT_STORAGE,
  StorageObjectMissingError,
  StorageUnavailableError,
  type ByteRange,
  type DocumentStorage,
} from './storage/storage';
import { UploadInspector } from './storage/upload-inspector';

/** Bytes stored and sealed, not yet recorded: `recordUpload` turns them into a document or `discard` removes them. */
export interface StoredUpload {
  documentId: string;
  storageKey: string;
  size: number;
  sha256: string;
  contentType: string;
  wrappedKey: Buffer;
  keyId: string;
}

/** A document's content as a download sends it. */
export interface DocumentContent {
  document: DocumentEntity;
  /** The plaintext range sent, or null for the whole document. */
  range: ByteRange | null;
  stream: Readable;
}

/** What an upload suggests changing elsewhere (the client's passport expiry). */
export interface UploadSuggestions {
  passportExpiry?: { current: string | null; proposed: string };
}

/** The client acting on their own documents in the client portal. */
export interface PortalClientActor {
  clientId: string;
}

/** Who uploads or reads a document: a staff member, or the client in the portal. */
export type DocumentActor = StaffUser | PortalClientActor;

function isClientActor(actor: DocumentActor): actor is PortalClientActor {
  return 'clientId' in actor;
}

/** The audit event's actor columns for a document actor. */
function auditActorOf(actor: DocumentActor): { actorId: string | null; actorClientId: string | null } {
  return isClientActor(actor)
    ? { actorId: null, actorClientId: actor.clientId }
    : { actorId: actor.id, actorClientId: null };
}

/** Objects with no row are removed by the sweep only once they are this old (an upload may be between steps). */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;
const SUBJECT_TYPE = 'document';

/** How much decrypted content a download holds ahead of the connection. */
const DOWNLOAD_BUFFER_BYTES = 512 * 1024;

/**
 * Documents on work-permit files: storing uploads (encrypted, type-checked, hashed while streaming), recording
 * them as numbered versions, listing, and serving their content. Row and bytes exist together or not at all.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly expiryDeadlines: DocumentDeadlineSync,
    private readonly periods: DeadlinePeriodsService,
    private readonly audit: AuditService,
    private readonly keyring: DocumentKeyring,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  get maxBytes(): number {
    return this.config.documents.maxBytes;
  }

  /** The file, if the scope may see it (WORK_PERMIT_FILE_NOT_FOUND otherwise). */
  requireFile(fileId: string, scope: StaffScope): Promise<WorkPermitFileEntity> {
    return this.files.requireVisible(fileId, scope);
  }

  /**
   * Streams content into the storage, sealed under a new data key, while counting, hashing and sniffing it. Refuses
   * (and leaves nothing stored) content that is empty, over DOCUMENT_MAX_BYTES or not of an allowed type; a storage
   * that cannot take it answers DOCUMENT_STORAGE_UNAVAILABLE. Errors of the content stream itself are passed on.
   */
  async storeContent(content: Readable): Promise<StoredUpload> {
    const documentId = randomUUID();
    const storageKey = randomBytes(24).toString('base64url');
    const dataKey = this.keyring.newDataKey();
    const inspector = new UploadInspector(this.maxBytes);
    // Errors reach the storage's put through the streams (a refusal ends it); the callback only has to exist.
    const sealed = pipeline(content, inspector, new EncryptingStream(dataKey), () => undefined);
    try {
      await this.storage.put(storageKey, sealed);
    } catch (error) {
      await this.removeQuietly(storageKey);
      if (inspector.refusal) {
        throw inspector.refusal;
      }
      if (error instanceof StorageUnavailableError) {
        this.logger.warn({ err: error.cause ?? error }, 'Document storage unavailable; upload refused');
        throw DocumentError.storageUnavailable();
      }
      throw error;
    }
    const { wrappedKey, keyId } = this.keyring.wrap(dataKey, documentId);
    return {
      documentId,
      storageKey,
      size: inspector.size,
      sha256: inspector.sha256(),
      contentType: inspector.contentType ?? 'application/octet-stream',
      wrappedKey,
      keyId,
    };
  }

  /** Removes stored bytes that will not become a document. */
  async discard(stored: StoredUpload): Promise<void> {
    await this.removeQuietly(stored.storageKey);
  }

  private async removeQuietly(storageKey: string): Promise<void> {
    try {
      await this.storage.delete(storageKey);
    } catch (error) {
      // The orphan sweep removes it later.
      this.logger.warn({ err: error }, 'Could not remove stored bytes of a failed upload; the sweep will');
    }
  }

  /**
   * Records stored content as the next version of its kind on the file, with its audit event, in one transaction.
   * The same content already on the file under that kind is recognised instead (`duplicate`, no new version). On
   * any failure, or for a duplicate, the stored bytes are removed.
   */
  async recordUpload(
    file: WorkPermitFileEntity,
    stored: StoredUpload,
    details: UploadDetails & { originalName: string },
    actor: DocumentActor,
  ): Promise<{ document: DocumentEntity; duplicate: boolean }> {
    const byClient = isClientActor(actor) ? actor.clientId : null;
    const { actorId } = auditActorOf(actor);
    let outcome: { document: DocumentEntity; duplicate: boolean };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        await this.documents.lockKind(manager, file.id, details.kind);
        const same = await this.documents.findSameContent(manager, file.id, details.kind, stored.sha256);
        if (same) {
          return { document: same, duplicate: true };
        }
        const version = await this.documents.nextVersion(manager, file.id, details.kind);
        const document = await this.documents.insertUploaded(manager, {
          id: stored.documentId,
          fileId: file.id,
          clientId: file.clientId,
          kind: details.kind,
          title: details.title ?? details.originalName,
          originalName: details.originalName,
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          version,
          status: DocumentStatus.PendingReview,
          reviewReason: null,
          reviewedAt: null,
          reviewedById: null,
          issuedOn: details.issuedOn,
          expiresOn: details.expiresOn,
          uploadedById: byClient ? null : actorId,
          uploadedByClientId: byClient,
          storageKey: stored.storageKey,
          wrappedKey: stored.wrappedKey,
          keyId: stored.keyId,
          deletedAt: null,
          purgedAt: null,
        });
        await this.audit.record(manager, {
          ...auditActorOf(actor),
          action: 'document.uploaded',
          subjectType: SUBJECT_TYPE,
          subjectId: document.id,
          fileId: file.id,
          clientId: file.clientId,
          changes: { kind: details.kind, version, size: stored.size, contentType: stored.contentType },
        });
        await this.syncExpiryDeadline(document.id, actorId, manager);
        return { document, duplicate: false };
      });
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    if (outcome.duplicate) {
      await this.discard(stored);
    }
    return outcome;
  }

  /**
   * Records content PermitDesk made itself (a signed service agreement's PDF), already stored and sealed by
   * storeContent, as the next version of its kind on the file, accepted (nobody needs to review it), with its audit
   * event, in the caller's transaction. If that transaction fails, the caller discards the stored bytes.
   */
  async recordGenerated(
    manager: EntityManager,
    file: Pick<WorkPermitFileEntity, 'id' | 'clientId'>,
    stored: StoredUpload,
    details: { kind: string; title: string; originalName: string },
    actorId: string,
  ): Promise<DocumentEntity> {
    await this.documents.lockKind(manager, file.id, details.kind);
    const version = await this.documents.nextVersion(manager, file.id, details.kind);
    const now = this.clock.now();
    const document = await this.documents.insertUploaded(manager, {
      id: stored.documentId,
      fileId: file.id,
      clientId: file.clientId,
      kind: details.kind,
      title: details.title,
      originalName: details.originalName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      version,
      status: DocumentStatus.Accepted,
      reviewReason: null,
      reviewedAt: now,
      reviewedById: actorId,
      issuedOn: null,
      expiresOn: null,
      uploadedById: actorId,
      uploadedByClientId: null,
      storageKey: stored.storageKey,
      wrappedKey: stored.wrappedKey,
      keyId: stored.keyId,
      deletedAt: null,
      purgedAt: null,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'document.generated',
      subjectType: SUBJECT_TYPE,
      subjectId: document.id,
      fileId: file.id,
      clientId: file.clientId,
      changes: { kind: details.kind, version, size: stored.size, sha256: stored.sha256 },
    });
    return document;
  }

  /**
   * Keeps the `document_expiry` deadline of the document's kind on its file in step: one deadline, on the latest
   * live version, due when that version expires (documentExpiryOn); none when that version is rejected or has no
   * expiry, and none on older, deleted or superseded versions. Run after any change to a document's dates, status,
   * or deletion, in the transaction of that change when `manager` is given (else in its own).
   */
  async syncExpiryDeadline(
    documentId: string,
    actorId: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    if (!manager) {
      return this.dataSource.transaction((own) => this.syncExpiryDeadline(documentId, actorId, own));
    }
    const changed = await this.documents.findAny(manager, documentId);
    if (!changed) {
      throw DocumentError.notFound();
    }
    await this.documents.lockKind(manager, changed.fileId, changed.kind);
    const latest = await this.documents.latestLiveOfKind(manager, changed.fileId, changed.kind);
    const versionIds = await this.documents.idsOfKind(manager, changed.fileId, changed.kind);
    let wanted = null;
    if (latest && latest.status !== DocumentStatus.Rejected) {
      const item = shippedChecklistCatalogue().items.find((i) => i.key === latest.kind);
      const firmMonths =
        item?.expiry?.basis === 'firm_default' ? await this.firmMonths(latest.kind, manager) : undefined;
      const dueOn = documentExpiryOn(latest, item?.expiry ?? null, firmMonths);
      if (dueOn) {
        wanted = {
          documentId: latest.id,
          dueOn,
          title: expiryDeadlineTitle(item?.title.en ?? latest.title),
        };
      }
    }
    await this.expiryDeadlines.sync(manager, changed.fileId, versionIds, wanted, actorId);
  }

  private async firmMonths(kind: string, manager: EntityManager): Promise<number | undefined> {
    return (await this.periods.documentValidityMonths(manager))[kind];
  }

  /** What the upload suggests changing on the client: a passport expiry that differs from theirs. */
  async uploadSuggestions(
    file: WorkPermitFileEntity,
    document: DocumentEntity,
    scope: StaffScope,
  ): Promise<UploadSuggestions> {
    if (document.kind !== 'passport' || !document.expiresOn) {
      return {};
    }
    let client;
    try {
      client = await this.clients.requireVisible(file.clientId, scope);
    } catch (error) {
      // A client the caller may not see gets no suggestion about them.
      if (error instanceof ClientError) {
        return {};
      }
      throw error;
    }
    const passportExpiry = passportExpirySuggestion(
      document.kind,
      document.expiresOn,
      client.passportExpiresOn,
    );
    return passportExpiry ? { passportExpiry } : {};
  }

  /** The document if its file is one the scope may see (DOCUMENT_NOT_FOUND otherwise). */
  async requireVisible(id: string, scope: StaffScope): Promise<DocumentEntity> {
    const document = await this.documents.findLive(id);
    if (!document) {
      throw DocumentError.notFound();
    }
    try {
      await this.requireFile(document.fileId, scope);
    } catch {
      throw DocumentError.notFound();
    }
    return document;
  }

  /** A document's metadata; reading it is recorded. */
  async view(id: string, actor: StaffUser, scope: StaffScope): Promise<DocumentEntity> {
    const document = await this.requireVisible(id, scope);
    await this.recordAccess(actor, document, 'document.viewed');
    return document;
  }

  /**
   * A document's content, whole or the range a `Range` header asks for, decrypting only the chunks it covers. The
   * first chunk is verified before this returns, so content that fails its check at the start answers
   * DOCUMENT_CONTENT_UNREADABLE; a later chunk that fails makes the stream fail (the download is cut, never completed
   * with bad bytes). Either way the failure is logged with the document id. Downloading is recorded.
   */
  async openContent(
    id: string,
    rangeHeader: string | undefined,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<DocumentContent> {
    return this.contentOf(await this.requireVisible(id, scope), rangeHeader, actor);
  }

  /**
   * The file of the client with this id (WORK_PERMIT_FILE_NOT_FOUND for a file of anyone else): the scope of the
   * client portal, checked in the query.
   */
  async requireFileOfClient(fileId: string, clientId: string): Promise<WorkPermitFileEntity> {
    const file = await this.files.findOfClient(fileId, clientId);
    if (!file) {
      throw WorkPermitError.notFound();
    }
    return file;
  }

  /**
   * The content of one of the client's own documents, as openContent serves it to staff; DOCUMENT_NOT_FOUND for a
   * document of anyone else. Downloading is recorded with the client as the actor.
   */
  async openContentOfClient(
    id: string,
    rangeHeader: string | undefined,
    clientId: string,
  ): Promise<DocumentContent> {
    const document = await this.documents.findLiveOfClient(id, clientId);
    if (!document) {
      throw DocumentError.notFound();
    }
    return this.contentOf(document, rangeHeader, { clientId });
  }

  private async contentOf(
    document: DocumentEntity,
    rangeHeader: string | undefined,
    actor: DocumentActor,
  ): Promise<DocumentContent> {
    const id = document.id;
    const range = requestedRange(rangeHeader, document.size);
    if (range === 'unsatisfiable') {
      throw DocumentError.rangeNotSatisfiable(document.size);
    }
    const keys = await this.documents.contentKeys(id);
    if (!keys) {
      throw DocumentError.notFound();
    }
    const wanted = range ?? { start: 0, end: document.size - 1 };
    let dataKey: Buffer;
    let stored: Readable;
    try {
      dataKey = this.keyring.unwrap({ wrappedKey: keys.wrappedKey, keyId: keys.keyId }, id);
      stored = await this.storage.get(keys.storageKey, sealedRangeOf(document.size, wanted).stored);
    } catch (error) {
      throw this.contentFailure(id, error);
    }
    const plaintext = decryptRange(stored, dataKey, document.size, wanted);
    let first: IteratorResult<Buffer>;
    try {
      first = await plaintext.next();
    } catch (error) {
      stored.destroy();
      throw this.contentFailure(id, error);
    }
    const logger = this.logger;
    const guarded = async function* (): AsyncGenerator<Buffer> {
      try {
        if (!first.done) {
          yield first.value;
          yield* plaintext;
        }
      } catch (error) {
        logger.error(
          { documentId: id, err: error },
          'Stored document content failed its integrity check mid-download',
        );
        throw error;
      } finally {
        stored.destroy();
      }
    };
    await this.recordAccess(
      actor,
      document,
      'document.downloaded',
      range ? { range: [range.start, range.end] } : {},
    );
    return {
      document,
      range,
      stream: Readable.from(guarded(), { objectMode: false, highWaterMark: DOWNLOAD_BUFFER_BYTES }),
    };
  }

  private contentFailure(id: string, error: unknown): Error {
    if (error instanceof EnvelopeError || error instanceof StorageObjectMissingError) {
      this.logger.error({ documentId: id, reason: error.message }, 'Stored document content cannot be read');
      return DocumentError.contentUnreadable();
    }
    if (error instanceof StorageUnavailableError) {
      this.logger.warn({ documentId: id, err: error.cause ?? error }, 'Document storage unavailable');
      return DocumentError.storageUnavailable();
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private recordAccess(
    actor: DocumentActor,
    document: DocumentEntity,
    action: string,
    changes: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(this.dataSource.manager, {
      ...auditActorOf(actor),
      action,
      subjectType: SUBJECT_TYPE,
      subjectId: document.id,
      fileId: document.fileId,
      clientId: document.clientId,
      changes,
    });
  }

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
        if (options.dryRun) {
          purged++;
          continue;
        }
        await this.storage.delete(keys.storageKey);
        const done = await this.dataSource.transaction(async (manager) => {
          const document = await this.documents.findAny(manager, keys.id);
          if (!document || !(await this.documents.markPurged(keys.id, this.clock.now(), manager))) {
            return false;
          }
          await this.audit.record(manager, {
            actorId: null,
            action: 'document.purged',
            subjectType: SUBJECT_TYPE,
            subjectId: document.id,
            fileId: document.fileId,
            clientId: document.clientId,
            changes: { deletedAt: document.deletedAt?.toISOString() ?? null },
          });
          return true;
        });
        if (done) {
          purged++;
        }
      }
      afterId = batch[batch.length - 1].id;
      onProgress?.({ done: purged });
    }
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
        if (batch.length >= 500) {
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
