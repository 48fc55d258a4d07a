import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { UsersService, type StaffUser, type UserEntity } from '@app/auth';
import { AppConfig } from '@app/config';
import { Clock } from '@app/shared';
import { AvailabilityRepository } from './availability.repository';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { requireManageableConsultant } from './consultant-access';
import { ConsultationInvites } from './consultation-invites';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import type { CalendarFeedEntity } from './entities/calendar-feed.entity';
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
    private readonly feeds: CalendarFeedsRepository,
    private readonly availability: AvailabilityRepository,
    private readonly users: UsersService,
    private readonly invites: ConsultationInvites,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async status(consultantId: string, actor: StaffUser): Promise<CalendarFeedStatus> {
    await this.requireManageable(consultantId, actor);
    const feed = await this.feeds.findByConsultant(consultantId);
    return this.statusOf(consultantId, feed);
  }

  /** Creates the feed, or replaces its token (the old address stops working at once). */
  async regenerate(consultantId: string, actor: StaffUser): Promise<NewCalendarFeed> {
    const token = newManageToken();
    const feed = await this.dataSource.transaction(async (manager) => {
      await this.requireManageable(consultantId, actor, manager);
      const existed = await this.feeds.exists(consultantId, manager);
      const saved = await this.feeds.upsert(
        {
          consultantId,
          tokenHash: hashManageToken(token),
          createdById: actor.id,
          createdAt: this.clock.now(),
          lastFetchedAt: null,
        },
        manager,
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: existed ? 'calendar_feed.regenerated' : 'calendar_feed.created',
        subjectType: 'calendar_feed',
        subjectId: consultantId,
        changes: {},
      });
      return saved;
    });
    const url = `${this.config.appUrl}/api/calendar/${token}.ics`;
    return { ...this.statusOf(consultantId, feed), url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** Revokes the feed: its address answers 404 from now on. 404 when there is none. */
  async revoke(consultantId: string, actor: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireManageable(consultantId, actor, manager);
      if (!(await this.feeds.delete(consultantId, manager))) {
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
    const feed = await this.feeds.findActiveByTokenHash(hashManageToken(token));
    if (!feed) {
      throw feedNotFound();
    }
    const now = this.clock.now();
    const availability = await this.availability.findByConsultant(feed.consultantId);
    const aheadDays = Math.max(availability?.maxDaysAhead ?? 0, FEED_MIN_AHEAD_DAYS);
    const consultations = await this.feeds.consultationsOf(
      feed.consultantId,
      {
        from: new Date(now.getTime() - FEED_PAST_DAYS * DAY),
        to: new Date(now.getTime() + aheadDays * DAY),
      },
      FEED_MAX_EVENTS,
    );
    const consultantPlaces: MeetingPlaces = availability ?? {};
    const events = consultations.map((c) => this.invites.event(c, [consultantPlaces, c.type], 'consultant'));
    await this.feeds.stampFetched(feed.consultantId, now);
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
  private requireManageable(
    consultantId: string,
    actor: StaffUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity> {
    return requireManageableConsultant(this.users, consultantId, actor, manager);
  }
}
