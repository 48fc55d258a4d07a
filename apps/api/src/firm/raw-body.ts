import type { Request } from 'express';
import { closeAfterAnswer } from '../documents/multipart-upload';

/**
 * The request body's bytes, up to `max + 1` (enough to tell it is too large): the rest is not read, and the
 * answer closes the connection. A body a parser already read (JSON) counts as empty.
 */
export function readRawBody(req: Request, max: number): Promise<Buffer> {
  if (req.readableEnded || (req as { _body?: boolean })._body === true) {
    return Promise.resolve(Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, Math.min(size, max + 1)));
      }
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > max) {
        req.pause();
        closeAfterAnswer(req);
        done();
      }
    };
    const onEnd = () => done();
    const onError = (error: Error) => done(error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
