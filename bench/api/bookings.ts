import Bull from 'bull';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { createApiClient, unwrap, type Schemas } from '@app/api-client';
import { REMINDERS_QUEUE } from '@app/reminders';
import type { PlannedRequest, RequestSource } from './load';

/** The firm's zone (the API's default FIRM_TIMEZONE, and the seed's). */
export const FIRM_ZONE = 'America/Toronto';
/** Every booking of the benchmark is made for a client with such an email, so they can be found and removed. */
const EMAIL_PREFIX = 'bench-booking-';

export interface BookableSlot {
  consultantId: string;
  startsAt: string;
}

/**
 * Every free slot of every consultant over the booking horizon, as GET /api/public/slots lists them, kept so
 * that no two overlap once booked (a booking blocks its duration plus the consultant's buffer), in turn across
 * consultants. The first two days are left out: the 24-hour notice moves while the benchmark runs.
 */
export async function listBookableSlots(origin: string, typeId: string, db: Pool): Promise<BookableSlot[]> {
  const type = await db.query<{ duration_minutes: number }>(
    'SELECT duration_minutes FROM consultation_types WHERE id = $1',
    [typeId],
  );
  const durationMinutes = type.rows[0].duration_minutes;
  const today = DateTime.now().setZone(FIRM_ZONE).startOf('day');
  const { rows } = await db.query<{ consultant_id: string; buffer_minutes: number; max_days_ahead: number }>(
    `SELECT a.consultant_id, a.buffer_minutes, a.max_days_ahead FROM consultant_availability a JOIN users u ON u.id = a.consultant_id
      WHERE u.is_active AND u.is_bookable ORDER BY a.consultant_id`,
  );
  const api = createApiClient({ baseUrl: origin });
  const perConsultant: BookableSlot[][] = [];
  for (const { consultant_id: consultantId, buffer_minutes: buffer, max_days_ahead: horizon } of rows) {
    // The whole horizon, 30 days per request.
    const slots: Schemas['SlotResponse'][] = [];
    for (let day = 2; day <= horizon; day += 30) {
      const from = today.plus({ days: day }).toISODate();
      const to = today.plus({ days: Math.min(day + 29, horizon) }).toISODate();
      const query = { type: typeId, consultantId, from: from ?? undefined, to: to ?? undefined };
      slots.push(...(await unwrap(api.GET('/api/public/slots', { params: { query } }))));
    }
    const kept: BookableSlot[] = [];
    let freeFrom = 0;
    for (const slot of slots) {
      const start = Date.parse(slot.startsAt);
      if (start >= freeFrom) {
        kept.push({ consultantId, startsAt: slot.startsAt });
        freeFrom = start + (durationMinutes + buffer) * 60_000;
      }
    }
    perConsultant.push(kept);
  }
  const interleaved: BookableSlot[] = [];
  for (let i = 0; perConsultant.some((slots) => i < slots.length); i++) {
    for (const slots of perConsultant) {
      if (i < slots.length) {
        interleaved.push(slots[i]);
      }
    }
  }
  return interleaved;
}

/**
 * Hands out the slots, each once: measured runs from the start of the list, warm-ups from its end, so both
 * servers book the same slots in the same order once the database is put back between them.
 */
export class SlotSupply {
  private front = 0;
  private back: number;

  constructor(
    readonly slots: BookableSlot[],
    private readonly typeId: string,
  ) {
    this.back = slots.length;
  }

  /** Slots handed out since the last reset. */
  get used(): number {
    return this.front + (this.slots.length - this.back);
  }

  get measured(): number {
    return this.front;
  }

  reset(): void {
    this.front = 0;
    this.back = this.slots.length;
  }

  source(end: 'front' | 'back'): RequestSource {
    return () => {
      if (this.front >= this.back) {
        return null;
      }
      const index = end === 'front' ? this.front++ : --this.back;
      return this.request(index);
    };
  }

