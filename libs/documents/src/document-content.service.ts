import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { auditActorOf, DOCUMENT_SUBJECT_TYPE, type DocumentActor } from './document-actor';
import { DocumentError } from './documents.errors';
import { DocumentsRepository } from './documents.repository';
import type { DocumentEntity } from './entities/document.entity';
import { requestedRange } from './rules/byte-ranges';
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
import { transferGarbage } from './storage/transfer-garbage';
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

/** How much decrypted content a download holds ahead of the connection. */
const DOWNLOAD_BUFFER_BYTES = 512 * 1024;

/**
 * Documents' bytes: storing uploads (encrypted, type-checked, hashed while streaming) and streaming them back
 * decrypted, whole or by range, with each access audited. Which documents a caller may reach is DocumentsService's.
 */
@Injectable()
export class DocumentContentService {
  private readonly logger = new Logger('Documents');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly keyring: DocumentKeyring,
    private readonly config: AppConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  get maxBytes(): number {
    return this.config.documents.maxBytes;
  }

  /**
   * Streams content into the storage, sealed under a new data key, while counting, hashing and sniffing it. Refuses
   * (and leaves nothing stored) content that is empty, over DOCUMENT_MAX_BYTES or not of an allowed type; a storage
   * that cannot take it answers DOCUMENT_STORAGE_UNAVAILABLE. Errors of the content stream itself are passed on.
   */
  async store(content: Readable): Promise<StoredUpload> {
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
   * A document's content, whole or the range a `Range` header asks for, decrypting only the chunks it covers. The
   * first chunk is verified before this returns, so content that fails its check at the start answers
   * DOCUMENT_CONTENT_UNREADABLE; a later chunk that fails makes the stream fail (the download is cut, never completed
   * with bad bytes). Either way the failure is logged with the document id. Downloading is recorded.
   */
  async open(
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
    let stored: AsyncIterable<Buffer>;
    try {
      dataKey = this.keyring.unwrap({ wrappedKey: keys.wrappedKey, keyId: keys.keyId }, id);
      stored = await this.storage.get(keys.storageKey, sealedRangeOf(document.size, wanted).stored);
    } catch (error) {
      throw this.contentFailure(id, error);
    }
    const plaintext = decryptRange(stored, dataKey, document.size, wanted);
    let first: IteratorResult<Buffer>;
    try {
      first = await plaintext.next(); // a failure ends the read of the stored bytes with it
    } catch (error) {
      throw this.contentFailure(id, error);
    }
    const logger = this.logger;
    const guarded = async function* (): AsyncGenerator<Buffer> {
      try {
        if (!first.done) {
          yield first.value;
          for await (const piece of plaintext) {
            transferGarbage.passed(piece.length);
            yield piece;
          }
        }
      } catch (error) {
        logger.error(
          { documentId: id, err: error },
          'Stored document content failed its integrity check mid-download',
        );
        throw error;
      }
    };
    // Whatever ends the download (sent, failed, the client gone, even before its first byte), the stored bytes are
    // released: ending the decryption ends its read of them.
    const release = () => void plaintext.return(undefined).catch(() => undefined);
    try {
      await this.recordAccess(
        actor,
        document,
        'document.downloaded',
        range ? { range: [range.start, range.end] } : {},
      );
    } catch (error) {
      release();
      throw error;
    }
    const stream = Readable.from(guarded(), { objectMode: false, highWaterMark: DOWNLOAD_BUFFER_BYTES });
    stream.once('close', release);
    return { document, range, stream };
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

  /** Records that the actor read the document (`document.viewed`, `document.downloaded`). */
  recordAccess(
    actor: DocumentActor,
    document: DocumentEntity,
    action: string,
    changes: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(this.dataSource.manager, {
      ...auditActorOf(actor),
      action,
      subjectType: DOCUMENT_SUBJECT_TYPE,
      subjectId: document.id,
      fileId: document.fileId,
      clientId: document.clientId,
      changes,
    });
  }
}
