import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ClientError, ClientsService } from '@app/clients';
import type { StaffScope } from '@app/shared';
import { DeadlinePeriodsService, DocumentDeadlineSync, type WorkPermitFileEntity } from '@app/work-permits';
import { shippedChecklistCatalogue } from './checklists/checklists';
import { DocumentError } from './documents.errors';
import { DocumentsRepository } from './documents.repository';
import { DocumentStatus, type DocumentEntity } from './entities/document.entity';
import { documentExpiryOn, expiryDeadlineTitle, passportExpirySuggestion } from './rules/document-expiry';

/** What an upload suggests changing elsewhere (the client's passport expiry). */
export interface UploadSuggestions {
  passportExpiry?: { current: string | null; proposed: string };
}

/** What a document's expiry means elsewhere: its file's expiry deadline, and the client's passport expiry. */
@Injectable()
export class DocumentExpiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly clients: ClientsService,
    private readonly expiryDeadlines: DocumentDeadlineSync,
    private readonly periods: DeadlinePeriodsService,
  ) {}

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
}
