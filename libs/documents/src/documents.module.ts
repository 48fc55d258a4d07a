import { DocumentRejectionListeners } from './document-rejection-listeners';
import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ClientsModule } from '@app/clients';
import { AppConfig } from '@app/config';
import { WorkPermitsModule } from '@app/work-permits';
import { ChecklistCompletenessService } from './checklist-completeness.service';
import { ChecklistStatusRepository } from './checklist-status.repository';
import { DocumentContentService } from './document-content.service';
import { DocumentExpiryService } from './document-expiry.service';
import { DocumentKeysService } from './document-keys.service';
import { DocumentRetentionService } from './document-retention.service';
import { DocumentReviewsService } from './document-reviews.service';
import { FileChecklistsService } from './file-checklists.service';
import { FirmChecklistItemsRepository } from './firm-checklist-items.repository';
import { FirmChecklistItemsService } from './firm-checklist-items.service';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { ChecklistWaiverEntity } from './entities/checklist-waiver.entity';
import { DocumentEntity } from './entities/document.entity';
import { FirmChecklistItemEntity } from './entities/firm-checklist-item.entity';
import { DiskStorage } from './storage/disk-storage';
import { DocumentKeyring } from './storage/envelope';
import { S3Storage } from './storage/s3-storage';
import { DOCUMENT_STORAGE, type DocumentStorage } from './storage/storage';

/** The storage the configuration names: an S3-compatible bucket when DOCUMENTS_S3_BUCKET is set, else the folder. */
export function storageFromConfig(config: AppConfig): DocumentStorage {
  const { s3, dir } = config.documents;
  return s3 ? new S3Storage(s3) : new DiskStorage(dir);
}

/**
 * The storage, checked at start-up: a bucket the store says does not exist stops the process with a message saying
 * so (PermitDesk never creates buckets: their region, encryption, versioning and lifecycle rules are the firm's
 * choice). A store that cannot be reached is only a warning: the rest of PermitDesk works, and document uploads
 * and downloads answer 503 until it is back.
 */
export async function openStorage(config: AppConfig): Promise<DocumentStorage> {
  const storage = storageFromConfig(config);
  if (storage instanceof S3Storage) {
    let exists = true;
    try {
      exists = await storage.bucketExists();
    } catch (error) {
      new Logger('Documents').warn(
        { err: (error as Error).cause ?? error },
        'The document store cannot be reached at start-up; document uploads and downloads answer 503 until it can',
      );
    }
    if (!exists) {
      throw new Error(
        `DOCUMENTS_S3_BUCKET: the bucket "${storage.bucket}" does not exist at ${config.documents.s3?.endpoint ?? 'AWS S3'}. Create it (PermitDesk does not create buckets), or correct DOCUMENTS_S3_BUCKET or DOCUMENTS_S3_ENDPOINT.`,
      );
    }
  }
  return storage;
}

@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity, ChecklistWaiverEntity, FirmChecklistItemEntity]),
    AuditModule,
    WorkPermitsModule,
    ClientsModule,
  ],
  providers: [
    DocumentRejectionListeners,
    { provide: DOCUMENT_STORAGE, inject: [AppConfig], useFactory: openStorage },
    {
      provide: DocumentKeyring,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new DocumentKeyring(config.dataEncryptionKey, config.previousDataEncryptionKey),
    },
    DocumentsRepository,
    DocumentContentService,
    DocumentExpiryService,
    DocumentRetentionService,
    DocumentsService,
    DocumentKeysService,
    ChecklistStatusRepository,
    FirmChecklistItemsRepository,
    FirmChecklistItemsService,
    FileChecklistsService,
    ChecklistCompletenessService,
    DocumentReviewsService,
  ],
  exports: [
    DocumentsService,
    DocumentKeysService,
    FirmChecklistItemsService,
    FileChecklistsService,
    ChecklistCompletenessService,
    DocumentReviewsService,
    DocumentRejectionListeners,
  ],
})
export class DocumentsModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage) {}

  /** The S3 client's open connections would keep a finished process (the command line) alive. */
  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) {
      this.storage.close();
    }
  }
}
