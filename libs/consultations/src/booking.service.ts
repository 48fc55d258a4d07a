import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ClientsService, normalizePhone, PreferredLanguage } from '@app/clients';
import { AppConfig } from '@app/config';
import { ALL_RECORDS, checkTheseFields, Clock, ValidationFailedError, type FieldErrors } from '@app/shared';
import { ConsultationInvites } from './consultation-invites';
import { ConsultationMailer } from './consultation-mailer';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationWriter } from './consultation-writer';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { ConsultationsRepository, type ConsultantSchedule } from './consultations.repository';
import {
  ConsultationMode,
  ConsultationStatus,
  type ConsultationEntity,
} from './entities/consultation.entity';
import { rankConsultants } from './rules/fair-assignment';
import { HOUR } from './rules/local-time';
import { hashManageToken, isWellFormedManageToken, manageUrl } from './rules/manage-token';
import { isUrgent, type Prescreen } from './rules/prescreen';
import { checkStart, type StartCheck } from './rules/slots';
import { SlotsService } from './slots.service';
import { closestReason, startProblem } from './start-problems';

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

export interface ManagedBooking {
  consultation: ConsultationEntity;
  /** The last moment the client may cancel or reschedule online. */
  changeUntil: Date;
  canChange: boolean;
  /** Set while the booking awaits the client's email confirmation: its time is held until then. */
  confirmBy: Date | null;
  /** A confirmed video consultation's meeting link (the consultant's room, else the type's); else null. */
  meetingLink: string | null;
}

const BY_CLIENT = 'the client (online)';

function notFound(): ConsultationError {
  return new ConsultationError(
    ConsultationErrorCode.NotFound,
    'This link is not valid (it may have been used or replaced)',
  );
}

function confirmationExpired(): ConsultationError {
  return new ConsultationError(
    ConsultationErrorCode.ConfirmationExpired,
    'This booking was not confirmed in time and its time has been released; please book again',
  );
}

