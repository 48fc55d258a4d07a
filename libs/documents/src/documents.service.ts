import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { Clock, type StaffScope } from '@app/shared';
import { WorkPermitError, WorkPermitFilesService, type WorkPermitFileEntity } from '@app/work-permits';
import { auditActorOf, DOCUMENT_SUBJECT_TYPE, isClientActor, type DocumentActor } from './document-actor';
import { DocumentContentService, type DocumentContent, type StoredUpload } from './document-content.service';
import { DocumentExpiryService, type UploadSuggestions } from './document-expiry.service';
import { DocumentRetentionService } from './document-retention.service';
import { DocumentError } from './documents.errors';
import { DocumentsRepository } from './documents.repository';
import { DocumentEntity, DocumentStatus } from './entities/document.entity';
import type { UploadDetails } from './rules/upload-fields';

export type { DocumentActor, PortalClientActor } from './document-actor';
export type { DocumentContent, StoredUpload } from './document-content.service';
export type { UploadSuggestions } from './document-expiry.service';
export { ORPHAN_AGE_MS } from './document-retention.service';

/** The columns of a new document row that come from its file and its stored content. */
function storedDocumentRow(
  file: Pick<WorkPermitFileEntity, 'id' | 'clientId'>,
  stored: StoredUpload,
  kind: string,
  version: number,
) {
  return {
    id: stored.documentId,
    fileId: file.id,
    clientId: file.clientId,
    kind,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    version,
    storageKey: stored.storageKey,
    wrappedKey: stored.wrappedKey,
    keyId: stored.keyId,
    deletedAt: null,
    purgedAt: null,
  };
}

/**
 * Documents on work-permit files: recording stored uploads as numbered versions, and who may reach them. The bytes
 * are DocumentContentService's, expiry DocumentExpiryService's and retention DocumentRetentionService's; their
 * entry points stay here for callers. Row and bytes exist together or not at all.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly files: WorkPermitFilesService,
    private readonly content: DocumentContentService,
    private readonly expiry: DocumentExpiryService,
    private readonly retention: DocumentRetentionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get maxBytes(): number {
    return this.content.maxBytes;
  }

  /** The file, if the scope may see it (WORK_PERMIT_FILE_NOT_FOUND otherwise). */
  requireFile(fileId: string, scope: StaffScope): Promise<WorkPermitFileEntity> {
    return this.files.requireVisible(fileId, scope);
  }

  /** See DocumentContentService.store. */
  storeContent(content: Readable): Promise<StoredUpload> {
    return this.content.store(content);
  }

  /** Removes stored bytes that will not become a document. */
  discard(stored: StoredUpload): Promise<void> {
    return this.content.discard(stored);
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
          ...storedDocumentRow(file, stored, details.kind, version),
          title: details.title ?? details.originalName,
          originalName: details.originalName,
          status: DocumentStatus.PendingReview,
          reviewReason: null,
          reviewedAt: null,
          reviewedById: null,
          issuedOn: details.issuedOn,
          expiresOn: details.expiresOn,
          uploadedById: byClient ? null : actorId,
          uploadedByClientId: byClient,
        });
        await this.audit.record(manager, {
          ...auditActorOf(actor),
          action: 'document.uploaded',
          subjectType: DOCUMENT_SUBJECT_TYPE,
          subjectId: document.id,
          fileId: file.id,
          clientId: file.clientId,
          changes: { kind: details.kind, version, size: stored.size, contentType: stored.contentType },
        });
        await this.expiry.syncExpiryDeadline(document.id, actorId, manager);
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
    const document = await this.documents.insertUploaded(manager, {
      ...storedDocumentRow(file, stored, details.kind, version),
      title: details.title,
      originalName: details.originalName,
      status: DocumentStatus.Accepted,
      reviewReason: null,
      reviewedAt: this.clock.now(),
      reviewedById: actorId,
      issuedOn: null,
      expiresOn: null,
      uploadedById: actorId,
      uploadedByClientId: null,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'document.generated',
      subjectType: DOCUMENT_SUBJECT_TYPE,
      subjectId: document.id,
      fileId: file.id,
      clientId: file.clientId,
      changes: { kind: details.kind, version, size: stored.size, sha256: stored.sha256 },
    });
    return document;
  }

  /** See DocumentExpiryService.syncExpiryDeadline. */
  syncExpiryDeadline(documentId: string, actorId: string | null, manager?: EntityManager): Promise<void> {
    return this.expiry.syncExpiryDeadline(documentId, actorId, manager);
  }

  /** What the upload suggests changing on the client: a passport expiry that differs from theirs. */
  uploadSuggestions(
    file: WorkPermitFileEntity,
    document: DocumentEntity,
    scope: StaffScope,
  ): Promise<UploadSuggestions> {
    return this.expiry.uploadSuggestions(file, document, scope);
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
    await this.content.recordAccess(actor, document, 'document.viewed');
    return document;
  }

  /** A document the scope may see, its content as DocumentContentService.open serves it. */
  async openContent(
    id: string,
    rangeHeader: string | undefined,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<DocumentContent> {
    return this.content.open(await this.requireVisible(id, scope), rangeHeader, actor);
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
    return this.content.open(document, rangeHeader, { clientId });
  }

  /** See DocumentRetentionService.purge. */
  purge(
    options: { deletedBefore: Date; archivedBefore: Date; dryRun?: boolean; batchSize?: number },
    onProgress?: (progress: { done: number }) => void,
  ): Promise<{ purged: number }> {
    return this.retention.purge(options, onProgress);
  }

  /** See DocumentRetentionService.sweepOrphans. */
  sweepOrphans(): Promise<number> {
    return this.retention.sweepOrphans();
  }
}
