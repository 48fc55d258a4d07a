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

/** The only code that talks SMTP. */
export abstract class MailTransport {
  /** Returns the Message-ID the server accepted; throws when it did not accept the message. */
  abstract deliver(message: TransportMessage): Promise<string>;
  /** True when messages really leave (SMTP); false when they are only logged. */
  abstract readonly delivers: boolean;
  async close(): Promise<void> {}
}

export class SmtpMailTransport extends MailTransport {
  readonly delivers = true;
  private readonly transporter: Transporter;

  constructor(url: string) {
    super();
    // Options go in the first argument: a second argument only holds defaults for each message, so passing the
    // pool settings there would silently open a new SMTP connection per email (~100 ms each).
    this.transporter = createTransport({ url, pool: true, maxConnections: 5 });
  }

  async deliver(message: TransportMessage): Promise<string> {
    const info = await this.transporter.sendMail({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      icalEvent: message.icalEvent
        ? { method: message.icalEvent.method, content: message.icalEvent.content, filename: message.icalEvent.filename ?? 'invite.ics' }
        : undefined,
    });
    return String(info.messageId ?? message.messageId);
  }

  override async close(): Promise<void> {
    this.transporter.close();
  }
}

/** Without SMTP_URL: nothing leaves the machine; the outbox keeps the email and a log line says so. */
export class LogMailTransport extends MailTransport {
  readonly delivers = false;
  private readonly logger = new Logger('Mail');

  async deliver(message: TransportMessage): Promise<string> {
    this.logger.log(`Email not sent (no SMTP_URL): to=${message.to} subject="${message.subject}"`);
    return message.messageId;
  }
}
