import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';

/**
 * iCalendar (RFC 5545, RFC 5546) for consultations, written in one place with ical-generator: the invite in
 * the client's emails, the consultant's notice, the booking page's `.ics` download and the consultant's
 * subscription feed all describe the same event. So that calendars merge them into one entry rather than
 * showing duplicates, every one of them carries:
 * - one UID per consultation for its whole life, `<consultation id>@<APP_URL host>`;
 * - its SEQUENCE (kept on the consultation row, raised on every move and cancellation);
 * - times in UTC and DTSTAMP (when this version was written);
 * - ORGANIZER (the consultant, CN + mailto) and ATTENDEE (the client, CN, REQ-PARTICIPANT, ACCEPTED: they
 *   booked it themselves, so no RSVP is asked);
 * - LOCATION from the consultant's or the type's settings for the consultation's mode;
 * - METHOD:REQUEST for a new or moved consultation, METHOD:CANCEL with STATUS:CANCELLED for a cancelled one
 *   (PUBLISH for the download and the feed, which are copies, not scheduling messages).
 */

export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface InvitePerson {
  name: string;
  email: string;
}

/** One consultation as a calendar event: what every invite, download and feed entry of it says. */
export interface ConsultationEvent {
  /** Stable for the consultation: `<consultation id>@<app host>`. */
  uid: string;
  /** 0 when booked, raised by one on every reschedule or cancellation. */
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string | null;
  /** The manage link (client's copies only), also in the description for calendars that do not show URL. */
  url?: string;
  organizer: InvitePerson;
  attendee: InvitePerson | null;
}

export interface InviteInput extends ConsultationEvent {
  method: InviteMethod;
  /** DTSTAMP: when this version of the invite was written. */
  now: Date;
}

/** Where a consultation takes place, by mode: a video link, a phone number or an address. */
export interface MeetingPlaces {
  videoLink?: string | null;
  phoneNumber?: string | null;
  officeAddress?: string | null;
}

export type MeetingMode = 'video' | 'phone' | 'in_person';

/** What a consultation needs to become an event; a ConsultationEntity with its relations fits. */
export interface InviteConsultation {
  id: string;
  sequence: number;
  status: string;
  startsAt: Date;
  endsAt: Date;
  /** One of MeetingMode (the entity's enum values). */
  mode: string;
  /** 'en' or 'fr' (the entity's enum values). */
  language: string;
  type: { name: string; nameFr: string };
  consultant: { name: string; email: string };
  client: { firstName: string; lastName: string; email: string | null };
}

export interface EventOptions {
  /** APP_URL's host name: the UID's domain. */
  host: string;
  /** The consultant's (or, else, the type's) places; the one for the consultation's mode becomes LOCATION. */
  places: MeetingPlaces[];
  /** Whose copy: the client's (their language, the manage link) or the consultant's (client's name in the title). */
  audience: 'client' | 'consultant';
  manageUrl?: string;
  /** The attendee's CN (the client's name as emails may show it); empty: their address stands in. */
  clientName?: string;
}

const PRODUCT_ID = { company: 'PermitDesk', product: 'Consultations', language: 'EN' };

const MODE_WORDS: Record<'en' | 'fr', Record<string, string>> = {
  en: { video: 'Video call', phone: 'Phone call', in_person: 'In person' },
  fr: { video: 'Appel vidéo', phone: 'Appel téléphonique', in_person: 'En personne' },
};

/** The invite's UID: the same for the consultation's whole life, so calendars update one entry. */
export function inviteUid(consultationId: string, host: string): string {
  return `${consultationId}@${host}`;
}

/** The setting for this mode, from the first of `places` that has one (the consultant's before the type's). */
export function meetingPlace(mode: string, places: MeetingPlaces[]): string | null {
  const key =
    mode === 'video'
      ? 'videoLink'
      : mode === 'phone'
        ? 'phoneNumber'
        : mode === 'in_person'
          ? 'officeAddress'
          : null;
  if (!key) {
    return null;
  }
  for (const place of places) {
    const value = place[key]?.trim();
    if (value) {
      return value;
    }
  }
  return null;
}

/** LOCATION: the place for the mode, else the mode in words ("Video call"). */
export function meetingLocation(mode: string, places: MeetingPlaces[], language: string): string {
  const words = MODE_WORDS[language === 'fr' ? 'fr' : 'en'];
  const place = meetingPlace(mode, places);
  const label = words[mode] ?? mode;
  return place ? `${label}: ${place}` : label;
}

