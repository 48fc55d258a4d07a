import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { lockUntilCommit, preparedQueryIn, withSessionLock } from '@app/database';
import { decodeKeysetCursor, isUuid, SqlConditions, toPage, type Page, type StaffScope } from '@app/shared';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import {
  BOOKED_CONSULTATION_BY_TOKEN_HASH,
  CONSULTATION_COLUMNS,
  CONSULTATION_WITH_DETAILS,
  consultationFromRow,
  consultationWithDetailsFromRow,
  VISIBLE_CONSULTATION,
  type ConsultationDetailsRow,
  type ConsultationRow,
} from './consultation-rows';
import { ConsultationEntity, ConsultationStatus } from './entities/consultation.entity';
import {
  BOOKABLE_AVAILABILITY,
  BOOKED_IN_WINDOW,
  CONSULTANT_AVAILABILITY,
  consultantAvailabilityFromRow,
  schedulesFromRows,
  TIME_OFF_IN_WINDOW,
  type AvailabilityRow,
  type BookedRow,
  type ConsultantAvailabilityRow,
  type ConsultantSchedule,
  type TimeOffRow,
} from './schedule-rows';

export interface ListConsultationsQuery {
  limit: number;
  cursor?: string;
  from?: Date;
  to?: Date;
  consultantId?: string;
  clientId?: string;
  status?: ConsultationStatus;
}

/** What a new consultation's row is given; PostgreSQL sets its id and times. */
export type NewConsultationRow = Omit<
  ConsultationEntity,
  'id' | 'consultant' | 'client' | 'type' | 'file' | 'cancelledAt' | 'fileId' | 'createdAt' | 'updatedAt'
>;

/** Two independent reads: side by side on the pool, one after the other on a transaction's single connection. */
async function inParallelUnlessTransaction<A, B>(
  manager: EntityManager,
  reads: readonly [() => Promise<A>, () => Promise<B>],
): Promise<[A, B]> {
  if (manager.queryRunner?.isTransactionActive) {
    return [await reads[0](), await reads[1]()];
  }
  return Promise.all([reads[0](), reads[1]()]);
}

