import { DomainError } from '@app/shared';

export enum DocumentErrorCode {
  NotFound = 'DOCUMENT_NOT_FOUND',
  TooLarge = 'DOCUMENT_TOO_LARGE',
  TypeNotAllowed = 'DOCUMENT_TYPE_NOT_ALLOWED',
  RangeNotSatisfiable = 'DOCUMENT_RANGE_NOT_SATISFIABLE',
  StorageUnavailable = 'DOCUMENT_STORAGE_UNAVAILABLE',
  ContentUnreadable = 'DOCUMENT_CONTENT_UNREADABLE',
  DeleteForbidden = 'DOCUMENT_DELETE_FORBIDDEN',
  ChecklistItemNotFound = 'CHECKLIST_ITEM_NOT_FOUND',
}

export class DocumentError extends DomainError<DocumentErrorCode> {
  static notFound(): DocumentError {
    return new DocumentError(DocumentErrorCode.NotFound, 'No document with this id');
  }

  static tooLarge(maxBytes: number): DocumentError {
    return new DocumentError(
      DocumentErrorCode.TooLarge,
      `The document is larger than ${Math.floor(maxBytes / (1024 * 1024)) || maxBytes} ${maxBytes >= 1024 * 1024 ? 'MB' : 'bytes'}`,
    );
  }

  static typeNotAllowed(): DocumentError {
    return new DocumentError(
      DocumentErrorCode.TypeNotAllowed,
      'Only PDF, JPEG, PNG, HEIC and DOCX documents are accepted (the type is read from the content, not the name)',
    );
  }

  static rangeNotSatisfiable(size: number): DocumentRangeError {
    return new DocumentRangeError(size);
  }

  static storageUnavailable(): DocumentError {
    return new DocumentError(
      DocumentErrorCode.StorageUnavailable,
      'The document store cannot be reached; nothing was saved. Try again later',
    );
  }

  static deleteForbidden(): DocumentError {
    return new DocumentError(DocumentErrorCode.DeleteForbidden, 'Only an admin can delete a document');
  }

  static checklistItemNotFound(): DocumentError {
    return new DocumentError(DocumentErrorCode.ChecklistItemNotFound, 'No firm checklist item with this id');
  }

  static contentUnreadable(): DocumentError {
    return new DocumentError(
      DocumentErrorCode.ContentUnreadable,
      'The stored content of this document fails its integrity check and is not served',
    );
  }
}

/** A Range outside the document; carries the size for the 416 answer's `Content-Range: bytes *\/size`. */
export class DocumentRangeError extends DocumentError {
  constructor(readonly size: number) {
    super(DocumentErrorCode.RangeNotSatisfiable, `The range is outside the document's ${size} bytes`);
  }
}
