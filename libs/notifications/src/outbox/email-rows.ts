/** An outbox row as the claim's RETURNING gives it: what delivery needs. */
export interface ClaimedEmailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ical_event: string | null;
  secret: string | null;
  message_id: string | null;
  related_type: string | null;
  related_id: string | null;
  attempts: number;
}

/** The columns a new outbox row is written with, as MailService prepared them. */
export interface NewEmailRow {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  icalEvent: string | null;
  relatedType: string | null;
  relatedId: string | null;
  status: string;
  secret: string | null;
  messageId: string | null;
}

/**
 * A data-modifying statement with RETURNING (its text and parameters $1..$n) that decides, in the same statement,
 * whether an email is written: e.g. a reminder's claim confirmed. The email's parameters follow its own.
 */
export interface GuardStatement {
  text: string;
  values: unknown[];
}
