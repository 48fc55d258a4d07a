import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Sizes } from '../support/context';
import { DAY_MS, type Column, type Random, type Row, type SeededClient, type SeededFile } from './generate';

export const CONSULTATION_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['consultant_id', 'uuid'],
  ['client_id', 'uuid'],
  ['type_id', 'uuid'],
  ['starts_at', 'timestamptz'],
  ['ends_at', 'timestamptz'],
  ['blocked_from', 'timestamptz'],
  ['blocked_until', 'timestamptz'],
  ['mode', 'consultation_mode'],
  ['status', 'consultation_status'],
  ['client_timezone', 'text'],
  ['language', 'preferred_language'],
  ['topic', 'text'],
  ['cancelled_at', 'timestamptz'],
  ['file_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

const CLIENT_ZONES = [
  'America/Toronto',
  'America/Vancouver',
  'Asia/Kolkata',
  'Asia/Manila',
  'Europe/Paris',
  'America/Mexico_City',
];
const BUFFER_MS = 15 * 60_000;

/**
 * Booked consultations at 10:00 on every weekday of the coming weeks (one per consultant and day, inside the
 * seeded availability, so they take a slot each), the rest in the past two years: completed, no-shows and
 * cancellations, some of them turned into files.
 */
export function generateConsultations(
  sizes: Sizes,
  random: Random,
  clients: SeededClient[],
  consultants: { id: string }[],
  typeIds: string[],
  files: SeededFile[],
  today: DateTime,
): Row[] {
  const rows: Row[] = [];
  const row = (
    consultantId: string,
    startsMs: number,
    minutes: number,
    status: string,
    fileId: string | null,
  ) => {
    const endsMs = startsMs + minutes * 60_000;
    rows.push([
      randomUUID(),
      consultantId,
      random.pick(clients).id,
      minutes === 30 ? typeIds[0] : typeIds[1],
      new Date(startsMs).toISOString(),
      new Date(endsMs).toISOString(),
      new Date(startsMs).toISOString(),
      new Date(endsMs + BUFFER_MS).toISOString(),
      random.weighted([
        ['video', 70],
        ['phone', 20],
        ['in_person', 10],
      ] as const),
      status,
      random.pick(CLIENT_ZONES),
      random.next() < 0.2 ? 'fr' : 'en',
      'Work permit options',
      status === 'cancelled' ? new Date(startsMs - DAY_MS).toISOString() : null,
      fileId,
      new Date(startsMs - random.int(2, 20) * DAY_MS).toISOString(),
    ]);
  };

  const booked = Math.min(Math.floor(sizes.consultations / 4), consultants.length * 40);
  for (let day = 2; rows.length < booked && day < 60; day++) {
    const date = today.plus({ days: day });
    if (date.weekday > 5) {
      continue;
    }
    for (const consultant of consultants) {
      if (rows.length < booked) {
        row(consultant.id, date.set({ hour: 10 }).toMillis(), 30, 'booked', null);
      }
    }
  }
  const todayMs = today.toMillis();
  while (rows.length < sizes.consultations) {
    // 09:00 to 16:30 Toronto, in the past two years (UTC-5 approximates both seasons well enough here).
    const startsMs = todayMs - random.int(1, 730) * DAY_MS + (14 * 60 + 30 * random.int(0, 15)) * 60_000;
    const status = random.weighted([
      ['completed', 80],
      ['no_show', 7],
      ['cancelled', 13],
    ] as const);
    const fileId = status === 'completed' && random.next() < 0.05 ? random.pick(files).id : null;
    row(random.pick(consultants).id, startsMs, random.next() < 0.8 ? 30 : 60, status, fileId);
  }
  return rows;
}
