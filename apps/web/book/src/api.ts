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
  book: (body: BookingRequest) =>
    requestJson<CreatedBooking>('/api/public/bookings', { method: 'POST', body }),
  get: (token: string) => requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}`),
  confirm: (token: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/confirm`, {
      method: 'POST',
    }),
  cancel: (token: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/cancel`, {
      method: 'POST',
    }),
  reschedule: (token: string, startsAt: string) =>
    requestJson<ManagedBooking>(`/api/public/bookings/${encodeURIComponent(token)}/reschedule`, {
      method: 'POST',
      body: { startsAt },
    }),
};

/**
 * The booking as an .ics file, served by the API so it is the same event as the emailed invites (same UID and
 * SEQUENCE: calendars merge them instead of showing two entries).
 */
export function inviteUrl(token: string): string {
  return `/api/public/bookings/${encodeURIComponent(token)}/invite.ics`;
}

/** The token at the end of a manage link. */
export function tokenOfManageUrl(manageUrl: string): string {
  return manageUrl.slice(manageUrl.lastIndexOf('/') + 1);
}