/** One consultation as the event every copy of it describes. Pure: same consultation, same event. */
export function consultationEvent(
  consultation: InviteConsultation,
  options: EventOptions,
): ConsultationEvent {
  const french = options.audience === 'client' && consultation.language === 'fr';
  const typeName = french ? consultation.type.nameFr : consultation.type.name;
  const clientName = `${consultation.client.firstName} ${consultation.client.lastName}`
    .replace(/\s+/g, ' ')
    .trim();
  const consultant = consultation.consultant.name;
  const url = options.audience === 'client' ? options.manageUrl : undefined;
  const summary =
    options.audience === 'client'
      ? `${typeName} – ${consultant}`
      : `${typeName} – ${clientName || consultation.client.email || ''}`;
  const description =
    options.audience === 'consultant'
      ? `Consultation with ${clientName || 'a client'}.`
      : french
        ? `Consultation avec ${consultant}.${url ? ' Pour la déplacer ou l’annuler :' : ''}`
        : `Consultation with ${consultant}.${url ? ' To reschedule or cancel:' : ''}`;
  const attendeeName = options.clientName !== undefined ? options.clientName : clientName;
  return {
    uid: inviteUid(consultation.id, options.host),
    sequence: consultation.sequence,
    cancelled: consultation.status === 'cancelled',
    startsAt: consultation.startsAt,
    endsAt: consultation.endsAt,
    summary,
    description,
    location: meetingLocation(String(consultation.mode), options.places, french ? 'fr' : 'en'),
    url,
    organizer: { name: consultant, email: consultation.consultant.email },
    attendee: consultation.client.email
      ? { name: attendeeName || consultation.client.email, email: consultation.client.email }
      : null,
  };
}

function calendar(method: InviteMethod, name?: string) {
  return ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod[method],
    ...(name ? { name } : {}),
  });
}

/** A parameter value (CN) cannot hold quotes or line breaks. */
function cn(value: string): string {
  return value.replace(/["\r\n]/g, '').trim();
}

function addEvent(cal: ReturnType<typeof ical>, event: ConsultationEvent, now: Date): void {
  const description = event.url ? `${event.description}\n\n${event.url}` : event.description;
  cal.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: now,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.summary,
    description,
    location: event.location,
    url: event.url ?? null,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: event.cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    organizer: { name: cn(event.organizer.name), email: event.organizer.email.replace(/[\r\n]/g, '') },
    attendees: event.attendee
      ? [
          {
            name: cn(event.attendee.name),
            email: event.attendee.email.replace(/[\r\n]/g, ''),
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ]
      : [],
  });
}

/** The whole VCALENDAR of one consultation, CRLF line endings, ready to attach as text/calendar. */
export function buildInvite(input: InviteInput): string {
  const cancelled = input.cancelled || input.method === 'CANCEL';
  const cal = calendar(input.method);
  addEvent(cal, { ...input, cancelled }, input.now);
  return cal.toString();
}

/**
 * A consultant's subscription feed: every consultation in it with the UID, SEQUENCE and times of the emailed
 * invites, so a subscribed calendar and the invites merge. Cancelled ones stay in, as STATUS:CANCELLED.
 */
export function buildCalendarFeed(input: { name: string; now: Date; events: ConsultationEvent[] }): string {
  const cal = calendar('PUBLISH', input.name);
  cal.ttl(60 * 60);
  for (const event of input.events) {
    addEvent(cal, event, input.now);
  }
  return cal.toString();
}

/** What staff see of an invite an email carried, read back from its text (unfolded, unescaped). */
export interface InviteSummary {
  method: string | null;
  uid: string | null;
  sequence: number | null;
  status: string | null;
  summary: string | null;
  location: string | null;
  startsAt: string | null;
  endsAt: string | null;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function utcIso(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : null;
}

export function summarizeInvite(ics: string): InviteSummary {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const first = (name: string): string | null => {
    const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
    if (!line) {
      return null;
    }
    // The value starts after the first colon outside a quoted parameter value.
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      if (line[i] === '"') {
        quoted = !quoted;
      } else if (line[i] === ':' && !quoted) {
        return line.slice(i + 1);
      }
    }
    return null;
  };
  const sequence = first('SEQUENCE');
  const text = (name: string) => {
    const value = first(name);
    return value === null ? null : unescapeText(value);
  };
  const start = first('DTSTART');
  const end = first('DTEND');
  return {
    method: first('METHOD'),
    uid: first('UID'),
    sequence: sequence !== null && /^\d+$/.test(sequence) ? Number(sequence) : null,
    status: first('STATUS'),
    summary: text('SUMMARY'),
    location: text('LOCATION'),
    startsAt: start ? utcIso(start) : null,
    endsAt: end ? utcIso(end) : null,
  };
}
