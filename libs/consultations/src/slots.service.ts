import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  checkTheseFields,
  Clock,
  joinedMessages,
  throwIfFieldErrors,
  ValidationFailedError,
  type FieldErrors,
} from '@app/shared';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationsRepository } from './consultations.repository';
import type { ConsultantSchedule } from './schedule-rows';
import { assignFairly } from './rules/fair-assignment';
import { toLocalIso } from './rules/local-time';
import { computeSlots } from './rules/slots';

export interface FindSlotsInput {
  typeId: string;
  /** One consultant; absent: any consultant (assigned fairly). */
  consultantId?: string;
  /** Default: now. */
  from?: Date;
  /** Default: 14 days after `from`; at most 62 days after it. */
  to?: Date;
  /** The visitor's IANA zone: each slot also comes back in their local time. */
  timezone?: string;
}

export interface SlotView {
  startsAt: Date;
  endsAt: Date;
  consultantId: string;
  /** In the visitor's zone with its offset, when a zone was given. */
  startsAtLocal: string | null;
  endsAtLocal: string | null;
}

const DAY = 86_400_000;
export const DEFAULT_SLOT_WINDOW_DAYS = 14;
export const MAX_SLOT_WINDOW_DAYS = 62;

/**
 * Bookable slots. Whatever the window, one request costs four queries: the type, the consultants with their
 * availability, their time off in the window, their booked consultations in the window.
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly types: ConsultationTypesService,
    private readonly repository: ConsultationsRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async find(input: FindSlotsInput): Promise<SlotView[]> {
    const now = this.clock.now();
    const from = input.from ?? now;
    const to = input.to ?? new Date(from.getTime() + DEFAULT_SLOT_WINDOW_DAYS * DAY);
    const errors: FieldErrors = {};
    if (to.getTime() <= from.getTime()) {
      errors.to = ['to must be after from'];
    } else if (to.getTime() - from.getTime() > MAX_SLOT_WINDOW_DAYS * DAY) {
      errors.to = [`to may be at most ${MAX_SLOT_WINDOW_DAYS} days after from`];
    }
    throwIfFieldErrors(errors, joinedMessages);
    const window = { from: new Date(from.getTime() - DAY), to: new Date(to.getTime() + DAY) };
    const [type, schedules] = await Promise.all([
      this.types.findActive(input.typeId),
      this.repository.loadSchedules(
        { consultantIds: input.consultantId === undefined ? undefined : [input.consultantId], now },
        window,
        input.consultantId === undefined ? this.weeksAround(window.from, window.to) : window,
      ),
    ]);
    if (!type) {
      errors.type = ['type is not a consultation type that can be booked'];
    }
    if (input.consultantId !== undefined && schedules.length === 0) {
      errors.consultantId = ['consultantId is not a consultant who takes bookings'];
    }
    if (!type || Object.keys(errors).length > 0) {
      throw new ValidationFailedError(errors, checkTheseFields(errors));
    }
    const perConsultant = schedules.map((s) => ({
      consultantId: s.consultantId,
      bookedStarts: s.booked.map((b) => b.start),
      slots: computeSlots({
        now,
        from,
        to,
        durationMinutes: type.durationMinutes,
        availability: s.rules,
        booked: s.booked,
        timeOff: s.timeOff,
      }),
    }));
    const assigned =
      input.consultantId === undefined
        ? assignFairly(perConsultant, this.config.firmTimeZone)
        : perConsultant.flatMap((c) => c.slots.map((slot) => ({ ...slot, consultantId: c.consultantId })));
    return assigned.map((slot) => ({
      ...slot,
      startsAtLocal: input.timezone ? toLocalIso(slot.startsAt.getTime(), input.timezone) : null,
      endsAtLocal: input.timezone ? toLocalIso(slot.endsAt.getTime(), input.timezone) : null,
    }));
  }

  /**
   * The schedules one start must be checked against (three queries), for the consultants named or every
   * bookable one; bookings are read for the whole week so "any consultant" can be assigned fairly.
   */
  schedulesAround(
    consultantIds: string[] | undefined,
    start: Date,
    durationMinutes: number,
    manager?: EntityManager,
  ): Promise<ConsultantSchedule[]> {
    const window = {
      from: new Date(start.getTime() - DAY),
      to: new Date(start.getTime() + durationMinutes * 60_000 + DAY),
    };
    return this.repository.loadSchedules(
      { consultantIds, now: this.clock.now() },
      window,
      consultantIds === undefined ? this.weeksAround(window.from, window.to) : window,
      manager,
    );
  }

  /** From the start of the week of `from` to the end of the week of `to`, in the firm's zone. */
  private weeksAround(from: Date, to: Date): { from: Date; to: Date } {
    const zone = this.config.firmTimeZone;
    return {
      from: DateTime.fromJSDate(from, { zone }).startOf('week').toJSDate(),
      to: DateTime.fromJSDate(to, { zone }).endOf('week').toJSDate(),
    };
  }
}
