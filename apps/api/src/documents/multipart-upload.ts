import type { Readable } from 'node:stream';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { UPLOAD_FIELDS, type UploadFieldName } from '@app/documents';
import { DomainError, ValidationFailedError, type FieldErrors } from '@app/shared';

/** What a multipart upload carried: its text fields, the stored file part and the name the client gave it. */
export interface ReceivedUpload<T> {
  fields: Partial<Record<UploadFieldName, string>>;
  stored: T | undefined;
  fileName: string | undefined;
  /** Problems with the parts, keyed by field; the caller discards `stored` when there are any. */
  errors: FieldErrors;
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>(UPLOAD_FIELDS);
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
const truncated = () =>
  ValidationFailedError.field('file', 'The upload ended before the file part was complete');

/** What an upload body may carry besides the document: the text fields, part headers and boundaries. */
export const UPLOAD_OVERHEAD_BYTES = 1024 * 1024;

/**
 * How much of the file part busboy holds ahead of the store: enough that reading the socket and sealing the chunks
 * overlap (64 KiB pieces, each awaited, would take turns), small enough that twenty uploads at once stay far from
 * the memory budget.
 */
const FILE_BUFFER_BYTES = 512 * 1024;

/**
 * The answer to this request closes its connection: the server stops reading a body it will not use, whatever the
 * client still sends.
 */
export function closeAfterAnswer(req: Request): void {
  if (!req.res?.headersSent) {
    req.res?.setHeader('Connection', 'close');
  }
}

/**
 * Reads a multipart/form-data request as it arrives (busboy): the one `file` part goes straight to `store` (never
 * buffered whole); text fields are collected. A failure of `store` (too large, wrong type, storage down) ends the
 * read at once: the answer closes the connection, and until it is out the rest of the body is read and thrown
 * away, never past `maxBodyBytes` in all (beyond, the connection is cut). A broken or cut-short body is a 400 on
 * `file`.
 */
export function receiveUpload<T>(
  req: Request,
  maxBodyBytes: number,
  store: (content: Readable) => Promise<T>,
  discard: (stored: T) => Promise<void>,
): Promise<ReceivedUpload<T>> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaTypeException('Send the document as multipart/form-data with a "file" part');
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      fileHwm: FILE_BUFFER_BYTES,
      limits: { files: 1, fields: 10, parts: 12, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 },
    });
  } catch {
    throw ValidationFailedError.field('body', 'The multipart body has no boundary');
  }

  return new Promise((resolve, reject) => {
    const errors: FieldErrors = {};
    const fields: Partial<Record<UploadFieldName, string>> = {};
    const add = (field: string, message: string) => {
      errors[field] = [...(errors[field] ?? []), message];
    };
    let storing: Promise<T> | undefined;
    let fileName: string | undefined;
    let fileBroke = false;
    let settled = false;
    let bodyBytes = 0;

    const fail = (error: unknown) => {
      if (settled) {
        return;
      }
      settled = true;
      req.unpipe(parser);
      closeAfterAnswer(req);
      req.resume(); // until the answer is out (bounded by maxBodyBytes below)
      void storing?.then(discard, () => undefined);
      const known = error instanceof DomainError || error instanceof UnsupportedMediaTypeException;
      reject(known || !fileBroke ? asError(error) : truncated());
    };

    parser.on('field', (name, value, info) => {
      if (!KNOWN_FIELDS.has(name)) {
        add(
          name || 'body',
          `${name || 'a field'} is not a field of an upload (file, ${UPLOAD_FIELDS.join(', ')})`,
        );
      } else if (Object.hasOwn(fields, name)) {
        add(name, `${name} is given twice`);
      } else if (info.valueTruncated) {
        add(name, `${name} is too long`);
      } else {
        fields[name as UploadFieldName] = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        add(
          name || 'body',
          `${name || 'a part'} is not a field of an upload; the document goes in the "file" part`,
        );
        stream.resume();
        return;
      }
      if (storing) {
        add('file', 'Send one file per upload');
        stream.resume();
        return;
      }
      fileName = info.filename;
      stream.once('error', () => {
        fileBroke = true;
      });
      storing = store(stream);
      storing.catch(fail);
    });
    parser.on('filesLimit', () => add('file', 'Send one file per upload'));
    parser.on('fieldsLimit', () => add('body', 'The upload has too many fields'));
    parser.on('partsLimit', () => add('body', 'The upload has too many parts'));
    parser.on('error', () => {
      fileBroke = true;
      fail(truncated());
    });
    parser.on('close', () => {
      if (settled) {
        return;
      }
      if (!storing) {
        add('file', 'file is required: send the document in a "file" part');
      }
      (storing ?? Promise.resolve(undefined)).then((stored) => {
        if (!settled) {
          settled = true;
          resolve({ fields, stored, fileName, errors });
        }
      }, fail);
    });
    req.on('error', fail);
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes > maxBodyBytes) {
        // Past anything an upload may carry: a refused upload's body is not read without end.
        req.socket.destroy();
      }
    });
    req.pipe(parser);
  });
}
