import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { greetingName } from '@app/notifications';
import { Clock } from '@app/shared';
import { ConsultationsRepository } from './consultations.repository';
import type { ConsultationEntity } from './entities/consultation.entity';
import {
  buildInvite,
  consultationEvent,
  meetingPlace,
  type ConsultationEvent,
  type EventOptions,
  type InviteMethod,
  type MeetingPlaces,
} from './rules/calendar-invite';

/** Where a consultation takes place: the consultant's settings (when they keep any), then its type's. */
export function placesFrom(
  availability: MeetingPlaces | null,
  type: ConsultationEntity['type'],
): MeetingPlaces[] {
  return [availability ?? {}, type];
}

/**
 * The one way a consultation becomes iCalendar: loads where it takes place (the consultant's settings, then
 * its type's) and hands the rest to the pure builder in rules/calendar-invite. The emails, the booking page's
 * download and the consultant's feed all come through here, so they carry the same UID and SEQUENCE.
 */
@Injectable()
export class ConsultationInvites {
  readonly host: string;

  constructor(
    private readonly repository: ConsultationsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
  }

  /** Where the consultant's consultations take place, before the type's settings. */
  /** Pass the manager of a running transaction: a second connection taken while one is held can starve the pool. */
  async placesOf(
    consultation: Pick<ConsultationEntity, 'consultantId' | 'type'>,
    manager?: EntityManager,
  ): Promise<MeetingPlaces[]> {
    return placesFrom(
      await this.repository.availabilityOf(consultation.consultantId, manager),
      consultation.type,
    );
  }

  /** The place for the consultation's mode (video link, phone number, address), or null when none is set. */
  placeFor(consultation: Pick<ConsultationEntity, 'mode'>, places: MeetingPlaces[]): string | null {
    return meetingPlace(consultation.mode, places);
  }

  event(
    consultation: ConsultationEntity,
    places: MeetingPlaces[],
    audience: EventOptions['audience'],
    manageUrl?: string,
  ): ConsultationEvent {
    // The booker typed the name: it goes into the client's copies only as their emails greet them.
    const clientName = greetingName(`${consultation.client.firstName} ${consultation.client.lastName}`);
    return consultationEvent(consultation, { host: this.host, places, audience, manageUrl, clientName });
  }

  /** One consultation's VCALENDAR with the given METHOD, DTSTAMP now. */
  invite(
    consultation: ConsultationEntity,
    places: MeetingPlaces[],
    method: InviteMethod,
    audience: EventOptions['audience'],
    manageUrl?: string,
  ): string {
    return buildInvite({
      ...this.event(consultation, places, audience, manageUrl),
      method,
      now: this.clock.now(),
    });
  }
}
