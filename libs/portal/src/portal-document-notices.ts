import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { DocumentRejectionListeners, type DocumentEntity } from '@app/documents';
import { documentRejectedEmail, MailService } from '@app/notifications';

/**
 * Tells a client who can sign in to the portal that staff refused one of their documents: an email in their language
 * through the outbox, queued in the reviewing transaction, naming the document and linking to the file; the reason
 * is shown only in the portal.
 */
@Injectable()
export class PortalDocumentNotices implements OnModuleInit {
  constructor(
    private readonly rejections: DocumentRejectionListeners,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.rejections.listen((manager, document) => this.rejected(manager, document));
  }

  private async rejected(manager: EntityManager, document: DocumentEntity): Promise<void> {
    const rows: {
      email: string;
      name: string;
      language: string;
      file_number: string;
    }[] = await manager.query(
      `SELECT c.email, c.first_name || ' ' || c.last_name AS name, c.preferred_language AS language, f.file_number
       FROM clients c
       JOIN portal_accounts p ON p.client_id = c.id
       JOIN work_permit_files f ON f.id = $2 AND f.client_id = c.id
       WHERE c.id = $1 AND c.email IS NOT NULL AND c.archived_at IS NULL`,
      [document.clientId, document.fileId],
    );
    if (rows.length === 0) {
      return;
    }
    const [client] = rows;
    const email = documentRejectedEmail({
      language: client.language === 'fr' ? 'fr' : 'en',
      clientName: client.name,
      fileNumber: client.file_number,
      documentTitle: document.title,
      url: new URL(`/portal/files/${document.fileId}`, this.config.appUrl).toString(),
    });
    await this.mail.enqueue(manager, {
      kind: 'document_rejected',
      to: client.email,
      ...email,
      related: { type: 'document', id: document.id },
      idempotencyKey: `document-rejected-${document.id}`,
    });
  }
}
