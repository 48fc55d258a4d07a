import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface TransportMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Set by the caller so a resend of the same email carries the same Message-ID. */
  messageId: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
}

/**
 * How a hand-over failed, which decides what the outbox does next:
 * - `permanent`: the server refused the message for good (5xx): the email ends `failed` after this attempt;
 * - `temporary`: nothing was delivered and trying later may work (4xx, connection refused, DNS, a greeting that
 *   never came): retried with back-off;
 * - `unknown`: the connection dropped or timed out while the server held the message, before its answer: it may
 *   have been delivered; it is not sent again before the acknowledgement window has passed.
 */
export type DeliveryFailureKind = 'permanent' | 'temporary' | 'unknown';

export class DeliveryFailure extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

/** Socket errors that happen before anything was handed over. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/** Classifies what nodemailer threw (see DeliveryFailureKind). */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) {
    return error;
  }
  const e = (error ?? {}) as {
    message?: string;
    code?: string;
    originalCode?: string;
    responseCode?: number;
  };
  const message = e.message ?? String(error);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return new DeliveryFailure(e.responseCode >= 500 ? 'permanent' : 'temporary', message, e.responseCode);
  }
  const socketCode = e.originalCode ?? e.code ?? '';
  if (NOT_CONNECTED.has(socketCode) || /greeting|ECONNREFUSED/i.test(message)) {
    return new DeliveryFailure('temporary', message);
  }
  if (
    ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE'].includes(socketCode) ||
    /closed|timeout|reset/i.test(message)
  ) {
    return new DeliveryFailure('unknown', message);
  }
  // Anything else (a bad address caught before sending, an unexpected error): not delivered; retried.
  return new DeliveryFailure('temporary', message);
}

/** The only code that talks SMTP. */
export abstract class MailTransport {
  /** Returns the Message-ID the server accepted; throws a DeliveryFailure when it did not accept the message. */
  abstract deliver(message: TransportMessage): Promise<string>;
  /** True when messages really leave (SMTP); false when they are only logged. */
  abstract readonly delivers: boolean;
  async close(): Promise<void> {}
}

/**
 * The SMTP connection pool: up to 5 connections kept open between emails, each closed and opened again after 100
 * messages (servers often cap messages per connection). The bench's raw sender uses the same settings.
 */
export const SMTP_POOL = { pool: true, maxConnections: 5, maxMessages: 100 } as const;

export class SmtpMailTransport extends MailTransport {
  readonly delivers = true;
  private readonly transporter: Transporter;

  constructor(url: string) {
    super();
    // Options go in the first argument: a second argument only holds defaults for each message, so passing the
    // pool settings there would silently open a new SMTP connection per email (~100 ms each).
    // Pooled connections also narrow the acknowledgement window: no connection set-up between DATA and the answer.
    // A socket that stays silent for 60 s after the message is an unknown outcome, not a refusal.
    this.transporter = createTransport({
      url,
      ...SMTP_POOL,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async deliver(message: TransportMessage): Promise<string> {
    try {
      return await this.hand(message);
    } catch (error) {
      throw classifyDeliveryError(error);
    }
  }

  private async hand(message: TransportMessage): Promise<string> {
    const info = await this.transporter.sendMail({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      icalEvent: message.icalEvent
        ? {
            method: message.icalEvent.method,
            content: message.icalEvent.content,
            filename: message.icalEvent.filename ?? 'invite.ics',
          }
        : undefined,
    });
    return String(info.messageId ?? message.messageId);
  }

  override close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}

/** Without SMTP_URL: nothing leaves the machine; the outbox keeps the email and a log line says so. */
export class LogMailTransport extends MailTransport {
  readonly delivers = false;
  private readonly logger = new Logger('Mail');

  deliver(message: TransportMessage): Promise<string> {
    this.logger.log(`Email not sent (no SMTP_URL): to=${message.to} subject="${message.subject}"`);
    return Promise.resolve(message.messageId);
  }
}
