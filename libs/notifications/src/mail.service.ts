import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { preparedQuery } from '@app/database';
import { Clock, decodeCursor, toPage, type Page } from '@app/shared';
import { EmailEntity, EmailStatus } from './entities/email.entity';
import { MailTransport } from './mail-transport';

export interface OutgoingEmail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
  related?: { type: string; id: string };
  /**
   * A stable id for this email (e.g. `reminder-<id>`): the Message-ID becomes `<key@host>`, so a retried
   * send is recognisable as the same message.
   */
  idempotencyKey?: string;
}

export class MailDeliveryError extends Error {
  constructor(
    readonly email: EmailEntity,
    cause: unknown,
  ) {
    super(`Email to ${email.to} was not accepted: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Writes every email to the outbox, then hands it to the transport and records what happened. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly host: string;

  constructor(
    @InjectRepository(EmailEntity) private readonly emails: Repository<EmailEntity>,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
  }

  /**
   * Sends one email; throws MailDeliveryError (after recording it) when the SMTP server refuses it.
   * The outbox row is written `pending` before the hand-over to SMTP, then updated with the outcome: one INSERT and
   * one UPDATE by id, no entity reload.
   */
  async send(email: OutgoingEmail): Promise<EmailEntity> {
    const row = await this.insertPending(email);
    const messageId = `<${email.idempotencyKey ?? row.id}@${this.host}>`;
    try {
      const accepted = await this.transport.deliver({
        from: this.config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId,
        icalEvent: email.icalEvent,
      });
      row.status = this.transport.delivers ? EmailStatus.Sent : EmailStatus.Logged;
      row.messageId = accepted;
      row.sentAt = this.clock.now();
      await preparedQuery(
        this.emails.manager.connection,
        'UPDATE emails SET status = $2, message_id = $3, sent_at = $4 WHERE id = $1',
        [row.id, row.status, row.messageId, row.sentAt],
      );
      return row;
    } catch (error) {
      row.status = EmailStatus.Failed;
      row.error = error instanceof Error ? error.message : String(error);
      await this.emails.query('UPDATE emails SET status = $2, error = $3 WHERE id = $1', [row.id, row.status, row.error]);
      throw new MailDeliveryError(row, error);
    }
  }

  /** The outbox row, `pending`, as inserted (its id and createdAt from the database). */
  private async insertPending(email: OutgoingEmail): Promise<EmailEntity> {
    const row = Object.assign(new EmailEntity(), {
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      icalEvent: email.icalEvent?.content ?? null,
      relatedType: email.related?.type ?? null,
      relatedId: email.related?.id ?? null,
      status: EmailStatus.Pending,
      messageId: null,
      error: null,
      sentAt: null,
    });
    const [inserted] = await preparedQuery<{ id: string; created_at: Date }>(
      this.emails.manager.connection,
      `INSERT INTO emails (kind, "to", subject, text, html, ical_event, related_type, related_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, created_at`,
      [row.kind, row.to, row.subject, row.text, row.html, row.icalEvent, row.relatedType, row.relatedId, row.status],
    );
    row.id = inserted.id;
    row.createdAt = inserted.created_at;
    return row;
  }

  async list(query: { limit: number; cursor?: string; kind?: string; status?: EmailStatus; to?: string }): Promise<Page<EmailEntity>> {
    const after = decodeCursor(query.cursor, 2);
    const qb = this.emails
      .createQueryBuilder('e')
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1);
    if (query.kind) {
      qb.andWhere('e.kind = :kind', { kind: query.kind });
    }
    if (query.status) {
      qb.andWhere('e.status = :status', { status: query.status });
    }
    if (query.to) {
      qb.andWhere('e.to = :to', { to: query.to });
    }
    if (after) {
      qb.andWhere('(e.createdAt, e.id) < (:at, :id)', { at: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(rows, query.limit, (e) => [e.createdAt.toISOString(), e.id], (e) => e);
  }

  /**
   * The outbox rows of these related records that left (accepted by SMTP, or logged without SMTP), newest
   * first per record: how a sender that was killed mid-send learns whether its email went out.
   */
  async findDelivered(relatedType: string, relatedIds: string[]): Promise<EmailEntity[]> {
    if (relatedIds.length === 0) {
      return [];
    }
    return this.emails
      .createQueryBuilder('e')
      .where('e.relatedType = :relatedType', { relatedType })
      .andWhere('e.relatedId IN (:...relatedIds)', { relatedIds })
      .andWhere('e.status IN (:...statuses)', { statuses: [EmailStatus.Sent, EmailStatus.Logged] })
      .orderBy('e.createdAt', 'DESC')
      .getMany();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
