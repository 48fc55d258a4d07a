import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserEntity } from '@app/auth';
import { ClientsService, normalizePhone, PreferredLanguage } from '@app/clients';
import { AppConfig } from '@app/config';
import { checkTheseFields, Clock, ValidationFailedError, type FieldErrors } from '@app/shared';
import { BookingManageLinksService, BY_CLIENT, type ManagedBooking } from './booking-manage-links.service';
import { ConsultationMailer } from './consultation-mailer';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationWriter } from './consultation-writer';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { ConsultationsRepository } from './consultations.repository';
import type { ConsultantSchedule } from './schedule-rows';
import { ConsultationMode, type ConsultationEntity } from './entities/consultation.entity';
import { rankConsultants } from './rules/fair-assignment';
import { manageUrl } from './rules/manage-token';
import { isUrgent, type Prescreen } from './rules/prescreen';
import type { StartCheck } from './rules/slots';
import { SlotsService } from './slots.service';
import { checkScheduleStart, closestReason, startProblem } from './start-problems';

export type { ManagedBooking } from './booking-manage-links.service';

export interface PublicBookingInput {
  typeId: string;
  startsAt: Date;
  /** Absent: any consultant free at that time, chosen fairly. */
  consultantId?: string;
  name: string;
  email: string;
  phone?: string | null;
  /** The visitor's IANA zone (emails show times in it). */
  timezone: string;
  topic?: string | null;
  /** Language of the client's emails; defaults to the matched client's, else English. */
  language?: PreferredLanguage;
  mode?: ConsultationMode;
  prescreen?: Prescreen | null;
}

export interface BookingResult {
  consultation: ConsultationEntity;
  /**
   * Returned once; only its hash is stored. Null when the booking awaits email confirmation: then the link goes
   * only to the address typed, so whoever confirms has shown they read that mailbox.
   */
  manageUrl: string | null;
  /** A confirmed video consultation's meeting link (the consultant's room, else the type's); else null. */
  meetingLink: string | null;
}