/**
 * Public booking and the client's manage link. A booking must be a slot right now (400 otherwise, naming
 * startsAt); the exclusion constraint settles races (409). One email address may hold at most
 * BOOKING_LIMIT_PER_EMAIL open future bookings (409). With BOOKING_EMAIL_CONFIRMATION, a booking holds its slot
 * for BOOKING_CONFIRMATION_HOLD_MINUTES until the client confirms by the emailed link; only then do the
 * consultant's notice and the reminder follow. Emails are written to the outbox in the change's transaction.
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
    private readonly invites: ConsultationInvites,
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
      reason: this.check(schedule, input.startsAt, type.durationMinutes),
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
        const { consultation, token } = await this.dataSource.transaction(async (manager) => {
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
          await this.mailer.booked(manager, inserted.consultation.id, inserted.token, BY_CLIENT);
          return inserted;
        });
        const booked = await this.reload(consultation.id);
        return {
          consultation: booked,
          manageUrl: holdExpiresAt ? null : manageUrl(this.config.appUrl, token),
          meetingLink: await this.meetingLinkOf(booked),
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

  /**
   * Confirms an unconfirmed booking by the link emailed to it: it keeps its time for good, and the client's
   * confirmation with the invite, the consultant's notice and the reminder follow. Confirming twice changes
   * nothing; a hold that has lapsed is 409 (its time may already be someone else's).
   */
  async confirmByToken(token: string): Promise<ManagedBooking> {
    const hash = this.hashOf(token);
    await this.dataSource.transaction(async (manager) => {
      const consultation = await this.lockByHash(manager, hash);
      if (consultation.holdExpiresAt === null) {
        return null;
      }
      if (consultation.holdExpiresAt.getTime() <= this.clock.now().getTime()) {
        throw confirmationExpired();
      }
      const client = await this.repository.findVisible(consultation.id, ALL_RECORDS, manager);
      await this.writer.confirm(manager, consultation, client?.client.email ?? null);
      await this.mailer.confirmed(manager, consultation.id, token);
      return consultation.id;
    });
    return this.findByToken(token);
  }

  /** Releases every unconfirmed booking whose hold has lapsed (the worker runs this periodically). */
  releaseLapsedHolds(): Promise<string[]> {
    return this.dataSource.transaction((manager) => this.writer.releaseLapsedHolds(manager));
  }

  /** The booking a manage token belongs to; 404 for a wrong, malformed or used-up token. */
  async findByToken(token: string): Promise<ManagedBooking> {
    const consultation = await this.requireByToken(token);
    return this.managed(consultation);
  }

  /**
   * The booking as an .ics file for the client's own calendar (the booking page's "Add to calendar"): the event
   * of the emailed invites (same UID, SEQUENCE, LOCATION), as METHOD:PUBLISH since it is a copy, not a
   * scheduling message. 404 like the manage page for a wrong or used-up token.
   */
  async calendarByToken(token: string): Promise<string> {
    const consultation = await this.requireByToken(token);
    const places = await this.invites.placesOf(consultation);
    return this.invites.invite(
      consultation,
      places,
      'PUBLISH',
      'client',
      manageUrl(this.config.appUrl, token),
    );
  }

  /** Cancels by the client's link, until the cutoff (409 after it). The token is used up. */
  async cancelByToken(token: string): Promise<ManagedBooking> {
    const hash = this.hashOf(token);
    const id = await this.dataSource.transaction(async (manager) => {
      const consultation = await this.lockByHash(manager, hash);
      this.assertChangeable(consultation);
      await this.writer.cancel(manager, consultation, null);
      await this.mailer.cancelled(manager, consultation.id, BY_CLIENT);
      return consultation.id;
    });
    return this.managed(await this.reload(id));
  }

  /** Moves the booking to another slot of the same consultant and type, under the same checks as a booking. */
  async rescheduleByToken(token: string, startsAt: Date): Promise<ManagedBooking> {
    const hash = this.hashOf(token);
    const current = await this.requireByToken(token);
    this.assertChangeable(current);
    const schedules = await this.slots.schedulesAround(
      [current.consultantId],
      startsAt,
      current.type.durationMinutes,
    );
    const schedule = schedules[0];
    if (!schedule) {
      throw startProblem('unavailable', null);
    }
    // Its own current time does not stand in its way.
    const others = { ...schedule, booked: schedule.booked.filter((b) => b.id !== current.id) };
    const reason = this.check(others, startsAt, current.type.durationMinutes);
    if (reason !== 'ok') {
      throw startProblem(reason, schedule.rules);
    }
    await this.dataSource.transaction(async (manager) => {
      const consultation = await this.lockByHash(manager, hash);
      this.assertChangeable(consultation);
      const { previousStartsAt } = await this.writer.move(
        manager,
        consultation,
        {
          startsAt,
          durationMinutes: current.type.durationMinutes,
          bufferMinutes: schedule.rules.bufferMinutes,
          actorId: null,
          rotateToken: false,
        },
        current.client.email,
      );
      await this.mailer.rescheduled(manager, current.id, token, previousStartsAt, BY_CLIENT);
    });
    return this.managed(await this.reload(current.id));
  }

  private check(schedule: ConsultantSchedule, start: Date, durationMinutes: number): StartCheck {
    return checkStart({
      now: this.clock.now(),
      start,
      durationMinutes,
      availability: schedule.rules,
      booked: schedule.booked,
      timeOff: schedule.timeOff,
    });
  }

  private hashOf(token: string): string {
    if (!isWellFormedManageToken(token)) {
      throw notFound();
    }
    return hashManageToken(token);
  }

  private async requireByToken(token: string): Promise<ConsultationEntity> {
    const consultation = await this.repository.findBookedByTokenHash(this.hashOf(token));
    if (!consultation || consultation.endsAt.getTime() <= this.clock.now().getTime()) {
      throw notFound();
    }
    if (consultation.holdExpiresAt && consultation.holdExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw confirmationExpired();
    }
    return consultation;
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

  private async lockByHash(manager: EntityManager, hash: string): Promise<ConsultationEntity> {
    const found = await this.repository.findBookedByTokenHash(hash, manager);
    const consultation = found ? await this.repository.lock(manager, found.id) : null;
    if (
      !consultation ||
      consultation.manageTokenHash !== hash ||
      consultation.status !== ConsultationStatus.Booked
    ) {
      throw notFound();
    }
    return consultation;
  }

  private changeUntil(consultation: Pick<ConsultationEntity, 'startsAt'>): Date {
    return new Date(consultation.startsAt.getTime() - this.config.cancellationCutoffHours * HOUR);
  }

  private assertChangeable(consultation: Pick<ConsultationEntity, 'startsAt'>): void {
    if (this.clock.now().getTime() > this.changeUntil(consultation).getTime()) {
      throw new ConsultationError(
        ConsultationErrorCode.TooLateToChange,
        `Consultations can be cancelled or rescheduled online until ${this.config.cancellationCutoffHours} hours before they start; please contact the office`,
      );
    }
  }

  /** Only once the time is the client's (booked and confirmed) does the page show where to join. */
  private async meetingLinkOf(consultation: ConsultationEntity): Promise<string | null> {
    if (
      consultation.mode !== ConsultationMode.Video ||
      consultation.status !== ConsultationStatus.Booked ||
      consultation.holdExpiresAt !== null
    ) {
      return null;
    }
    return this.invites.placeFor(consultation, await this.invites.placesOf(consultation));
  }

  private async managed(consultation: ConsultationEntity): Promise<ManagedBooking> {
    const changeUntil = this.changeUntil(consultation);
    return {
      meetingLink: await this.meetingLinkOf(consultation),
      consultation,
      changeUntil,
      canChange:
        consultation.status === ConsultationStatus.Booked &&
        this.clock.now().getTime() <= changeUntil.getTime(),
      confirmBy: consultation.status === ConsultationStatus.Booked ? consultation.holdExpiresAt : null,
    };
  }

  private async reload(id: string): Promise<ConsultationEntity> {
    const consultation = await this.repository.findVisible(id, ALL_RECORDS);
    if (!consultation) {
      throw notFound();
    }
    return consultation;
  }
}
