import { pipeline } from 'node:stream/promises';
import { applyDecorators, type Logger } from '@nestjs/common';
import {
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  attachmentDisposition,
  checkUploadFields,
  displayFileName,
  DocumentError,
  DocumentRangeError,
  downloadFileName,
  type DocumentActor,
  type DocumentContent,
  type DocumentEntity,
  type DocumentsService,
  type FileChecklistsService,
  type StoredUpload,
  type UploadDetails,
} from '@app/documents';
import { ValidationFailedError } from '@app/shared';
import type { WorkPermitFileEntity } from '@app/work-permits';
import { ErrorResponse } from '../http/error.response';
import { closeAfterAnswer, receiveUpload, UPLOAD_OVERHEAD_BYTES } from './multipart-upload';

/** An upload read, stored and checked, ready for DocumentsService.recordUpload. */
export interface CheckedUpload {
  stored: StoredUpload;
  details: UploadDetails & { originalName: string };
}

/**
 * Reads a multipart upload for `file` (staff or portal alike): the content streamed into the storage, the fields
 * checked, the kind checked against the file's checklist. Any problem removes the stored bytes and answers 400
 * naming the fields (or the storage's refusal: too large, wrong type, unavailable).
 */
export async function receiveDocumentUpload(
  req: Request,
  file: WorkPermitFileEntity,
  documents: DocumentsService,
  checklists: FileChecklistsService,
): Promise<CheckedUpload> {
  const received = await receiveUpload(
    req,
    documents.maxBytes + UPLOAD_OVERHEAD_BYTES,
    (content) => documents.storeContent(content),
    (stored) => documents.discard(stored),
  );
  const checked = checkUploadFields(received.fields);
  const errors = { ...received.errors, ...(checked.ok ? {} : checked.errors) };
  if (checked.ok && !errors.kind) {
    try {
      await checklists.requireKindOnChecklist(file, checked.details.kind);
    } catch (error) {
      if (received.stored) {
        await documents.discard(received.stored);
      }
      throw error;
    }
  }
  if (Object.keys(errors).length > 0 || !received.stored || !checked.ok) {
    if (received.stored) {
      await documents.discard(received.stored);
    }
    throw new ValidationFailedError(errors);
  }
  return {
    stored: received.stored,
    details: { ...checked.details, originalName: displayFileName(received.fileName) },
  };
}

/**
 * An upload to the file `findFile` answers, received and recorded as `actor`'s (staff or portal alike). When the
 * file cannot be had, the body is never read: the refusal is answered, then the connection closed.
 */
export async function uploadDocumentToFile(
  req: Request,
  findFile: () => Promise<WorkPermitFileEntity>,
  documents: DocumentsService,
  checklists: FileChecklistsService,
  actor: DocumentActor,
): Promise<{ file: WorkPermitFileEntity; document: DocumentEntity; duplicate: boolean }> {
  let file;
  try {
    file = await findFile();
  } catch (error) {
    closeAfterAnswer(req);
    throw error;
  }
  const { stored, details } = await receiveDocumentUpload(req, file, documents, checklists);
  return { file, ...(await documents.recordUpload(file, stored, details, actor)) };
}

/** The OpenAPI description of a document download (staff or portal): whole, a range, and how it can fail. */
export function ApiDocumentContent() {
  return applyDecorators(
    ApiProduces('application/octet-stream'),
    ApiOkResponse({ description: 'The whole document' }),
    ApiResponse({ status: 206, description: 'The requested range, with Content-Range' }),
    ApiResponse({ status: 416, type: ErrorResponse, description: 'DOCUMENT_RANGE_NOT_SATISFIABLE' }),
    ApiInternalServerErrorResponse({
      type: ErrorResponse,
      description:
        'DOCUMENT_CONTENT_UNREADABLE: the stored content fails its integrity check and is not served',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorResponse,
      description: 'DOCUMENT_STORAGE_UNAVAILABLE: the document store cannot be reached',
    }),
  );
}

/**
 * Opens a document's content with `open` and sends it as an attachment, whole or the range asked for, with the
 * headers that keep a browser from running it. A failure before the first byte is thrown (the error filter
 * answers); one after cuts the connection, so a download is never complete-looking with bad bytes.
 */
export async function sendDocumentContent(
  res: Response,
  open: () => Promise<DocumentContent>,
  logger: Logger,
): Promise<void> {
  let content;
  try {
    content = await open();
  } catch (error) {
    if (error instanceof DocumentRangeError) {
      res.setHeader('Content-Range', `bytes */${error.size}`);
    }
    throw error;
  }
  const { document, range } = content;
  res.setHeader('Content-Type', document.contentType);
  res.setHeader(
    'Content-Disposition',
    attachmentDisposition(downloadFileName(document.originalName, document.contentType)),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Accept-Ranges', 'bytes');
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${document.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.status(200);
    res.setHeader('Content-Length', String(document.size));
  }
  try {
    await pipeline(content.stream, res);
  } catch (error) {
    // Headers are gone: the connection is cut (pipeline destroys the response), so the client sees an
    // incomplete download, never a complete-looking one. Integrity failures were logged with the document id.
    if (!(error instanceof DocumentError)) {
      logger.debug(
        { documentId: document.id, reason: (error as Error).message },
        'Document download ended early',
      );
    }
  }
}