  /** What the booking page sends: the slot, its consultant, the visitor's name, email and zone. */
  private request(index: number): PlannedRequest {
    const slot = this.slots[index];
    return {
      method: 'POST',
      path: '/api/public/bookings',
      body: JSON.stringify({
        type: this.typeId,
        startsAt: slot.startsAt,
        consultantId: slot.consultantId,
        name: `Bench Booker${index}`,
        email: `${EMAIL_PREFIX}${index}@example.com`,
        timezone: FIRM_ZONE,
        language: 'en',
      }),
    };
  }
}

/**
 * Waits until the server has finished the bookings still in flight when the load stopped (their number stays
 * the same for a second) and, for the API, has written their outbox emails (`emailsPerBooking` each: the
 * client's confirmation and the consultant's notice, written after the response). Then nothing is left to
 * write once the bookings are removed, and no background work runs into the next load. 60 s at most.
 */
export async function waitForBookingsToSettle(db: Pool, emailsPerBooking: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ bookings: number; emails: number }>(
      `SELECT (SELECT count(*)::int FROM consultations c JOIN clients cl ON cl.id = c.client_id WHERE cl.email LIKE $1) AS bookings,
              (SELECT count(*)::int FROM emails e JOIN consultations c ON c.id = e.related_id JOIN clients cl ON cl.id = c.client_id
                WHERE e.related_type = 'consultation' AND cl.email LIKE $1) AS emails`,
      [`${EMAIL_PREFIX}%`],
    );
    const { bookings, emails } = rows[0];
    if (bookings !== last) {
      last = bookings;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 1000 && emails >= bookings * emailsPerBooking) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Removes what the benchmark's bookings wrote: their clients, consultations, audit events, outbox emails and
 * reminders, and the reminders' delayed jobs in Redis. Returns how many consultations it removed.
 */
export async function removeBenchBookings(db: Pool, redisUrl: string, queuePrefix: string): Promise<number> {
  const clientIds = (
    await db.query<{ id: string }>(`SELECT id FROM clients WHERE email LIKE $1`, [`${EMAIL_PREFIX}%`])
  ).rows.map((r) => r.id);
  if (clientIds.length === 0) {
    return 0;
  }
  const conn = await db.connect();
  let reminderIds: string[];
  let removed: number;
  try {
    await conn.query('BEGIN');
    const consultationIds = (
      await conn.query<{ id: string }>(`SELECT id FROM consultations WHERE client_id = ANY($1::uuid[])`, [
        clientIds,
      ])
    ).rows.map((r) => r.id);
    reminderIds = (
      await conn.query<{ id: string }>(
        `DELETE FROM reminders WHERE subject_type = 'consultation' AND subject_id = ANY($1::uuid[]) RETURNING id`,
        [consultationIds],
      )
    ).rows.map((r) => r.id);
    await conn.query(
      `DELETE FROM emails WHERE related_type = 'consultation' AND related_id = ANY($1::uuid[])`,
      [consultationIds],
    );
    await conn.query(`DELETE FROM audit_events WHERE client_id = ANY($1::uuid[])`, [clientIds]);
    removed =
      (await conn.query(`DELETE FROM consultations WHERE id = ANY($1::uuid[])`, [consultationIds]))
        .rowCount ?? 0;
    await conn.query(`DELETE FROM clients WHERE id = ANY($1::uuid[])`, [clientIds]);
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK');
    throw error;
  } finally {
    conn.release();
  }
  await removeReminderJobs(reminderIds, redisUrl, queuePrefix);
  return removed;
}

/** The delayed bull jobs of removed reminder rows (jobId = row id), under the bench database's prefix. */
async function removeReminderJobs(ids: string[], redisUrl: string, queuePrefix: string): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  const queue = new Bull(REMINDERS_QUEUE, redisUrl, { prefix: queuePrefix });
  try {
    for (let i = 0; i < ids.length; i += 200) {
      await Promise.all(ids.slice(i, i + 200).map(async (id) => (await queue.getJob(id))?.remove()));
    }
  } finally {
    await queue.close();
  }
}
