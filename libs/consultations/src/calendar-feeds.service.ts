import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { StaffRole, UserEntity, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { Clock } from '@app/shared';
import { ConsultationInvites } from './consultation-invites';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import { ConsultationEntity } from './entities/consultation.entity';
import { buildCalendarFeed, type MeetingPlaces } from './rules/calendar-invite';
import { hashManageToken, isWellFormedManageToken, newManageToken } from './rules/manage-token';

const DAY = 86_400_000;
/** How far back a feed goes: recent consultations stay visible for notes and follow-up. */
export const FEED_PAST_DAYS = 30;
/** How far ahead at least, whatever the consultant's booking horizon (staff may book further out). */
export const FEED_MIN_AHEAD_DAYS = 90;
const FEED_MAX_EVENTS = 2000;

export interface CalendarFeedStatus {
  consultantId: string;
  active: boolean;
  createdAt: Date | null;
  lastFetchedAt: Date | null;
}

/** A new feed: its address, shown once (only the token's hash is kept). */
export interface NewCalendarFeed extends CalendarFeedStatus {
  url: string;
  webcalUrl: string;
}

function feedNotFound(): ConsultationError {
  return new ConsultationError(
    ConsultationErrorCode.CalendarFeedNotFound,
    'No calendar feed at this address',
  );
}

/**
 * Each consultant's private, revocable calendar subscription: `GET /api/calendar/<token>.ics` lists their
 * consultations from FEED_PAST_DAYS ago to their booking horizon, with the UIDs and SEQUENCEs of the emailed
 * invites, so a subscribed calendar and the invites merge into one event. A consultant manages their own feed,
 * an admin anyone's; anyone else gets 404.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: ConsultationInvites,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async status(consultantId: string, actor: StaffUser): Promise<CalendarFeedStatus> {
    await this.requireManageable(this.dataSource.manager, consultantId, actor);
    const feed = await this.dataSource.manager.findOneBy(CalendarFeedEntity, { consultantId });
    return this.statusOf(consultantId, feed);
  }

  /** Creates the feed, or replaces its token (the old address stops working at once). */
  async regenerate(consultantId: string, actor: StaffUser): Promise<NewCalendarFeed> {
    const token = newManageToken();
    const feed = await this.dataSource.transaction(async (manager) => {
      await this.requireManageable(manager, consultantId, actor);
      const existed = await manager.existsBy(CalendarFeedEntity, { consultantId });
      await manager.upsert(
        CalendarFeedEntity,
        {
          consultantId,
          tokenHash: hashManageToken(token),
          createdById: actor.id,
          createdAt: this.clock.now(),
          lastFetchedAt: null,
        },
        ['consultantId'],
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: existed ? 'calendar_feed.regenerated' : 'calendar_feed.created',
        subjectType: 'calendar_feed',
        subjectId: consultantId,
        changes: {},
      });
      return manager.findOneByOrFail(CalendarFeedEntity, { consultantId });
    });
    const url = `${this.config.appUrl}/api/calendar/${token}.ics`;
    return { ...this.statusOf(consultantId, feed), url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** Revokes the feed: its address answers 404 from now on. 404 when there is none. */
  async revoke(consultantId: string, actor: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireManageable(manager, consultantId, actor);
      const result = await manager.delete(CalendarFeedEntity, { consultantId });
      if (!result.affected) {
        throw feedNotFound();
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'calendar_feed.revoked',
        subjectType: 'calendar_feed',
        subjectId: consultantId,
        changes: {},
      });
    });
  }

  /** The feed's iCalendar text; 404 for a malformed, wrong or revoked token, or an inactive consultant. */
  async render(token: string): Promise<string> {
    if (!isWellFormedManageToken(token)) {
      throw feedNotFound();
    }
    const manager = this.dataSource.manager;
    const feed = await manager
      .createQueryBuilder(CalendarFeedEntity, 'f')
      .innerJoinAndSelect('f.consultant', 'u')
      .where('f.tokenHash = :hash', { hash: hashManageToken(token) })
      .andWhere('u.isActive = true')
      .getOne();
    if (!feed) {
      throw feedNotFound();
    }
    const now = this.clock.now();
    const availability = await manager.findOneBy(ConsultantAvailabilityEntity, {
      consultantId: feed.consultantId,
    });
    const aheadDays = Math.max(availability?.maxDaysAhead ?? 0, FEED_MIN_AHEAD_DAYS);
    const consultations = await manager
      .createQueryBuilder(ConsultationEntity, 'c')
      .innerJoin('c.consultant', 'u')
      .innerJoin('c.client', 'cl')
      .innerJoinAndSelect('c.type', 'ty')
      .addSelect(['u.id', 'u.name', 'u.email'])
      .addSelect(['cl.id', 'cl.firstName', 'cl.lastName', 'cl.email'])
      .where('c.consultantId = :consultantId', { consultantId: feed.consultantId })
      .andWhere('c.startsAt >= :from AND c.startsAt < :to', {
        from: new Date(now.getTime() - FEED_PAST_DAYS * DAY),
        to: new Date(now.getTime() + aheadDays * DAY),
      })
      // A booking still awaiting the client's email confirmation is not the consultant's yet.
      .andWhere('c.holdExpiresAt IS NULL')
      .orderBy('c.startsAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(FEED_MAX_EVENTS)
      .getMany();
    const consultantPlaces: MeetingPlaces = availability ?? {};
    const events = consultations.map((c) => this.invites.event(c, [consultantPlaces, c.type], 'consultant'));
    // Recorded at most once a minute, so a calendar polling often costs one read.
    await manager.query(
      `UPDATE calendar_feeds SET last_fetched_at = $2 WHERE consultant_id = $1 AND (last_fetched_at IS NULL OR last_fetched_at < $2::timestamptz - interval '1 minute')`,
      [feed.consultantId, now],
    );
    return buildCalendarFeed({ name: `PermitDesk – ${feed.consultant.name}`, now, events });
  }

  private statusOf(consultantId: string, feed: CalendarFeedEntity | null): CalendarFeedStatus {
    return {
      consultantId,
      active: feed !== null,
      createdAt: feed?.createdAt ?? null,
      lastFetchedAt: feed?.lastFetchedAt ?? null,
    };
  }

  /** The active staff member whose feed the actor may manage: themselves, or anyone for an admin. */
  private async requireManageable(
    manager: EntityManager,
    consultantId: string,
    actor: StaffUser,
  ): Promise<UserEntity> {
    const allowed =
      actor.role === StaffRole.Admin || (actor.role === StaffRole.Consultant && actor.id === consultantId);
    const user =
      allowed && isUUID(consultantId)
        ? await manager.findOneBy(UserEntity, { id: consultantId, isActive: true })
        : null;
    if (!user || user.role === StaffRole.Assistant) {
      throw new ConsultationError(ConsultationErrorCode.ConsultantNotFound, 'No consultant with this id');
    }
    return user;
  }
}
