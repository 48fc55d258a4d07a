import { writingLanguageOf } from '@app/auth';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  consultantNoticeEmail,
  consultationBookedEmail,
  consultationConfirmationRequestEmail,
  consultationCancelledEmail,
  consultationRescheduledEmail,
  MailService,
  type ConsultationEmailView,
  type OutgoingEmail,
} from '@app/notifications';
import { ALL_RECORDS, Clock } from '@app/shared';
import { ConsultationsRepository } from './consultations.repository';
import type { ConsultationEntity } from './entities/consultation.entity';
import { ConsultationInvites, placesFrom } from './consultation-invites';
import { inviteUid, type InviteMethod, type MeetingPlaces } from './rules/calendar-invite';
import { HOUR } from './rules/local-time';
import { manageUrl } from './rules/manage-token';
import type { Prescreen } from './rules/prescreen';

type Change =
  | { event: 'booked'; token: string | null; changedBy: string }
  | { event: 'rescheduled'; token: string | null; changedBy: string; previousStartsAt: Date }
  | { event: 'cancelled'; changedBy: string };

const LMIA_WORDS: Record<string, string> = {
  has_lmia: 'employer has an LMIA',
  exempt: 'LMIA-exempt',
  unknown: 'does not know',
};

function prescreenLines(prescreen: Prescreen | null): string[] {
  if (!prescreen) {
    return [];
  }
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  return [
    ...(prescreen.hasJobOffer !== undefined ? [`Job offer: ${yesNo(prescreen.hasJobOffer)}`] : []),
    ...(prescreen.lmia !== undefined ? [`LMIA: ${LMIA_WORDS[prescreen.lmia] ?? prescreen.lmia}`] : []),
    ...(prescreen.insideCanada !== undefined ? [`Inside Canada: ${yesNo(prescreen.insideCanada)}`] : []),
    ...(prescreen.permitExpiresOn ? [`Current permit expires: ${prescreen.permitExpiresOn}`] : []),
  ];
}

/** What a consultation's emails take from the consultant's settings: their working zone and meeting places. */
export type ConsultantSettings = MeetingPlaces & { timezone: string };

/** A consultation as its emails were written from it, with where it takes place. */
export interface MailedConsultation {
  consultation: ConsultationEntity;
  places: MeetingPlaces[];
}

/**
 * The emails about a consultation: the client's confirmation, move or cancellation with the calendar invite (and
 * the manage link when we hold the token), and the consultant's notice. Each is written to the outbox inside the
 * transaction of the change (so it exists exactly when the change commits) and delivered by the worker; a failed
 * delivery never undoes the change and is retried from the outbox.
 */
@Injectable()
export class ConsultationMailer {
  private readonly host: string;

  constructor(
    private readonly mail: MailService,
    private readonly repository: ConsultationsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly invites: ConsultationInvites,
  ) {
    this.host = new URL(config.appUrl).hostname || 'permitdesk.local';
  }

  /** The consultation as the emails were written from it, in this transaction, with its meeting places. */
  booked(
    manager: EntityManager,
    consultationId: string,
    token: string | null,
    changedBy: string,
  ): Promise<MailedConsultation | null> {
    return this.write(manager, consultationId, { event: 'booked', token, changedBy });
  }

  /**
   * booked(), for a consultation the caller has just inserted and holds with its details (consultant, client and
   * type as it read them in this request) and the consultant's settings: nothing is read back.
   */
  bookedAsInserted(
    manager: EntityManager,
    consultation: ConsultationEntity,
    settings: ConsultantSettings,
    token: string | null,
    changedBy: string,
  ): Promise<MailedConsultation> {
    return this.writeFor(manager, consultation, settings, { event: 'booked', token, changedBy });
  }

  async rescheduled(
    manager: EntityManager,
    consultationId: string,
    token: string | null,
    previousStartsAt: Date,
    changedBy: string,
  ): Promise<void> {
    await this.write(manager, consultationId, { event: 'rescheduled', token, previousStartsAt, changedBy });
  }

  async cancelled(manager: EntityManager, consultationId: string, changedBy: string): Promise<void> {
    await this.write(manager, consultationId, { event: 'cancelled', changedBy });
  }

  /** The client confirmed by the emailed link: now the booking's confirmation, invite and consultant notice go. */
  async confirmed(manager: EntityManager, consultationId: string, token: string): Promise<void> {
    await this.write(manager, consultationId, { event: 'booked', token, changedBy: 'the client (online)' });
  }

  /** The invite's UID: the same for the consultation's whole life, so calendars update one entry. */
  uidOf(consultationId: string): string {
    return inviteUid(consultationId, this.host);
  }

  /** Renders the emails from the consultation as this transaction sees it and writes them to the outbox. */
  private async write(
    manager: EntityManager,
    consultationId: string,
    change: Change,
  ): Promise<MailedConsultation | null> {
    const consultation = await this.repository.findVisible(consultationId, ALL_RECORDS, manager);
    if (!consultation) {
      return null;
    }
    // The consultant's settings give both the meeting places and the zone of their notice: read once.
    const availability = await this.repository.availabilityOf(consultation.consultantId, manager);
    return this.writeFor(manager, consultation, availability, change);
  }

