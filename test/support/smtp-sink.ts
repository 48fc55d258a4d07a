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
  private refusalCode = 451;
  private drops = 0;
  /** Messages whose connection was dropped after DATA, before the answer (the server kept them: delivered). */
  dropped = 0;
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
              const message =
                this.refusalCode >= 500 ? 'Mailbox unavailable' : 'Mail service not available, try later';
              const error = Object.assign(new Error(message), { responseCode: this.refusalCode });
              callback(error);
              return;
            }
            if (this.drops > 0) {
              // The server keeps the message but the connection drops before its "250 OK": the client cannot know.
              this.drops -= 1;
              this.dropped += 1;
              await this.record(Buffer.concat(chunks));
              this.socketOf(session.id)?.destroy();
              return;
            }
            if (this.holding) {
              await new Promise<void>((resolve) =>
                this.held.push({ sessionId: session.id, deliver: resolve }),
              );
              if (this.closedSessions.has(session.id)) {
                return;
              }
            }
            await this.record(Buffer.concat(chunks));
            callback();
          })();
        });
      },
    });
    this.ignoreConnectionErrors();
  }

  private async record(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
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
  }

  private socketOf(sessionId: string): { destroy(): void } | undefined {
    const connections = (
      this.server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
    ).connections;
    return [...connections].find((c) => c.id === sessionId)?._socket;
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** The server down: connections refused (and open ones closed) until restart(). */
  async stop(): Promise<void> {
    const connections = (this.server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
      .connections;
    for (const c of connections) {
      c._socket.destroy();
    }
    await this.close();
  }

  /**
   * A client killed mid-session (the outbox and SIGKILL specs do it on purpose) resets its connection; the server
   * reports that as an 'error' event, which with no listener would fail the spec after its checks passed.
   */
  private ignoreConnectionErrors(): void {
    this.server.on('error', () => undefined);
  }

  /** Back on the same port, with what it had received. */
  async restart(): Promise<void> {
    const { options } = this.server as unknown as { options: ConstructorParameters<typeof SMTPServer>[0] };
    this.server = new SMTPServer(options);
    this.ignoreConnectionErrors();
    await this.start(this.port);
  }

  /** Keeps the next `count` messages but drops the connection after their DATA, before answering. */
  dropAfterData(count: number): void {
    this.drops = count;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses every message with `code` (451: try later; 5xx: for good) until accept(). */
  refuse(code = 451): void {
    this.refusing = true;
    this.refusalCode = code;
  }

  accept(): void {
    this.refusing = false;
    this.refusals = 0;
    this.refusalCode = 451;
    this.drops = 0;
  }

  /** Answers 451 to the next `count` messages, then accepts again. */
  refuseNext(count: number, code = 451): void {
    this.refusals = count;
    this.refusalCode = code;
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
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<Truthy<T>> {
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
