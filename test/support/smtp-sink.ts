import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: ParsedMail;
}

/**
 * A real SMTP server in the test process (smtp-server), collecting what it accepts. `refuse()` makes it answer
 * 451 to every message (a mail server that is down for mail) until `accept()`, `refuseNext(n)` to the next n
 * only; `delayMs` slows each message;
 * `hold()` keeps every incoming message unanswered until `release()`, which delivers those whose client is
 * still connected and drops the others (a server that never answered "250 OK" delivers nothing).
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  private refusing = false;
  private refusals = 0;
  private holding = false;
  private readonly held: { sessionId: string; deliver: () => void }[] = [];
  private readonly closedSessions = new Set<string>();
  delayMs = 0;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void (async () => {
            if (this.delayMs > 0) {
              await new Promise((r) => setTimeout(r, this.delayMs));
            }
            const refused = this.refusing || this.refusals > 0;
            this.refusals = Math.max(0, this.refusals - 1);
            if (refused) {
              const error = Object.assign(new Error('Mail service not available, try later'), { responseCode: 451 });
              callback(error);
              return;
            }
            if (this.holding) {
              await new Promise<void>((resolve) => this.held.push({ sessionId: session.id, deliver: resolve }));
              if (this.closedSessions.has(session.id)) {
                return;
              }
            }
            const parsed = await simpleParser(Buffer.concat(chunks));
            const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
              a.value.map((v) => v.address ?? ''),
            );
            this.received.push({
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              raw: parsed,
            });
            callback();
          })();
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(): void {
    this.refusing = true;
  }

  accept(): void {
    this.refusing = false;
    this.refusals = 0;
  }

  /** Answers 451 to the next `count` messages, then accepts again. */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  hold(): void {
    this.holding = true;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Held messages whose client is still connected. */
  get heldConnected(): number {
    return this.held.filter((m) => !this.closedSessions.has(m.sessionId)).length;
  }

  release(): void {
    this.holding = false;
    for (const message of this.held.splice(0)) {
      message.deliver();
    }
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address));
  }

  clear(): void {
    this.received.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/** Polls until `check` returns a truthy value (and returns it), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<Truthy<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) {
      return value as Truthy<T>;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