  private async writeFor(
    manager: EntityManager,
    consultation: ConsultationEntity,
    availability: ConsultantSettings | null,
    change: Change,
  ): Promise<MailedConsultation> {
    const emails: OutgoingEmail[] = [];
    const places = placesFrom(availability, consultation.type);
    // Unconfirmed (awaiting the client's email confirmation, or released unconfirmed): the client is asked to
    // confirm, and the consultant hears nothing until they do.
    const unconfirmed = consultation.holdExpiresAt !== null;
    if (consultation.client.email) {
      emails.push(
        unconfirmed
          ? this.confirmationRequest(consultation, consultation.client.email, change)
          : this.clientEmail(consultation, consultation.client.email, change, places),
      );
    }
    if (!unconfirmed) {
      emails.push(
        this.consultantEmail(
          consultation,
          change,
          // Where the consultant works: the zone of their weekly hours, else their profile's.
          availability?.timezone ?? consultation.consultant.timezone,
          places,
        ),
      );
    }
    await this.mail.enqueueAll(manager, emails);
    return { consultation, places };
  }

  private view(
    consultation: ConsultationEntity,
    language: 'en' | 'fr',
    timezone: string,
    places: MeetingPlaces[] = [],
  ): ConsultationEmailView {
    return {
      language,
      clientName: `${consultation.client.firstName} ${consultation.client.lastName}`.trim(),
      consultantName: consultation.consultant.name,
      typeName: language === 'fr' ? consultation.type.nameFr : consultation.type.name,
      startsAt: consultation.startsAt,
      endsAt: consultation.endsAt,
      timezone,
      mode: consultation.mode,
      place: this.invites.placeFor(consultation, places),
    };
  }

  /** To an unconfirmed booking's address: confirm by the link (booked, moved), or it is cancelled; no invite. */
  private confirmationRequest(consultation: ConsultationEntity, to: string, change: Change): OutgoingEmail {
    const view = this.view(consultation, consultation.language, consultation.clientTimezone);
    if (change.event === 'cancelled' || !change.token || !consultation.holdExpiresAt) {
      return {
        kind: 'consultation_cancelled',
        to,
        ...consultationCancelledEmail(view),
        related: { type: 'consultation', id: consultation.id },
        idempotencyKey: `consultation-${consultation.id}-${consultation.sequence}-client`,
      };
    }
    return {
      kind: 'consultation_confirmation_request',
      to,
      ...consultationConfirmationRequestEmail({
        ...view,
        confirmUrl: manageUrl(this.config.appUrl, change.token),
        holdUntil: consultation.holdExpiresAt,
      }),
      related: { type: 'consultation', id: consultation.id },
      idempotencyKey: `consultation-${consultation.id}-${consultation.sequence}-confirm-request`,
    };
  }

  private clientEmail(
    consultation: ConsultationEntity,
    to: string,
    change: Change,
    places: MeetingPlaces[],
  ): OutgoingEmail {
    const view = this.view(consultation, consultation.language, consultation.clientTimezone, places);
    const url =
      change.event !== 'cancelled' && change.token ? manageUrl(this.config.appUrl, change.token) : undefined;
    const changeUntil = new Date(
      consultation.startsAt.getTime() - this.config.cancellationCutoffHours * HOUR,
    );
    const rendered =
      change.event === 'booked'
        ? consultationBookedEmail({ ...view, manageUrl: url, changeUntil })
        : change.event === 'rescheduled'
          ? consultationRescheduledEmail({ ...view, manageUrl: url, changeUntil })
          : consultationCancelledEmail(view);
    const method: InviteMethod = change.event === 'cancelled' ? 'CANCEL' : 'REQUEST';
    return {
      kind: `consultation_${change.event}`,
      to,
      ...rendered,
      icalEvent: {
        method,
        content: this.invites.invite(consultation, places, method, 'client', url),
        filename: 'consultation.ics',
      },
      related: { type: 'consultation', id: consultation.id },
      idempotencyKey: `consultation-${consultation.id}-${consultation.sequence}-client`,
      // The outbox shows `[hidden]` in the manage link and keeps the token encrypted only until the email leaves.
      secret: url && 'token' in change ? (change.token ?? undefined) : undefined,
    };
  }

  private consultantEmail(
    consultation: ConsultationEntity,
    change: Change,
    zone: string,
    places: MeetingPlaces[],
  ): OutgoingEmail {
    // In the consultant's language, not the client's: the notice is for them.
    const view = this.view(consultation, writingLanguageOf(consultation.consultant.languages), zone, places);
    const rendered = consultantNoticeEmail({
      ...view,
      event: change.event,
      clientEmail: consultation.client.email,
      clientPhone: consultation.client.phone,
      topic: consultation.topic,
      prescreen: prescreenLines(consultation.prescreen),
      isUrgent: consultation.isUrgent,
      previousStartsAt: change.event === 'rescheduled' ? change.previousStartsAt : undefined,
      changedBy: change.changedBy,
      consultationUrl: `${this.config.appUrl}/admin/consultations/${consultation.id}`,
    });
    const method: InviteMethod = change.event === 'cancelled' ? 'CANCEL' : 'PUBLISH';
    return {
      kind: 'consultation_notice',
      to: consultation.consultant.email,
      ...rendered,
      icalEvent: {
        method,
        content: this.invites.invite(consultation, places, method, 'consultant'),
        filename: 'consultation.ics',
      },
      related: { type: 'consultation', id: consultation.id },
      idempotencyKey: `consultation-${consultation.id}-${consultation.sequence}-consultant`,
    };
  }
}
