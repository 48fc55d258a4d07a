import { queryString, requestJson } from '../../shared/http';

export interface ConsultationType {
  id: string;
  name: string;
  nameFr: string;
  durationMinutes: number;
  priceCents: number | null;
}

export interface Consultant {
  id: string;
  name: string;
  languages: string[];
  timezone: string;
}

export interface Slot {
  startsAt: string;
  endsAt: string;
  consultantId: string;
  startsAtLocal: string | null;
}

export interface Booking {
  id: string;
  /** `pending`: awaiting the client's email confirmation, held until `confirmBy`. */
  status: string;
  confirmBy: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  mode: string;
  consultant: { id: string; name: string };
  type: ConsultationType;
}

export interface CreatedBooking extends Booking {
  /** Null while pending: the link is only in the email sent to the address given. */
  manageUrl: string | null;
}

export interface ManagedBooking extends Booking {
  canChange: boolean;
  changeUntil: string;
}

export interface Prescreen {
  hasJobOffer?: boolean;
  lmia?: 'has_lmia' | 'exempt' | 'unknown';
  insideCanada?: boolean;
  permitExpiresOn?: string;
}

export interface BookingRequest {
  type: string;
  startsAt: string;
  consultantId?: string;
  name: string;
  email: string;
  phone?: string;
  timezone: string;
  topic?: string;
  language: 'en' | 'fr';
  prescreen?: Prescreen;
}

/** The public booking API (no login). */
export const publicApi = {
  types: () => requestJson<ConsultationType[]>('/api/public/consultation-types'),
  consultants: () => requestJson<Consultant[]>('/api/public/consultants'),
  slots: (query: { type: string; consultantId?: string; from: string; to: string; timezone: string }) =>
    requestJson<Slot[]>(`/api/public/slots${queryString(query)}`),
  book: (body: BookingRequest) => requestJson<CreatedBooking>('/api/public/bookings', { method: 'POST', body }),
  get: (token: string) => requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}`),
  confirm: (token: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/confirm`, { method: 'POST' }),
  cancel: (token: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/cancel`, { method: 'POST' }),
  reschedule: (token: string, startsAt: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/reschedule`, {
      method: 'POST',
      body: { startsAt },
    }),
};

const icsText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
const icsTime = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** An iCalendar file for the visitor's own calendar. */
export function icsFor(booking: Booking, summary: string, manageUrl?: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//PermitDesk//Booking//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.id}@permitdesk`,
    `DTSTAMP:${icsTime(new Date().toISOString())}`,
    `DTSTART:${icsTime(booking.startsAt)}`,
    `DTEND:${icsTime(booking.endsAt)}`,
    `SUMMARY:${icsText(summary)}`,
    ...(manageUrl ? [`DESCRIPTION:${icsText(manageUrl)}`, `URL:${manageUrl}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
