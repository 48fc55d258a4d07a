import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { ALL_RECORDS, Clock } from '@app/shared';
import { ConsultationInvites } from './consultation-invites';
import { ConsultationMailer } from './consultation-mailer';
import { ConsultationWriter } from './consultation-writer';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { ConsultationsRepository } from './consultations.repository';
import {
  ConsultationMode,
  ConsultationStatus,
  type ConsultationEntity,
} from './entities/consultation.entity';
import type { MeetingPlaces } from './rules/calendar-invite';
import { HOUR } from './rules/local-time';
import { hashManageToken, isWellFormedManageToken, manageUrl } from './rules/manage-token';
import { SlotsService } from './slots.service';
import { checkScheduleStart, startProblem } from './start-problems';

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

/** Who the emails name as having made a change through the booking page. */
export const BY_CLIENT = 'the client (online)';

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
 * The client's manage link of a public booking: confirming it, showing it, its calendar file, cancelling and
 * rescheduling until the cutoff. A wrong, malformed or used-up token is 404.
 */
@Injectable()
export class BookingManageLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly slots: SlotsService,
    private readonly repository: ConsultationsRepository,
    private readonly writer: ConsultationWriter,
    private readonly mailer: ConsultationMailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly invites: ConsultationInvites,
  ) {}

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
    const reason = checkScheduleStart(others, startsAt, current.type.durationMinutes, this.clock.now());
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

  /**
   * Only once the time is the client's (booked and confirmed) does the page show where to join. `places` when they
   * were already read (a booking's emails read them); else they are read here.
   */
  async meetingLinkOf(consultation: ConsultationEntity, places?: MeetingPlaces[]): Promise<string | null> {
    if (
      consultation.mode !== ConsultationMode.Video ||
      consultation.status !== ConsultationStatus.Booked ||
      consultation.holdExpiresAt !== null
    ) {
      return null;
    }
    return this.invites.placeFor(consultation, places ?? (await this.invites.placesOf(consultation)));
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

  /** The booking as it now stands. */
  private async reload(id: string): Promise<ConsultationEntity> {
    const consultation = await this.repository.findVisible(id, ALL_RECORDS);
    if (!consultation) {
      throw notFound();
    }
    return consultation;
  }
}
