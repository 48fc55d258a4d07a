import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DocumentEntity } from './entities/document.entity';

export type DocumentRejectionListener = (manager: EntityManager, document: DocumentEntity) => Promise<void>;

/**
 * Told, in the reviewing transaction, when staff reject a document. The portal listens to tell the client by email
 * (it depends on documents, so documents cannot call it), so the notice is queued only if the rejection commits.
 */
@Injectable()
export class DocumentRejectionListeners {
  private readonly listeners: DocumentRejectionListener[] = [];

  listen(listener: DocumentRejectionListener): void {
    this.listeners.push(listener);
  }

  async rejected(manager: EntityManager, document: DocumentEntity): Promise<void> {
    for (const listener of this.listeners) {
      await listener(manager, document);
    }
  }
}
