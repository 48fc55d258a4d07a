import type { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import type { MeetingPlaces } from './rules/calendar-invite';
import type { AvailabilityRules, TimeSpan } from './rules/slots';

/** A bookable consultant with everything slot computation needs about them in a window. */
export interface ConsultantSchedule {
  consultantId: string;
  name: string;
  email: string;
  /** Their profile's zone and languages, and their meeting places: what a booking's emails say of them. */
  profileTimezone: string;
  languages: string[];
  places: MeetingPlaces;
  rules: AvailabilityRules;
  timeOff: TimeSpan[];
  /** Booked consultations overlapping the window: their blocked spans and starts. */
  booked: (TimeSpan & { id: string; start: number })[];
}

/*
 * The three reads of a schedule window (ConsultationsRepository.loadSchedules), written by hand: named statements,
 * planned once per connection, and the same text in the bare benchmark server.
 */

/**
 * The bookable consultants' hours, rules and meeting places with their name, email, zone and languages: $1 the ids,
 * or null for all of them.
 */
export const BOOKABLE_AVAILABILITY = `SELECT a.consultant_id, a.timezone, a.weekly, a.buffer_minutes, a.min_notice_hours,
       a.max_days_ahead, a.slot_interval_minutes, a.video_link, a.phone_number, a.office_address, u.name, u.email,
       u.timezone AS user_timezone, u.languages
  FROM consultant_availability a
  JOIN users u ON u.id = a.consultant_id
 WHERE u.is_active AND u.is_bookable AND ($1::uuid[] IS NULL OR a.consultant_id = ANY($1::uuid[]))
 ORDER BY a.consultant_id`;

/** Their time off overlapping [$2, $3). */
export const TIME_OFF_IN_WINDOW = `SELECT consultant_id, starts_at, ends_at
  FROM consultant_time_off
 WHERE consultant_id = ANY($1::uuid[]) AND ends_at > $2 AND starts_at < $3`;

/**
 * Their booked consultations whose blocked span overlaps [$2, $3): the exclusion constraint's expression, so its
 * GiST index serves the range test. With $4, holds of unconfirmed bookings that lapsed before it count as free.
 */
export const BOOKED_IN_WINDOW = `SELECT id, consultant_id, starts_at, blocked_from, blocked_until
  FROM consultations
 WHERE consultant_id = ANY($1::uuid[]) AND status = 'booked'
   AND tstzrange(blocked_from, blocked_until) && tstzrange($2, $3)
   AND ($4::timestamptz IS NULL OR hold_expires_at IS NULL OR hold_expires_at > $4)`;

/** A consultant_availability row's settings. */
interface AvailabilitySettingsRow {
  consultant_id: string;
  timezone: string;
  weekly: AvailabilityRules['weekly'];
  buffer_minutes: number;
  min_notice_hours: number;
  max_days_ahead: number;
  slot_interval_minutes: number;
  video_link: string | null;
  phone_number: string | null;
  office_address: string | null;
}

export interface AvailabilityRow extends AvailabilitySettingsRow {
  name: string;
  email: string;
  user_timezone: string;
  languages: string[];
}

export interface TimeOffRow {
  consultant_id: string;
  starts_at: Date;
  ends_at: Date;
}

export interface BookedRow {
  id: string;
  consultant_id: string;
  starts_at: Date;
  blocked_from: Date;
  blocked_until: Date;
}

/** The schedules of the consultants of `availability`, in its order, from the rows of the three reads. */
export function schedulesFromRows(
  availability: AvailabilityRow[],
  timeOff: TimeOffRow[],
  booked: BookedRow[],
): ConsultantSchedule[] {
  const schedules = availability.map((a): ConsultantSchedule => ({
    consultantId: a.consultant_id,
    name: a.name,
    email: a.email,
    profileTimezone: a.user_timezone,
    languages: a.languages,
    places: { videoLink: a.video_link, phoneNumber: a.phone_number, officeAddress: a.office_address },
    rules: {
      timezone: a.timezone,
      weekly: a.weekly,
      bufferMinutes: a.buffer_minutes,
      minNoticeHours: a.min_notice_hours,
      maxDaysAhead: a.max_days_ahead,
      slotIntervalMinutes: a.slot_interval_minutes,
    },
    timeOff: [],
    booked: [],
  }));
  const byConsultant = new Map(schedules.map((s) => [s.consultantId, s]));
  for (const t of timeOff) {
    byConsultant
      .get(t.consultant_id)
      ?.timeOff.push({ from: t.starts_at.getTime(), until: t.ends_at.getTime() });
  }
  for (const c of booked) {
    byConsultant.get(c.consultant_id)?.booked.push({
      id: c.id,
      start: c.starts_at.getTime(),
      from: c.blocked_from.getTime(),
      until: c.blocked_until.getTime(),
    });
  }
  return schedules;
}

/** One consultant's availability settings ($1), as their consultations' emails, reminders and invites read them. */
export const CONSULTANT_AVAILABILITY = `SELECT consultant_id, timezone, weekly, buffer_minutes, min_notice_hours,
       max_days_ahead, slot_interval_minutes, video_link, phone_number, office_address, updated_at
  FROM consultant_availability
 WHERE consultant_id = $1`;

export interface ConsultantAvailabilityRow extends AvailabilitySettingsRow {
  updated_at: Date;
}

/** The settings of a row of CONSULTANT_AVAILABILITY (the consultant not loaded). */
export function consultantAvailabilityFromRow(row: ConsultantAvailabilityRow): ConsultantAvailabilityEntity {
  return {
    consultantId: row.consultant_id,
    timezone: row.timezone,
    weekly: row.weekly,
    bufferMinutes: row.buffer_minutes,
    minNoticeHours: row.min_notice_hours,
    maxDaysAhead: row.max_days_ahead,
    slotIntervalMinutes: row.slot_interval_minutes,
    videoLink: row.video_link,
    phoneNumber: row.phone_number,
    officeAddress: row.office_address,
    updatedAt: row.updated_at,
  } as ConsultantAvailabilityEntity;
}
