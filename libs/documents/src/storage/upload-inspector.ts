import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationFailedError } from '@app/shared';
import { DocumentError } from '../documents.errors';
import { isAllowedContentType, SNIFF_BYTES } from '../rules/content-types';
import { transferGarbage } from './transfer-garbage';

/**
 * Passes an upload's content on while counting, hashing and sniffing it: the first SNIFF_BYTES are held back until
 * their type is known, so nothing of a refused type reaches the storage. Refuses content that is empty, over
 * `maxBytes` or of a type not allowed, by failing the stream with that refusal (kept in `refusal`).
 */
export class UploadInspector extends Transform {
  size = 0;
  contentType: string | undefined;
  refusal: DocumentError | ValidationFailedError | undefined;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  /** The SHA-256 of everything passed on, in hex (once the stream has ended). */
  sha256(): string {
    return this.hash.digest('hex');
  }

  override _transform(piece: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += piece.length;
    transferGarbage.passed(piece.length);
    if (this.size > this.maxBytes) {
      done(this.refuse(DocumentError.tooLarge(this.maxBytes)));
      return;
    }
    this.hash.update(piece);
    if (this.contentType !== undefined) {
      done(null, piece);
      return;
    }
    this.head.push(piece);
    this.headBytes += piece.length;
    if (this.headBytes >= SNIFF_BYTES) {
      this.releaseHead(done);
    } else {
      done();
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) {
      done(this.refuse(ValidationFailedError.field('file', 'The file is empty')));
    } else if (this.contentType === undefined) {
      this.releaseHead(done);
    } else {
      done();
    }
  }

  private releaseHead(done: TransformCallback): void {
    fileTypeFromBuffer(Buffer.concat(this.head)).then(
      (type) => {
        if (!isAllowedContentType(type?.mime)) {
          done(this.refuse(DocumentError.typeNotAllowed()));
          return;
        }
        this.contentType = type.mime;
        for (const piece of this.head) {
          this.push(piece);
        }
        this.head = [];
        done();
      },
      (error: unknown) => done(error as Error),
    );
  }

  private refuse(error: DocumentError | ValidationFailedError): Error {
    this.refusal = error;
    return error;
  }
}
