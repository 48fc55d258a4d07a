import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { preparedQueryIn } from '@app/database';
import { applyScope, decodeKeysetCursor, isUuid, toPage, type Page, type StaffScope } from '@app/shared';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import { ConsultationEntity, ConsultationStatus } from './entities/consultation.entity';
import {
  BOOKABLE_AVAILABILITY,
  BOOKED_IN_WINDOW,
  schedulesFromRows,
  TIME_OFF_IN_WINDOW,
  type AvailabilityRow,
  type BookedRow,
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
  findVisible(
    id: string,
    scope: StaffScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationEntity | null> {
    const qb = this.withDetails(manager.createQueryBuilder(ConsultationEntity, 'c')).where('c.id = :id', {
      id,
    });
    return applyScope(qb, 'c.consultantId', scope).getOne();
  }

  /** A booked consultation by the hash of its manage token, with its details. */
  findBookedByTokenHash(
    hash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationEntity | null> {
    return this.withDetails(manager.createQueryBuilder(ConsultationEntity, 'c'))
      .where('c.manageTokenHash = :hash', { hash })
      .andWhere('c.status = :status', { status: ConsultationStatus.Booked })
      .getOne();
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

  availabilityOf(
    consultantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultantAvailabilityEntity | null> {
    return manager.findOneBy(ConsultantAvailabilityEntity, { consultantId });
  }

  /** Locks the consultation row for a change; the caller re-checks its state. */
  lock(manager: EntityManager, id: string): Promise<ConsultationEntity | null> {
    return manager.findOne(ConsultationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Ascending by (starts_at, id), keyset-paginated, with consultant, client and type in the same query. */
  async list(query: ListConsultationsQuery, scope: StaffScope): Promise<Page<ConsultationEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const qb = this.withDetails(this.dataSource.manager.createQueryBuilder(ConsultationEntity, 'c'))
      .orderBy('c.startsAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit + 1);
    applyScope(qb, 'c.consultantId', scope);
    if (query.consultantId !== undefined) {
      qb.andWhere('c.consultantId = :consultantId', { consultantId: query.consultantId });
    }
    if (query.clientId !== undefined) {
      qb.andWhere('c.clientId = :clientId', { clientId: query.clientId });
    }
    if (query.status !== undefined) {
      qb.andWhere('c.status = :status', { status: query.status });
    }
    if (query.from) {
      qb.andWhere('c.startsAt >= :from', { from: query.from });
    }
    if (query.to) {
      qb.andWhere('c.startsAt < :to', { to: query.to });
    }
    if (after) {
      qb.andWhere('(c.startsAt, c.id) > (:afterStartsAt, :afterId)', {
        afterStartsAt: after[0],
        afterId: after[1],
      });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (c) => [c.startsAt.toISOString(), c.id],
      (c) => c,
    );
  }

  /** Inserts a consultation as given (the exclusion constraint refuses an overlap). */
  insert(values: DeepPartial<ConsultationEntity>, manager: EntityManager): Promise<ConsultationEntity> {
    return manager.save(manager.create(ConsultationEntity, values));
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

  /** Makes concurrent bookings with one email address wait for each other until the transaction ends. */
  async lockBookingEmail(email: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `booking-email:${email.toLowerCase()}`,
    ]);
  }

  /**
   * Runs `work` while holding a session advisory lock on the conversion of this consultation, on a connection
   * of its own, so concurrent conversions of one consultation run one after the other.
   */
  async whileConverting<T>(id: string, work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`consultation-convert:${id}`]);
      return await work();
    } finally {
      await runner
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`consultation-convert:${id}`])
        .catch(() => undefined);
      await runner.release();
    }
  }

  private withDetails(qb: SelectQueryBuilder<ConsultationEntity>): SelectQueryBuilder<ConsultationEntity> {
    return qb
      .innerJoin('c.consultant', 'u')
      .innerJoin('c.client', 'cl')
      .innerJoinAndSelect('c.type', 'ty')
      .addSelect(['u.id', 'u.name', 'u.email', 'u.timezone', 'u.languages'])
      .addSelect([
        'cl.id',
        'cl.firstName',
        'cl.lastName',
        'cl.email',
        'cl.phone',
        'cl.preferredLanguage',
        'cl.consultantId',
        'cl.isProspect',
        'cl.archivedAt',
      ]);
  }
}