/**
 * Public booking and the client's manage link. A booking must be a slot right now (400 otherwise, naming
 * startsAt); the exclusion constraint settles races (409). One email address may hold at most
 * BOOKING_LIMIT_PER_EMAIL open future bookings (409). With BOOKING_EMAIL_CONFIRMATION, a booking holds its slot
 * for BOOKING_CONFIRMATION_HOLD_MINUTES until the client confirms by the emailed link; only then do the
 * consultant's notice and the reminder follow. Emails are written to the outbox in the change's transaction.
 * The manage link's actions are BookingManageLinksService's; their entry points stay here for callers.
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly types: ConsultationTypesService,
    private readonly slots: SlotsService,
    private readonly repository: ConsultationsRepository,
    private readonly clients: ClientsService,
    private readonly writer: ConsultationWriter,
    private readonly mailer: ConsultationMailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly links: BookingManageLinksService,
  ) {}

  async book(input: PublicBookingInput): Promise<BookingResult> {
    const now = this.clock.now();
    const errors: FieldErrors = {};
    const email = input.email.trim();
    if (!isEmail(email) || email.length > 254) {
      errors.email = ['email must be an email address'];
    }
    if (input.phone && normalizePhone(input.phone) === null) {
      errors.phone = ['phone must be a valid phone number, e.g. +16045550123 or 604-555-0123'];
    }
    const [type, schedules] = await Promise.all([
      this.types.findActive(input.typeId),
      this.slots.schedulesAround(
        input.consultantId === undefined ? undefined : [input.consultantId],
        input.startsAt,
        480,
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
    if (schedules.length === 0) {
      throw startProblem('unavailable', null);
    }

    const checks = schedules.map((schedule) => ({
      schedule,
      reason: checkScheduleStart(schedule, input.startsAt, type.durationMinutes, this.clock.now()),
    }));
    const free = checks.filter((c) => c.reason === 'ok').map((c) => c.schedule);
    if (free.length === 0) {
      const reason = closestReason(checks.map((c) => c.reason));
      throw startProblem(
        reason as Exclude<StartCheck, 'ok'>,
        checks.find((c) => c.reason === reason)?.schedule.rules ?? null,
      );
    }
    const order = rankConsultants(
      free.map((s) => ({ consultantId: s.consultantId, bookedStarts: s.booked.map((b) => b.start) })),
      input.startsAt.getTime(),
      this.config.firmTimeZone,
    );
    const prescreen = input.prescreen ?? null;
    const { emailConfirmation, holdMinutes } = this.config.booking;
    const holdExpiresAt = emailConfirmation ? new Date(now.getTime() + holdMinutes * 60_000) : null;
    // "Any consultant": a race lost to one consultant goes to the next one free at that time.
    for (const [index, consultantId] of order.entries()) {
      const schedule = free.find((s) => s.consultantId === consultantId) as ConsultantSchedule;
      try {
        const { token, mailed } = await this.dataSource.transaction(async (manager) => {
          await this.assertUnderEmailLimit(manager, email, now);
          const client = await this.clients.findOrCreateProspectByEmail(manager, {
            name: input.name,
            email,
            phone: input.phone ?? null,
            preferredLanguage: input.language,
          });
          const inserted = await this.writer.insert(
            manager,
            {
              consultantId,
              clientId: client.id,
              typeId: type.id,
              startsAt: input.startsAt,
              durationMinutes: type.durationMinutes,
              bufferMinutes: schedule.rules.bufferMinutes,
              mode: input.mode ?? type.mode ?? ConsultationMode.Video,
              clientTimezone: input.timezone,
              language: input.language ?? client.preferredLanguage,
              topic: input.topic?.trim() || null,
              prescreen,
              isUrgent: isUrgent(prescreen, now, this.config.firmTimeZone),
              notes: null,
              bookedById: null,
              holdExpiresAt,
            },
            client.email,
          );
          // Its emails are written from what this request read: the schedule's consultant, the client, the type.
          const consultation: ConsultationEntity = {
            ...inserted.consultation,
            consultant: {
              id: consultantId,
              name: schedule.name,
              email: schedule.email,
              timezone: schedule.profileTimezone,
              languages: schedule.languages,
            } as UserEntity,
            client,
            type,
          };
          const mailed = await this.mailer.bookedAsInserted(
            manager,
            consultation,
            { ...schedule.places, timezone: schedule.rules.timezone },
            inserted.token,
            BY_CLIENT,
          );
          return { ...inserted, mailed };
        });
        // The answer shows the booking as its emails were written from it, in the transaction that committed it.
        return {
          consultation: mailed.consultation,
          manageUrl: holdExpiresAt ? null : manageUrl(this.config.appUrl, token),
          meetingLink: await this.links.meetingLinkOf(mailed.consultation, mailed.places),
        };
      } catch (error) {
        const lost = error instanceof ConsultationError && error.code === ConsultationErrorCode.SlotTaken;
        if (!lost || index === order.length - 1) {
          throw error;
        }
      }
    }
    throw ConsultationError.slotTaken();
  }

  /** Confirms an unconfirmed booking by the link emailed to it (BookingManageLinksService.confirmByToken). */
  confirmByToken(token: string): Promise<ManagedBooking> {
    return this.links.confirmByToken(token);
  }

  /** Releases every unconfirmed booking whose hold has lapsed (the worker runs this periodically). */
  releaseLapsedHolds(): Promise<string[]> {
    return this.dataSource.transaction((manager) => this.writer.releaseLapsedHolds(manager));
  }

  /** The booking a manage token belongs to; 404 for a wrong, malformed or used-up token. */
  findByToken(token: string): Promise<ManagedBooking> {
    return this.links.findByToken(token);
  }

  /** The booking as an .ics file for the client's own calendar (BookingManageLinksService.calendarByToken). */
  calendarByToken(token: string): Promise<string> {
    return this.links.calendarByToken(token);
  }

  /** Cancels by the client's link, until the cutoff (409 after it). The token is used up. */
  cancelByToken(token: string): Promise<ManagedBooking> {
    return this.links.cancelByToken(token);
  }

  /** Moves the booking to another slot of the same consultant and type, under the same checks as a booking. */
  rescheduleByToken(token: string, startsAt: Date): Promise<ManagedBooking> {
    return this.links.rescheduleByToken(token, startsAt);
  }

  /**
   * At most BOOKING_LIMIT_PER_EMAIL open future bookings per email address. A transaction-scoped advisory lock
   * on the address makes concurrent bookings with one address count one after the other.
   */
  private async assertUnderEmailLimit(manager: EntityManager, email: string, now: Date): Promise<void> {
    const limit = this.config.booking.limitPerEmail;
    await this.repository.lockBookingEmail(email, manager);
    if ((await this.repository.countOpenForEmail(manager, email, now)) >= limit) {
      throw new ConsultationError(
        ConsultationErrorCode.BookingLimitPerEmail,
        `This email address already has ${limit} upcoming consultation${limit === 1 ? '' : 's'} booked, the most that can be booked online. ` +
          'To change one, use the link in its confirmation email, or contact the office to book more.',
      );
    }
  }
}
