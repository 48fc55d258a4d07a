import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { ConsultationEntity } from './entities/consultation.entity';

// Recorded at most once a minute, so a calendar polling often costs one read.
const STAMP_FETCHED = `UPDATE calendar_feeds SET last_fetched_at = $2
  WHERE consultant_id = $1 AND (last_fetched_at IS NULL OR last_fetched_at < $2::timestamptz - interval '1 minute')`;

/** Every query of calendar feeds, and the consultations a feed lists. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByConsultant(
    consultantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalendarFeedEntity | null> {
    return manager.findOneBy(CalendarFeedEntity, { consultantId });
  }

  exists(consultantId: string, manager: EntityManager): Promise<boolean> {
    return manager.existsBy(CalendarFeedEntity, { consultantId });
  }

  /** Creates the consultant's feed or replaces it, and returns it as stored. */
  async upsert(
    feed: Pick<
      CalendarFeedEntity,
      'consultantId' | 'tokenHash' | 'createdById' | 'createdAt' | 'lastFetchedAt'
    >,
    manager: EntityManager,
  ): Promise<CalendarFeedEntity> {
    await manager.upsert(CalendarFeedEntity, feed, ['consultantId']);
    return manager.findOneByOrFail(CalendarFeedEntity, { consultantId: feed.consultantId });
  }

  /** Deletes the consultant's feed; false when there was none. */
  async delete(consultantId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(CalendarFeedEntity, { consultantId });
    return Boolean(result.affected);
  }

  /** The feed with this token hash, with its consultant, if the consultant is active. */
  findActiveByTokenHash(hash: string): Promise<CalendarFeedEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(CalendarFeedEntity, 'f')
      .innerJoinAndSelect('f.consultant', 'u')
      .where('f.tokenHash = :hash', { hash })
      .andWhere('u.isActive = true')
      .getOne();
  }

  /**
   * The consultant's confirmed consultations starting in the window, by start, with consultant, client and
   * type; a booking still awaiting the client's email confirmation is not the consultant's yet.
   */
  consultationsOf(
    consultantId: string,
    window: { from: Date; to: Date },
    limit: number,
  ): Promise<ConsultationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ConsultationEntity, 'c')
      .innerJoin('c.consultant', 'u')
      .innerJoin('c.client', 'cl')
      .innerJoinAndSelect('c.type', 'ty')
      .addSelect(['u.id', 'u.name', 'u.email'])
      .addSelect(['cl.id', 'cl.firstName', 'cl.lastName', 'cl.email'])
      .where('c.consultantId = :consultantId', { consultantId })
      .andWhere('c.startsAt >= :from AND c.startsAt < :to', window)
      .andWhere('c.holdExpiresAt IS NULL')
      .orderBy('c.startsAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .getMany();
  }

  async stampFetched(consultantId: string, now: Date): Promise<void> {
    await this.dataSource.query(STAMP_FETCHED, [consultantId, now]);
  }
}
