const MIB = 1024 * 1024;

/** Bytes of document content streamed, by all transfers together, between two young-generation collections. */
export const COLLECT_EVERY_BYTES = 4 * MIB;

/**
 * Streaming a document allocates about twice its size in short-lived buffers outside V8's heap (each piece the
 * socket gives, each chunk the cipher returns) while allocating almost nothing inside it. V8 collects young garbage
 * only when the young space fills, which this never does, so the buffers pile up until its external-memory limit
 * (64 MB) starts a full mark-compact of the whole heap: three per 50 MB upload, about a third of the upload's time,
 * and most of its resident-memory growth. A young-generation collection every few megabytes (under a millisecond:
 * the young space holds little else) frees the buffers already written instead. It needs the `--expose-gc` flag,
 * which the start scripts pass; without it (the tests, a plain `node`) nothing is collected early.
 */
export class TransferGarbage {
  private streamed = 0;

  constructor(
    private readonly collectYoung: (() => void) | undefined,
    private readonly everyBytes = COLLECT_EVERY_BYTES,
  ) {}

  /** Counts bytes that went through a transfer; every `everyBytes` of them, collects the young generation. */
  passed(bytes: number): void {
    if (!this.collectYoung) {
      return;
    }
    this.streamed += bytes;
    if (this.streamed >= this.everyBytes) {
      this.streamed = 0;
      this.collectYoung();
    }
  }
}

/** The process's one counter: twenty uploads at once collect no more often than one upload at twenty times the rate. */
export const transferGarbage = new TransferGarbage(
  typeof gc === 'function' ? () => gc?.({ type: 'minor' }) : undefined,
);
