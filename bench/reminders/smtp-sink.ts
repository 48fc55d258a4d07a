import { SMTPServer } from 'smtp-server';

const HEADER_END = '\r\n\r\n';
const MESSAGE_ID = /^message-id:[ \t]*(.+?)\r?$/im;

/**
 * An SMTP server in the bench process that accepts every message at once and keeps only what the measure needs:
 * when each message was accepted and its Message-ID (duplicates and losses show as counts). Cheap per message,
 * so the sink itself does not bound the rate it measures.
 */
export class CountingSink {
  /** performance.now() of each accepted message, in order. */
  readonly acceptedAt: number[] = [];
  private readonly ids = new Map<string, number>();
  private listeners: (() => void)[] = [];
  port = 0;

  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Connections a client left open do not hold up close() (default 30 s).
    closeTimeout: 1000,
    onData: (stream, _session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes(HEADER_END) && head.length < 64_000) {
          head += chunk.toString('latin1');
        }
      });
      stream.on('end', () => {
        this.accept(MESSAGE_ID.exec(head.split(HEADER_END, 1)[0])?.[1] ?? '');
        callback();
      });
    },
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get count(): number {
    return this.acceptedAt.length;
  }

  /** Distinct Message-IDs received more than once, and how many extra copies came. */
  duplicates(): { ids: number; extra: number } {
    let ids = 0;
    let extra = 0;
    for (const n of this.ids.values()) {
      if (n > 1) {
        ids += 1;
        extra += n - 1;
      }
    }
    return { ids, extra };
  }

  get distinct(): number {
    return this.ids.size;
  }

  /** Messages per second between the first and the last accepted message. */
  rate(): number {
    const n = this.acceptedAt.length;
    return n < 2 ? NaN : ((n - 1) * 1000) / (this.acceptedAt[n - 1] - this.acceptedAt[0]);
  }

  spanMs(): number {
    const n = this.acceptedAt.length;
    return n < 2 ? NaN : this.acceptedAt[n - 1] - this.acceptedAt[0];
  }

  /** Calls `listener` after every accepted message (progress). */
  onAccept(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Resolves once `expected` messages arrived and then `settleMs` passed without more (late duplicates), or once
   * nothing arrived for `idleMs` (losses: the caller compares the count). `onReached` runs when the count first
   * reaches `expected` (within 100 ms).
   */
  async waitFor(
    expected: number,
    options: { idleMs: number; settleMs: number; onReached?: () => void },
  ): Promise<void> {
    const { idleMs, settleMs, onReached } = options;
    let last = this.count;
    let quietSince = performance.now();
    let reached = false;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      if (this.count !== last) {
        last = this.count;
        quietSince = performance.now();
      }
      if (!reached && this.count >= expected) {
        reached = true;
        onReached?.();
      }
      const quiet = performance.now() - quietSince;
      if ((this.count >= expected && quiet >= settleMs) || quiet >= idleMs) {
        return;
      }
    }
  }

  close(): Promise<void> {
    this.listeners = [];
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(messageId: string): void {
    this.acceptedAt.push(performance.now());
    this.ids.set(messageId, (this.ids.get(messageId) ?? 0) + 1);
    for (const listener of this.listeners) {
      listener();
    }
  }
}
