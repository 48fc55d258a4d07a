import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { UsersService, type StaffUser, type UserEntity } from '@app/auth';
import { isIanaTimeZone } from '@app/config';
import { Clock, joinedMessages, throwIfFieldErrors, type FieldErrors } from '@app/shared';
import { AvailabilityRepository } from './availability.repository';
import { requireManageableConsultant } from './consultant-access';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import type { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import type { TimeOffEntity } from './entities/time-off.entity';
import type { MeetingPlaces } from './rules/calendar-invite';
import { weeklyRangeProblems, type AvailabilityRules, type WeeklyRange } from './rules/slots';

export interface AvailabilityInput extends MeetingPlaces {
  /** Defaults to the consultant's own time zone. */
  timezone?: string;
  weekly: WeeklyRange[];
  bufferMinutes?: number;
  minNoticeHours?: number;
  maxDaysAhead?: number;
  slotIntervalMinutes?: number;
}

export interface TimeOffInput {
  startsAt: Date;
  endsAt: Date;
  reason?: string | null;
}

/** A consultant's availability as shown to them: the rules (defaults when never set) and their coming time off. */
export interface AvailabilityView extends AvailabilityRules {
  /** Where their consultations take place, by mode (null: the type's setting, if any). */
  videoLink: string | null;
  phoneNumber: string | null;
  officeAddress: string | null;
  consultantId: string;
  /** False until the consultant (or an admin) has saved availability: nobody can book them yet. */
  isConfigured: boolean;
  isBookable: boolean;
  timeOff: TimeOffEntity[];
}

export interface BookableConsultant {
  id: string;
  name: string;
  languages: string[];
  /** The zone their weekly hours are in. */
  timezone: string;
}

export const DEFAULT_RULES = {
  bufferMinutes: 15,
  minNoticeHours: 24,
  maxDaysAhead: 60,
  slotIntervalMinutes: 30,
} as const;
const MAX_TIME_OFF_DAYS = 400;

/** Availability and time off. A consultant manages their own, an admin anyone's; others get 404. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly availability: AvailabilityRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(consultantId: string, actor: StaffUser): Promise<AvailabilityView> {
    const consultant = await this.requireManageable(consultantId, actor);
    const availability = await this.availability.findByConsultant(consultantId);
    const timeOff = await this.availability.findComingTimeOff(consultantId, this.clock.now());
    return this.view(consultant, availability, timeOff);
  }

  /** Who the public page offers: active, bookable consultants with hours set, by name, with the zone of their hours. */
  async listBookable(): Promise<BookableConsultant[]> {
    const rows = await this.availability.listBookable();
    return rows.map((r) => ({
      id: r.consultant.id,
      name: r.consultant.name,
      languages: r.consultant.languages,
      timezone: r.timezone,
    }));
  }

  /** Replaces the whole availability (PUT). */
  async replace(consultantId: string, input: AvailabilityInput, actor: StaffUser): Promise<AvailabilityView> {
    const errors: FieldErrors = { ...weeklyRangeProblems(input.weekly) };
    if (input.timezone !== undefined && !isIanaTimeZone(input.timezone)) {
      errors.timezone = ['timezone must be an IANA time zone such as America/Toronto'];
    }
    await this.dataSource.transaction(async (manager) => {
      const consultant = await this.requireManageable(consultantId, actor, manager);
      throwIfFieldErrors(errors);
      const before = await this.availability.lockByConsultant(consultantId, manager);
      const values = {
        consultantId,
        timezone: input.timezone ?? consultant.timezone,
        weekly: [...input.weekly]
          .map((r) => ({ weekday: r.weekday, start: r.start, end: r.end }))
          .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
        bufferMinutes: input.bufferMinutes ?? DEFAULT_RULES.bufferMinutes,
        minNoticeHours: input.minNoticeHours ?? DEFAULT_RULES.minNoticeHours,
        maxDaysAhead: input.maxDaysAhead ?? DEFAULT_RULES.maxDaysAhead,
        slotIntervalMinutes: input.slotIntervalMinutes ?? DEFAULT_RULES.slotIntervalMinutes,
        videoLink: input.videoLink ?? null,
        phoneNumber: input.phoneNumber ?? null,
        officeAddress: input.officeAddress ?? null,
      };
      await this.availability.upsert(values, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: before ? 'availability.updated' : 'availability.created',
        subjectType: 'consultant_availability',
        subjectId: consultantId,
        changes: values,
      });
    });
    return this.get(consultantId, actor);
  }

  /**
   * Adds time off. Consultations already booked inside it stay booked (staff move or cancel them);
   * their ids come back so the caller can say so.
   */
  async addTimeOff(
    consultantId: string,
    input: TimeOffInput,
    actor: StaffUser,
  ): Promise<{ timeOff: TimeOffEntity; overlappingConsultationIds: string[] }> {
    const errors: FieldErrors = {};
    if (input.endsAt.getTime() <= input.startsAt.getTime()) {
      errors.endsAt = ['endsAt must be after startsAt'];
    } else if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_TIME_OFF_DAYS * 86_400_000) {
      errors.endsAt = [`time off may last at most ${MAX_TIME_OFF_DAYS} days`];
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireManageable(consultantId, actor, manager);
      throwIfFieldErrors(errors, joinedMessages);
      const timeOff = await this.availability.insertTimeOff(
        {
          consultantId,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          reason: input.reason?.trim() || null,
          createdById: actor.id,
        },
        manager,
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'time_off.added',
        subjectType: 'consultant_time_off',
        subjectId: timeOff.id,
        changes: {
          consultantId,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
          reason: timeOff.reason,
        },
      });
      const overlappingConsultationIds = await this.availability.bookedOverlapping(
        consultantId,
        { from: input.startsAt, to: input.endsAt },
        manager,
      );
      return { timeOff, overlappingConsultationIds };
    });
  }

  async removeTimeOff(consultantId: string, timeOffId: string, actor: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireManageable(consultantId, actor, manager);
      if (!(await this.availability.deleteTimeOff(consultantId, timeOffId, manager))) {
        throw new ConsultationError(
          ConsultationErrorCode.TimeOffNotFound,
          'No time off with this id for this consultant',
        );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'time_off.removed',
        subjectType: 'consultant_time_off',
        subjectId: timeOffId,
        changes: { consultantId },
      });
    });
  }

  /** The active staff member whose availability the actor may manage: themselves, or anyone for an admin. */
  private requireManageable(
    consultantId: string,
    actor: StaffUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity> {
    return requireManageableConsultant(this.users, consultantId, actor, manager);
  }

  private view(
    user: UserEntity,
    availability: ConsultantAvailabilityEntity | null,
    timeOff: TimeOffEntity[],
  ): AvailabilityView {
    return {
      consultantId: user.id,
      isConfigured: availability !== null,
      isBookable: user.isBookable,
      timezone: availability?.timezone ?? user.timezone,
      weekly: availability?.weekly ?? [],
      bufferMinutes: availability?.bufferMinutes ?? DEFAULT_RULES.bufferMinutes,
      minNoticeHours: availability?.minNoticeHours ?? DEFAULT_RULES.minNoticeHours,
      maxDaysAhead: availability?.maxDaysAhead ?? DEFAULT_RULES.maxDaysAhead,
      slotIntervalMinutes: availability?.slotIntervalMinutes ?? DEFAULT_RULES.slotIntervalMinutes,
      videoLink: availability?.videoLink ?? null,
      phoneNumber: availability?.phoneNumber ?? null,
      officeAddress: availability?.officeAddress ?? null,
      timeOff,
    };
  }
}
