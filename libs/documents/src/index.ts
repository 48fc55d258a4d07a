export * from './documents.module';
export * from './documents.service';
export * from './document-keys.service';
export * from './document-reviews.service';
export * from './document-rejection-listeners';
export * from './file-checklists.service';
export * from './checklist-completeness.service';
export * from './firm-checklist-items.service';
export * from './entities/firm-checklist-item.entity';
export * from './entities/checklist-waiver.entity';
export { MAX_REVIEW_REASON, type DocumentReviewInput } from './rules/document-review';
export * from './documents.errors';
export * from './entities/document.entity';
export { attachmentDisposition, displayFileName, downloadFileName } from './rules/file-names';
export {
  checkUploadFields,
  UPLOAD_FIELDS,
  type UploadDetails,
  type UploadFieldName,
} from './rules/upload-fields';
export { ALLOWED_CONTENT_TYPES } from './rules/content-types';
export { CHUNK_BYTES, decryptRange, EncryptingStream, sealedRangeOf, sealedSize } from './storage/envelope';
export type { DocumentStorage, ByteRange, StoredObjectInfo } from './storage/storage';
export { DOCUMENT_STORAGE, StorageUnavailableError } from './storage/storage';
export { DiskStorage } from './storage/disk-storage';
export { S3Storage, type S3StorageOptions } from './storage/s3-storage';
export * from './checklists';