/** Consultation and schedule queries: a fixed number per call, whatever the window or the page size. */
@Injectable()
export class ConsultationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The schedules of the bookable consultants (all, or the ones named) for a window, in three queries:
   * availability with the consultant, their time off in the window, their booked consultations in the window.
   * `booked` may ask for a wider window than `window` (the week, for fair assignment). With `now`, holds of
   * unconfirmed bookings that lapsed before it count as free (the booking transaction releases them first).
   */
  async loadSchedules(
    filter: { consultantIds?: string[]; now?: Date },
    window: { from: Date; to: Date },
    bookedWindow: { from: Date; to: Date } = window,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultantSchedule[]> {
    // The consultants asked for (null: every bookable one); ids that are not UUIDs name nobody.
    const asked = filter.consultantIds?.filter(isUuid) ?? null;
    if (asked?.length === 0) {
      return [];
    }
    const availability = await preparedQueryIn<AvailabilityRow>(manager, BOOKABLE_AVAILABILITY, [asked]);
    if (availability.length === 0) {
      return [];
    }
    const ids = availability.map((a) => a.consultant_id);
    const [timeOff, booked] = await inParallelUnlessTransaction(manager, [
      () => preparedQueryIn<TimeOffRow>(manager, TIME_OFF_IN_WINDOW, [ids, window.from, window.to]),
      () =>
        preparedQueryIn<BookedRow>(manager, BOOKED_IN_WINDOW, [
          ids,
          bookedWindow.from,
          bookedWindow.to,
          filter.now ?? null,
        ]),
    ] as const);
    return schedulesFromRows(availability, timeOff, booked);
  }

  /** The consultation with its consultant, client and type, if the scope may see it. */
  async findVisible(
    id: string,
    scope: StaffScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationEntity | null> {
    if (!isUuid(id)) {
      return null;
    }
    const [row] = await preparedQueryIn<ConsultationDetailsRow>(manager, VISIBLE_CONSULTATION, [
      id,
      scope.consultantId ?? null,
    ]);
    return row ? consultationWithDetailsFromRow(row) : null;
  }

  /** A booked consultation by the hash of its manage token, with its details. */
  async findBookedByTokenHash(
    hash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationEntity | null> {
    const [row] = await preparedQueryIn<ConsultationDetailsRow>(manager, BOOKED_CONSULTATION_BY_TOKEN_HASH, [
      hash,
    ]);
    return row ? consultationWithDetailsFromRow(row) : null;
  }

  /**
   * Open future bookings of the active client with this email address (citext: any letter case, served by
   * uq_clients__email_active): booked, not yet started, and not an unconfirmed hold that has lapsed.
   */
  async countOpenForEmail(manager: EntityManager, email: string, now: Date): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM consultations c JOIN clients cl ON cl.id = c.client_id
       WHERE cl.email = $1 AND cl.archived_at IS NULL AND c.status = $2 AND c.starts_at > $3
         AND (c.hold_expires_at IS NULL OR c.hold_expires_at > $3)`,
      [email, ConsultationStatus.Booked, now],
    );
    return row?.n ?? 0;
  }

  /**
   * Cancels unconfirmed bookings whose hold lapsed at or before `now` (of one consultant over one span, or all),
   * freeing their time; their manage links stop working. Returns what it released.
   */
  async releaseLapsedHolds(
    manager: EntityManager,
    now: Date,
    span?: { consultantId: string; from: Date; until: Date },
  ): Promise<{ id: string; clientId: string; holdExpiresAt: Date }[]> {
    const params: unknown[] = [ConsultationStatus.Cancelled, now, ConsultationStatus.Booked];
    let where = 'status = $3 AND hold_expires_at IS NOT NULL AND hold_expires_at <= $2';
    if (span) {
      params.push(span.consultantId, span.from, span.until);
      where += ' AND consultant_id = $4 AND tstzrange(blocked_from, blocked_until) && tstzrange($5, $6)';
    }
    const [rows] = await manager.query<[{ id: string; client_id: string; hold_expires_at: Date }[], number]>(
      `UPDATE consultations SET status = $1, cancelled_at = $2, manage_token_hash = NULL, sequence = sequence + 1, updated_at = now()
       WHERE ${where} RETURNING id, client_id, hold_expires_at`,
      params,
    );
    return rows.map((r) => ({ id: r.id, clientId: r.client_id, holdExpiresAt: r.hold_expires_at }));
  }

  /** The consultant's availability settings: their zone and meeting places. */
  async availabilityOf(
    consultantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultantAvailabilityEntity | null> {
    const [row] = await preparedQueryIn<ConsultantAvailabilityRow>(manager, CONSULTANT_AVAILABILITY, [
      consultantId,
    ]);
    return row ? consultantAvailabilityFromRow(row) : null;
  }

  /** Locks the consultation row for a change; the caller re-checks its state. */
  lock(manager: EntityManager, id: string): Promise<ConsultationEntity | null> {
    return manager.findOne(ConsultationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Ascending by (starts_at, id), keyset-paginated, with consultant, client and type in the same query. */
  async list(query: ListConsultationsQuery, scope: StaffScope): Promise<Page<ConsultationEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const where = new SqlConditions();
    where.addScope('c.consultant_id', scope);
    if (query.consultantId !== undefined) {
      where.add('c.consultant_id = $1', query.consultantId);
    }
    if (query.clientId !== undefined) {
      where.add('c.client_id = $1', query.clientId);
    }
    if (query.status !== undefined) {
      where.add('c.status = $1', query.status);
    }
    if (query.from) {
      where.add('c.starts_at >= $1', query.from);
    }
    if (query.to) {
      where.add('c.starts_at < $1', query.to);
    }
    if (after) {
      where.add('(c.starts_at, c.id) > ($1::timestamptz, $2::uuid)', after[0], after[1]);
    }
    const limit = where.param(query.limit + 1);
    const rows = await this.dataSource.query<ConsultationDetailsRow[]>(
      `${CONSULTATION_WITH_DETAILS}${where.where()}\nORDER BY c.starts_at, c.id\nLIMIT ${limit}`,
      where.params,
    );
    return toPage(
      rows.map(consultationWithDetailsFromRow),
      query.limit,
      (c) => [c.startsAt.toISOString(), c.id],
      (c) => c,
    );
  }

  /** Inserts a booked consultation as given (the exclusion constraint refuses an overlap). */
  async insert(values: NewConsultationRow, manager: EntityManager): Promise<ConsultationEntity> {
    const [row] = await manager.query<ConsultationRow[]>(
      `INSERT INTO consultations (consultant_id, client_id, type_id, starts_at, ends_at, blocked_from, blocked_until,
              mode, status, client_timezone, language, topic, prescreen, is_urgent, notes, manage_token_hash, sequence,
              booked_by_id, hold_expires_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18, $19, $20)
       RETURNING ${CONSULTATION_COLUMNS}`,
      [
        values.consultantId,
        values.clientId,
        values.typeId,
        values.startsAt,
        values.endsAt,
        values.blockedFrom,
        values.blockedUntil,
        values.mode,
        values.status,
        values.clientTimezone,
        values.language,
        values.topic,
        values.prescreen === null ? null : JSON.stringify(values.prescreen),
        values.isUrgent,
        values.notes,
        values.manageTokenHash,
        values.sequence,
        values.bookedById,
        values.holdExpiresAt,
        values.confirmedAt,
      ],
    );
    return consultationFromRow(row);
  }

  async updateFields(id: string, patch: Partial<ConsultationEntity>, manager: EntityManager): Promise<void> {
    await manager.update(ConsultationEntity, { id }, patch);
  }

  /**
   * Links the consultation to the work-permit file it became (consultations.file_id, set only once); the file's
   * side is written by the work-permits service in the same transaction.
   */
  async linkToFile(id: string, fileId: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ConsultationEntity)
      .set({ fileId })
      .where('id = :id AND file_id IS NULL', { id })
      .execute();
  }

  /**
   * Makes writes that take a time in this consultant's calendar wait for each other until the transaction ends.
   * Without it, transactions inserting overlapping consultations at the same moment each wait, in the exclusion
   * constraint's check, for the other's row to commit or roll back: a deadlock, which PostgreSQL breaks after a
   * second by failing one of them. In turn, the second sees the first's committed row and is refused at once.
   */
  async lockSchedule(consultantId: string, manager: EntityManager): Promise<void> {
    await lockUntilCommit(manager, `consultant-schedule:${consultantId}`);
  }

  /** Makes concurrent bookings with one email address wait for each other until the transaction ends. */
  async lockBookingEmail(email: string, manager: EntityManager): Promise<void> {
    await lockUntilCommit(manager, `booking-email:${email.toLowerCase()}`);
  }

  /**
   * Runs `work` while holding a session advisory lock on the conversion of this consultation, on a connection
   * of its own, so concurrent conversions of one consultation run one after the other.
   */
  whileConverting<T>(id: string, work: () => Promise<T>): Promise<T> {
    return withSessionLock(this.dataSource, `consultation-convert:${id}`, { wait: true }, work);
  }
}
