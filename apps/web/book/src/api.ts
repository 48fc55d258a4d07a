import { createApiClient, unwrap, type Schemas } from '@app/api-client';

export type ConsultationType = Schemas['PublicConsultationTypeResponse'];
export type Consultant = Schemas['PublicConsultantResponse'];
export type Slot = Schemas['SlotResponse'];
/** `manageUrl` is null while pending: the link is only in the email sent to the address given. */
export type CreatedBooking = Schemas['BookingCreatedResponse'];
export type ManagedBooking = Schemas['ManagedBookingResponse'];
export type Prescreen = Schemas['PrescreenDto'];
export type BookingRequest = Schemas['CreateBookingDto'];
export type Firm = Schemas['PublicFirmResponse'];

/** The public API answers without a login, on the page's own origin. */
const client = createApiClient({ baseUrl: '' });
const byToken = (token: string) => ({ params: { path: { token } } });

/** The public booking API (no login). */
export const publicApi = {
  firm: () => unwrap(client.GET('/api/public/firm')),
  types: () => unwrap(client.GET('/api/public/consultation-types')),
  consultants: () => unwrap(client.GET('/api/public/consultants')),
  slots: (query: { type: string; consultantId?: string; from: string; to: string; timezone: string }) =>
    unwrap(client.GET('/api/public/slots', { params: { query } })),
  book: (body: BookingRequest) => unwrap(client.POST('/api/public/bookings', { body })),
  get: (token: string) => unwrap(client.GET('/api/public/bookings/{token}', byToken(token))),
  confirm: (token: string) => unwrap(client.POST('/api/public/bookings/{token}/confirm', byToken(token))),
  cancel: (token: string) => unwrap(client.POST('/api/public/bookings/{token}/cancel', byToken(token))),
  reschedule: (token: string, startsAt: string) =>
    unwrap(client.POST('/api/public/bookings/{token}/reschedule', { ...byToken(token), body: { startsAt } })),
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
