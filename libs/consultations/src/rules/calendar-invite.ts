/**
 * iCalendar (RFC 5545) invites for consultations, written by hand so every property is under our control:
 * times in UTC, one UID per consultation for its whole life, SEQUENCE raised on every change, METHOD REQUEST
 * for a new or moved consultation and CANCEL for a cancelled one (RFC 5546).
 */

export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface InvitePerson {
  name: string;
  email: string;
}

export interface InviteInput {
  method: InviteMethod;
  /** Stable for the consultation: `<consultation id>@<app host>`. */
  uid: string;
  /** 0 when booked, raised by one on every reschedule or cancellation. */
  sequence: number;
  /** DTSTAMP: when this version of the invite was written. */
  now: Date;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location?: string;
  /** The manage link, also in the description for calendars that do not show URL. */
  url?: string;
  organizer: InvitePerson;
  attendee: InvitePerson;
}

const PRODUCT_ID = '-//PermitDesk//Consultations//EN';

/** 20261201T170000Z */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN): quoted, without characters a quoted value cannot hold. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '').trim()}"`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function mailto(email: string): string {
  return `mailto:${email.replace(/[\r\n]/g, '')}`;
}

/** The whole VCALENDAR, CRLF line endings, ready to attach as text/calendar. */
export function buildInvite(input: InviteInput): string {
  const cancelled = input.method === 'CANCEL';
  const description = input.url ? `${input.description}\n\n${input.url}` : input.description;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${icsUtc(input.now)}`,
    `DTSTART:${icsUtc(input.startsAt)}`,
    `DTEND:${icsUtc(input.endsAt)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(input.location ? [`LOCATION:${escapeText(input.location)}`] : []),
    ...(input.url ? [`URL:${input.url}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    `ORGANIZER;CN=${paramValue(input.organizer.name)}:${mailto(input.organizer.email)}`,
    `ATTENDEE;CN=${paramValue(input.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(input.attendee.email)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
