import { Injectable } from '@nestjs/common';
import { DocumentsService, FileChecklistsService, type ChecklistItemStatus } from '@app/documents';
import { WorkPermitError, type WorkPermitFileEntity } from '@app/work-permits';
import { PortalViewRepository } from './portal-view.repository';
import type { PortalDocument } from './portal-view-rows';
import { PortalError, PortalErrorCode } from './portal.errors';

export type { PortalDocument };

/** One checklist item as the client sees it: no waiver reasons, no review notes on accepted documents. */
export interface PortalChecklistItem {
  key: string;
  title: string;
  titleFr: string;
  help: string | null;
  helpFr: string | null;
  required: boolean;
  conditionText: string | null;
  conditionTextFr: string | null;
  status: ChecklistItemStatus;
  /** The newest version of the item's document, when there is one. */
  documentId: string | null;
  /** Why the newest document was rejected (only on a rejected item). */
  rejectionReason: string | null;
}

export interface PortalChecklist {
  items: PortalChecklistItem[];
  /** The client's documents on the file that are not deleted, newest first. */
  documents: PortalDocument[];
}

/**
 * The document side of the portal: a file's checklist as the client sees it and the file an upload goes to, both
 * scoped to the signed-in client in their queries; the storing and recording are DocumentsService's.
 */
@Injectable()
export class PortalDocumentsService {
  constructor(
    private readonly view: PortalViewRepository,
    private readonly documents: DocumentsService,
    private readonly checklists: FileChecklistsService,
  ) {}

  /** The client's file (PORTAL_FILE_NOT_FOUND for any other id). */
  async requireFile(clientId: string, fileId: string): Promise<WorkPermitFileEntity> {
    try {
      return await this.documents.requireFileOfClient(fileId, clientId);
    } catch (error) {
      if (error instanceof WorkPermitError) {
        throw new PortalError(PortalErrorCode.FileNotFound, 'File not found');
      }
      throw error;
    }
  }

  async checklist(clientId: string, fileId: string): Promise<PortalChecklist> {
    const file = await this.requireFile(clientId, fileId);
    const [{ items }, documents] = await Promise.all([
      this.checklists.checklistOfFile(file),
      this.view.listDocuments(clientId, fileId),
    ]);
    return {
      items: items.map((item) => ({
        key: item.key,
        title: item.title,
        titleFr: item.titleFr,
        help: item.help,
        helpFr: item.helpFr,
        required: item.required,
        conditionText: item.conditionText,
        conditionTextFr: item.conditionTextFr,
        status: item.status,
        documentId: item.status === 'waived' ? null : item.documentId,
        rejectionReason: item.status === 'rejected' ? item.reviewReason : null,
      })),
      documents,
    };
  }
}
