import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/config';
import { WorkPermitsModule } from '@app/work-permits';
import { ChecklistStatusRepository } from './checklist-status.repository';
import { DocumentKeysService } from './document-keys.service';
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

@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity, ChecklistWaiverEntity, FirmChecklistItemEntity]),
    AuditModule,
    WorkPermitsModule,
  ],
  providers: [
    { provide: DOCUMENT_STORAGE, inject: [AppConfig], useFactory: storageFromConfig },
    {
      provide: DocumentKeyring,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new DocumentKeyring(config.dataEncryptionKey, config.previousDataEncryptionKey),
    },
    DocumentsRepository,
    DocumentsService,
    DocumentKeysService,
    ChecklistStatusRepository,
    FirmChecklistItemsRepository,
    FirmChecklistItemsService,
    FileChecklistsService,
    DocumentReviewsService,
  ],
  exports: [
    DocumentsService,
    DocumentKeysService,
    FirmChecklistItemsService,
    FileChecklistsService,
    DocumentReviewsService,
  ],
})
export class DocumentsModule {}
