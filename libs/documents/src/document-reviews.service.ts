import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, diffFields } from '@app/audit';
import { StaffRole, type StaffUser } from '@app/auth';
import { Clock, ValidationFailedError, type Page, type StaffScope } from '@app/shared';
import { WorkPermitFilesService } from '@app/work-permits';
import { DOCUMENT_SUBJECT_TYPE } from './document-actor';
import { DocumentExpiryService } from './document-expiry.service';
import { DocumentRejectionListeners } from './document-rejection-listeners';
import { DocumentError } from './documents.errors';
import { DocumentsRepository } from './documents.repository';
import { DocumentStatus, type DocumentEntity } from './entities/document.entity';
import { checkDocumentReview, type DocumentReviewInput } from './rules/document-review';

/** Documents as staff list, review and delete them, each with whether it is its kind's newest live version. */
@Injectable()
export class DocumentReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly expiry: DocumentExpiryService,
    private readonly files: WorkPermitFilesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rejections: DocumentRejectionListeners,
  ) {}

  /** A file's documents, every version, newest first; `kind` keeps one kind's versions. */
  async listForFile(
    fileId: string,
    page: { limit: number; cursor?: string; kind?: string },
    scope: StaffScope,
  ): Promise<Page<DocumentEntity>> {
    await this.files.requireVisible(fileId, scope);
    return this.documents.listForFile(fileId, page);
  }

  /** Which of these documents (all of one file) are the newest live version of their kind. */
  async latestAmong(documents: readonly DocumentEntity[]): Promise<Set<string>> {
    if (documents.length === 0) {
      return new Set();
    }
    return this.documents.latestIdsOf(
      documents[0].fileId,
      documents.map((d) => d.kind),
    );
  }

  async isLatest(document: DocumentEntity): Promise<boolean> {
    return (await this.latestAmong([document])).has(document.id);
  }

  /**
   * Accepts or rejects a document (a rejection needs a reason) and/or corrects its title and dates; recorded as
   * `document.reviewed` (a status was given) or `document.updated` with the changed fields. Nothing changes,
   * and nothing is recorded, when the values are the same (a status given is always a new review).
   */
  async review(
    id: string,
    input: DocumentReviewInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<DocumentEntity> {
    await this.requireVisible(id, scope);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.documents.lockLive(manager, id);
      if (!document) {
        throw DocumentError.notFound();
      }
      const checked = checkDocumentReview(document, input);
      if (!checked.ok) {
        throw new ValidationFailedError(checked.errors);
      }
      const patch = {
        ...checked.patch,
        status: checked.patch.status as DocumentStatus | undefined,
      };
      const changes = diffFields(document, patch);
      const reviewed = input.status !== undefined;
      if (!reviewed && Object.keys(changes).length === 0) {
        return document;
      }
      const now = this.clock.now();
      const stamp = reviewed ? { reviewedAt: now, reviewedById: actor.id } : {};
      await this.documents.patchReview(manager, id, { ...patch, ...stamp });
      // A new expiry or issue date moves the document_expiry deadline; a rejection removes it.
      await this.expiry.syncExpiryDeadline(id, actor.id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: reviewed ? 'document.reviewed' : 'document.updated',
        subjectType: DOCUMENT_SUBJECT_TYPE,
        subjectId: id,
        fileId: document.fileId,
        clientId: document.clientId,
        changes: reviewed ? { ...changes, status: [document.status, patch.status] } : changes,
      });
      const result = Object.assign(document, patch, stamp);
      if (patch.status === DocumentStatus.Rejected) {
        await this.rejections.rejected(manager, result);
      }
      return result;
    });
  }

  /**
   * Deletes a document (admins only: DOCUMENT_DELETE_FORBIDDEN for other staff who may see it): it leaves lists,
   * checklists and downloads; the row and bytes stay until purged. Recorded as `document.deleted`.
   */
  async remove(id: string, actor: StaffUser, scope: StaffScope): Promise<void> {
    await this.requireVisible(id, scope);
    if (actor.role !== StaffRole.Admin) {
      throw DocumentError.deleteForbidden();
    }
    await this.dataSource.transaction(async (manager) => {
      const document = await this.documents.lockLive(manager, id);
      if (!document) {
        throw DocumentError.notFound();
      }
      await this.documents.markDeleted(manager, id, this.clock.now());
      // The expiry deadline goes, or passes back to the previous version if it becomes the latest.
      await this.expiry.syncExpiryDeadline(id, actor.id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'document.deleted',
        subjectType: DOCUMENT_SUBJECT_TYPE,
        subjectId: id,
        fileId: document.fileId,
        clientId: document.clientId,
        changes: { kind: document.kind, version: document.version },
      });
    });
  }

  private async requireVisible(id: string, scope: StaffScope): Promise<DocumentEntity> {
    const document = await this.documents.findLive(id);
    if (!document) {
      throw DocumentError.notFound();
    }
    try {
      await this.files.requireVisible(document.fileId, scope);
    } catch {
      throw DocumentError.notFound();
    }
    return document;
  }
}
