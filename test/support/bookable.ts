import { StaffRole } from '@app/auth';
import type { SignedInClient, TestApp } from './test-app';

/** Weekdays 09:00 to 17:00: the hours a bookable test consultant keeps. */
export const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/** The public booking limits lifted, for a part that books more often than one visitor may (env of createTestApp). */
export const LIFTED_BOOKING_LIMITS = {
  PUBLIC_RATE_LIMIT: '10000',
  BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '10000',
};

/** The hours of a bookable test consultant: weekdays in Toronto, 30-minute slots, 24 hours' notice, 60 days ahead. */
export const STANDARD_HOURS = {
  timezone: 'America/Toronto',
  weekly: WEEKDAY_HOURS,
  bufferMinutes: 0,
  minNoticeHours: 24,
  maxDaysAhead: 60,
  slotIntervalMinutes: 30,
};

/** Sets the consultant's availability, as `by` (the consultant or an admin): STANDARD_HOURS with `changes`. */
export async function setHours(
  by: SignedInClient,
  consultantId: string,
  changes: Record<string, unknown> = {},
): Promise<void> {
  await by
    .put(`/api/consultants/${consultantId}/availability`)
    .send({ ...STANDARD_HOURS, ...changes })
    .expect(200);
}

/** A 30-minute "Work permit assessment" consultation type created by an admin (`changes` to its fields); its id. */
export async function consultationType(
  admin: SignedInClient,
  changes: Record<string, unknown> = {},
): Promise<string> {
  const created = await admin
    .post('/api/consultation-types')
    .send({
      name: 'Work permit assessment',
      nameFr: 'Évaluation de permis de travail',
      durationMinutes: 30,
      ...changes,
    })
    .expect(201);
  return created.body.id as string;
}

/**
 * A consultant the public can book (STANDARD_HOURS) and a 30-minute consultation type created by an admin. `who`
 * names the consultant.
 */
export async function bookableConsultant(
  t: TestApp,
  who: { name: string; email: string },
  type: { name: string; nameFr: string } = {
    name: 'Work permit assessment',
    nameFr: 'Évaluation de permis de travail',
  },
): Promise<{ admin: SignedInClient; consultant: SignedInClient; typeId: string }> {
  const admin = await t.signedInAs(StaffRole.Admin);
  const consultant = await t.signedInAs(StaffRole.Consultant, who);
  await setHours(consultant, consultant.user.id);
  return { admin, consultant, typeId: await consultationType(admin, type) };
}

/** The answer to a public booking that went through. */
export interface PublicBooking {
  id: string;
  manageUrl: string;
  /** The manage link's token (the last part of manageUrl). */
  token: string;
  /** The whole answer body, for the parts that read more of it. */
  body: Record<string, unknown>;
}

/**
 * A public booking by Priya Sharma in Toronto (`booking` adds to or replaces its fields: type, startsAt, email, ...),
 * expected to go through: a refusal fails the test with its status and fields or code.
 */
export async function publicBooking(t: TestApp, booking: Record<string, unknown>): Promise<PublicBooking> {
  const res = await t
    .http()
    .post('/api/public/bookings')
    .send({ name: 'Priya Sharma', timezone: 'America/Toronto', ...booking });
  expect([res.status, res.body.fields ?? res.body.code]).toEqual([201, undefined]);
  const manageUrl = res.body.manageUrl as string;
  const token = /\/book\/manage\/([A-Za-z0-9_-]{43})$/.exec(manageUrl)?.[1];
  expect(token).toBeDefined();
  return { id: res.body.id as string, manageUrl, token: token!, body: res.body as Record<string, unknown> };
}
