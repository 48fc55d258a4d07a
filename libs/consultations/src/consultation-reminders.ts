import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PreferredLanguage } from '@app/clients';
import { consultationReminderEmail } from '@app/notifications';
import {
  ReminderPlanner,
  ReminderSubjects,
  type ReminderEntity,
  type RenderedReminder,
} from '@app/reminders';
import { ALL_RECORDS, Clock } from '@app/shared';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationStatus, type ConsultationEntity } from './entities/consultation.entity';
import { meetingPlace } from './rules/calendar-invite';
import { HOUR } from './rules/local-time';

export const CONSULTATION_SUBJECT = 'consultation';
/** The client's reminder is sent this long before the consultation starts. */
export const CLIENT_REMINDER_BEFORE_HOURS = 24;

/**
 * The client's reminder the day before a consultation, through the reminders queue: planned in the
 * transaction that books, moves or cancels the consultation; rendered from its current state when sent.
 */
@Injectable()
export class ConsultationReminders implements OnModuleInit {
  constructor(
    private readonly planner: ReminderPlanner,
    private readonly subjects: ReminderSubjects,
    private readonly repository: ConsultationsRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjects.register(CONSULTATION_SUBJECT, {
      render: (manager, reminder) => this.render(manager, reminder),
    });
  }

  /**
   * Plans (or moves) the reminder of a booked consultation: 24 h before its start, to the client's email.
   * The offset key carries the start, so a consultation moved after its reminder went out is reminded again.
   * A consultation booked less than 24 h ahead gets none (the confirmation has just told them).
   * `inserted`: the consultation was inserted in this transaction, so it has no reminder rows to read and lock.
   */
  async plan(
    manager: EntityManager,
    consultation: Pick<ConsultationEntity, 'id' | 'startsAt'>,
    clientEmail: string | null,
    options: { inserted?: boolean } = {},
  ): Promise<void> {
    const sendAt = new Date(consultation.startsAt.getTime() - CLIENT_REMINDER_BEFORE_HOURS * HOUR);
    const due = clientEmail !== null && sendAt.getTime() > this.clock.now().getTime();
    await this.planner.planForSubjects(
      manager,
      [
        {
          subject: { type: CONSULTATION_SUBJECT, id: consultation.id },
          plan: due
            ? [{ sendAt, offsetKey: `24h@${consultation.startsAt.toISOString()}`, recipient: clientEmail }]
            : [],
        },
      ],
      options.inserted ? [] : undefined,
    );
  }

  async cancel(manager: EntityManager, consultationId: string): Promise<void> {
    await this.planner.cancelForSubject(manager, { type: CONSULTATION_SUBJECT, id: consultationId });
  }

  /** The reminder email from the consultation as it is now; null when it is no longer booked or has started. */
  async render(manager: EntityManager, reminder: ReminderEntity): Promise<RenderedReminder | null> {
    const consultation = await this.repository.findVisible(reminder.subjectId, ALL_RECORDS, manager);
    if (
      !consultation ||
      consultation.status !== ConsultationStatus.Booked ||
      consultation.holdExpiresAt !== null ||
      consultation.startsAt.getTime() <= this.clock.now().getTime() ||
      !reminder.offsetKey.endsWith(`@${consultation.startsAt.toISOString()}`)
    ) {
      return null;
    }
    const language = consultation.language;
    // Where to go (the video link, the number, the address) is what a reminder is most often opened for.
    const availability = await this.repository.availabilityOf(consultation.consultantId, manager);
    const email = consultationReminderEmail({
      language,
      clientName: `${consultation.client.firstName} ${consultation.client.lastName}`.trim(),
      consultantName: consultation.consultant.name,
      typeName: language === PreferredLanguage.Fr ? consultation.type.nameFr : consultation.type.name,
      startsAt: consultation.startsAt,
      endsAt: consultation.endsAt,
      timezone: consultation.clientTimezone,
      mode: consultation.mode,
      place: meetingPlace(consultation.mode, [availability ?? {}, consultation.type]),
    });
    return { to: reminder.recipient, ...email, language, kind: 'consultation_reminder' };
  }
}
