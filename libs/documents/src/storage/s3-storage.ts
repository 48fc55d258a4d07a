import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Transform, type Readable } from 'node:stream';
import { checkStorageKey } from './disk-storage';
import {
  StorageObjectMissingError,
  StorageUnavailableError,
  type ByteRange,
  type DocumentStorage,
  type StoredObjectInfo,
} from './storage';

export interface S3StorageOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Multipart part size: the most a put holds in memory at once is PART_SIZE × QUEUE_SIZE. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph...), path-style addressing. Puts stream through
 * lib-storage's multipart upload, which aborts the upload (no object) when the stream fails.
 */
export class S3Storage implements DocumentStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: true,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // Checksums only where the API requires them: S3-compatible servers differ on the newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  get bucket(): string {
    return this.options.bucket;
  }

  /**
   * Whether the bucket exists: false when the store answers that it does not. Throws StorageUnavailableError when
   * the store cannot be asked (down, unreachable, credentials refused).
   */
  async bucketExists(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
      return true;
    } catch (error) {
      if (
        error instanceof S3ServiceException &&
        (error.name === 'NotFound' || error.name === 'NoSuchBucket' || error.$metadata.httpStatusCode === 404)
      ) {
        return false;
      }
      throw unavailable(error, 'The document store cannot be reached');
    }
  }

  async put(key: string, content: Readable): Promise<{ size: number }> {
    checkStorageKey(key);
    let size = 0;
    let streamError: Error | undefined;
    const counted = content.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      }),
    );
    content.once('error', (error: Error) => {
      streamError = error;
      counted.destroy(error);
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: counted },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
      return { size };
    } catch (error) {
      if (streamError !== undefined) {
        throw streamError;
      }
      throw unavailable(error, 'The document store cannot take the upload');
    }
  }

  async get(key: string, range?: ByteRange): Promise<AsyncIterable<Buffer>> {
    checkStorageKey(key);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (
        error instanceof S3ServiceException &&
        (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
      ) {
        throw new StorageObjectMissingError(key);
      }
      throw unavailable(error, 'The document store cannot be read');
    }
  }

  async delete(key: string): Promise<void> {
    checkStorageKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      throw unavailable(error, 'The document store cannot delete');
    }
  }

  async *list(): AsyncIterable<StoredObjectInfo> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified) {
          yield { key: object.Key, modifiedAt: object.LastModified };
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.client.destroy();
  }
}

function unavailable(error: unknown, message: string): StorageUnavailableError {
  return error instanceof StorageUnavailableError ? error : new StorageUnavailableError(message, error);
}
