import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Sealing and hashing of uploads in worker threads, off the thread that reads the sockets. An upload is a job pinned
 * to one worker: its chunks are copied into a small ring of shared slots, the worker hashes each chunk (SHA-256 of
 * the whole plaintext, in order) and seals it (`nonce | ciphertext | tag`, AES-256-GCM, the chunk's index and
 * finality as associated data), and hands the sealed chunk back as one transferred buffer. The worker's heap is
 * small, so the garbage of sealing costs it next to nothing to collect, and the API's heap sees only the sealed
 * chunks, not the cipher's intermediate buffers.
 *
 * The workers are made once and reused by every upload (round robin); one that fails fails its jobs and is replaced.
 * A worker keeps the process alive only while it has jobs open.
 */

/** Chunks held by one job at once: one being filled, the rest being sealed; the bound of its backpressure. */
export const SLOTS_PER_JOB = 4;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createHash, createSecretKey, randomFillSync } = require('node:crypto');
const { chunkBytes, nonceBytes, tagBytes, marker } = workerData;
const jobs = new Map();
function associatedData(index, isFinal) {
  const aad = Buffer.alloc(marker.length + 9);
  Buffer.from(marker).copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), marker.length);
  aad[marker.length + 8] = isFinal ? 1 : 0;
  return aad;
}
parentPort.on('message', (m) => {
  if (m.type === 'open') {
    jobs.set(m.job, { key: createSecretKey(Buffer.from(m.key)), ring: Buffer.from(m.ring), hash: createHash('sha256') });
    return;
  }
  if (m.type === 'close') {
    jobs.delete(m.job);
    return;
  }
  const job = jobs.get(m.job);
  if (!job) {
    return;
  }
  try {
    const plain = job.ring.subarray(m.slot * chunkBytes, m.slot * chunkBytes + m.length);
    job.hash.update(plain);
    const sealed = Buffer.allocUnsafeSlow(nonceBytes + m.length + tagBytes);
    const nonce = randomFillSync(sealed, 0, nonceBytes).subarray(0, nonceBytes);
    const cipher = createCipheriv('aes-256-gcm', job.key, nonce, { authTagLength: tagBytes });
    cipher.setAAD(associatedData(m.index, m.isFinal));
    cipher.update(plain).copy(sealed, nonceBytes);
    cipher.final();
    cipher.getAuthTag().copy(sealed, nonceBytes + m.length);
    const sha256 = m.isFinal ? job.hash.digest('hex') : undefined;
    parentPort.postMessage({ job: m.job, slot: m.slot, sealed: sealed.buffer, sha256 }, [sealed.buffer]);
  } catch (error) {
    parentPort.postMessage({ job: m.job, slot: m.slot, error: String(error && error.message) });
  }
});
`;

/** The format's constants, as the envelope defines them. */
export interface SealingFormat {
  chunkBytes: number;
  nonceBytes: number;
  tagBytes: number;
  marker: Buffer;
}

/** One chunk sealed: the stored bytes, and for the final chunk the SHA-256 of the whole plaintext. */
export interface SealedChunk {
  sealed: Buffer;
  sha256: string | undefined;
}

interface Reply {
  job: number;
  slot: number;
  sealed?: ArrayBuffer;
  sha256?: string;
  error?: string;
}

interface Waiter {
  resolve: (chunk: SealedChunk) => void;
  reject: (error: Error) => void;
}

/** One upload's sealing: its slots, and the chunks handed to the worker, answered in the order they were sent. */
export class SealingJob {
  /** The slots, one after the other: SLOTS_PER_JOB × chunkBytes, shared with the worker. */
  readonly ring: Buffer;
  private readonly waiting: Waiter[] = [];
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly host: PooledWorker,
    readonly id: number,
    chunkBytes: number,
  ) {
    this.ring = Buffer.from(new SharedArrayBuffer(SLOTS_PER_JOB * chunkBytes));
  }

  /** Seals `length` bytes of `slot` (the slot is the worker's until the answer). */
  seal(slot: number, length: number, index: number, isFinal: boolean): Promise<SealedChunk> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.host.worker.postMessage({ type: 'seal', job: this.id, slot, length, index, isFinal });
    });
  }

  answer(reply: Reply): void {
    const waiter = this.waiting.shift();
    if (!waiter) {
      return;
    }
    if (reply.error !== undefined || !reply.sealed) {
      waiter.reject(new Error(`Sealing a chunk failed: ${reply.error ?? 'no output'}`));
    } else {
      waiter.resolve({ sealed: Buffer.from(reply.sealed), sha256: reply.sha256 });
    }
  }

  fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiting.splice(0)) {
      waiter.reject(error);
    }
  }

  /** Ends the job (done or abandoned): the worker forgets it; answers still on their way are dropped. */
  close(): void {
    if (!this.closed) {
      this.closed = true;
      this.fail(new Error('The sealing job is closed'));
      this.host.close(this);
    }
  }
}

class PooledWorker {
  worker: Worker;
  private readonly jobs = new Map<number, SealingJob>();

  constructor(private readonly format: SealingFormat) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...this.format, marker: new Uint8Array(this.format.marker) },
      // A small heap: its collections stay cheap, and the chunks it seals are garbage at once.
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.jobs.get(reply.job)?.answer(reply));
    const broken = (error: Error) => {
      if (worker !== this.worker) {
        return;
      }
      for (const job of this.jobs.values()) {
        job.fail(error);
      }
      this.jobs.clear();
      this.worker = this.start();
    };
    worker.on('error', broken);
    worker.on('exit', (code) => broken(new Error(`The sealing worker stopped (exit code ${code})`)));
    return worker;
  }

  open(id: number, key: Buffer): SealingJob {
    const job = new SealingJob(this, id, this.format.chunkBytes);
    if (this.jobs.size === 0) {
      this.worker.ref();
    }
    this.jobs.set(id, job);
    this.worker.postMessage({ type: 'open', job: id, key: new Uint8Array(key), ring: job.ring.buffer });
    return job;
  }

  close(job: SealingJob): void {
    if (this.jobs.delete(job.id)) {
      this.worker.postMessage({ type: 'close', job: job.id });
      if (this.jobs.size === 0) {
        this.worker.unref();
      }
    }
  }
}

/** The workers that seal uploads: one per core beyond the first (at least one), made on first use. */
export class SealingPool {
  private workers: PooledWorker[] | undefined;
  private nextWorker = 0;
  private nextJob = 1;

  constructor(private readonly format: SealingFormat) {}

  open(key: Buffer): SealingJob {
    this.workers ??= Array.from(
      { length: Math.max(1, availableParallelism() - 1) },
      () => new PooledWorker(this.format),
    );
    const host = this.workers[this.nextWorker++ % this.workers.length];
    return host.open(this.nextJob++, key);
  }
}
