import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { PG_EXCLUSION_VIOLATION, pgError } from '@app/database';
import { Clock } from '@app/shared';
import { ConsultationReminders } from './consultation-reminders';
import { ConsultationError } from './consultations.errors';
import { ConsultationsRepository } from './consultations.repository';
import {
  ConsultationEntity,
  ConsultationStatus,
  NO_OVERLAP_CONSTRAINT,
} from './entities/consultation.entity';
import { hashManageToken, newManageToken } from './rules/manage-token';
import { blockedSpan } from './rules/slots';

export const SUBJECT_TYPE = 'consultation';

/** A consultation about to be booked (everything but what the writer derives). */
export type NewConsultation = Pick<
  ConsultationEntity,
  | 'consultantId'
  | 'clientId'
  | 'typeId'
  | 'mode'
  | 'clientTimezone'
  | 'language'
  | 'topic'
  | 'prescreen'
  | 'isUrgent'
  | 'notes'
  | 'bookedById'
> & {
  startsAt: Date;
  durationMinutes: number;
  bufferMinutes: number;
  /** Set: an unconfirmed public booking holding its slot until then (no reminder until it is confirmed). */
  holdExpiresAt?: Date | null;
};

function isOverlap(error: unknown): boolean {
  const pg = pgError(error);
  return (
    pg?.code === PG_EXCLUSION_VIOLATION &&
    (pg.constraint === undefined || pg.constraint === NO_OVERLAP_CONSTRAINT)
  );
}

/**
 * The writes every booking path shares (public, by token, by staff), each inside the caller's transaction
 * with its audit event and its reminder plan. The exclusion constraint decides races: its violation becomes
 * CONSULTATION_SLOT_TAKEN and rolls the whole transaction back. Writes that take a time in one consultant's calendar
 * first wait for each other (ConsultationsRepository.lockSchedule), so that concurrent overlapping inserts are
 * refused one after the other instead of deadlocking in the constraint's check. Unconfirmed bookings are `booked` rows too, so
 * the constraint covers them; before taking a time, the writer first releases lapsed holds that overlap it,
 * so a lapsed hold never stands in the way even before the periodic release has run.
 */
@Injectable()
export class ConsultationWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly reminders: ConsultationReminders,
    private readonly repository: ConsultationsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Cancels unconfirmed bookings whose hold has lapsed (of one consultant over one span, or all of them), each
   * with its audit event. Used before any write that takes a time, and by the worker's periodic release.
   */
  async releaseLapsedHolds(
    manager: EntityManager,
    span?: { consultantId: string; from: Date; until: Date },
  ): Promise<string[]> {
    const released = await this.repository.releaseLapsedHolds(manager, this.clock.now(), span);
    for (const hold of released) {
      await this.audit.record(manager, {
        actorId: null,
        action: 'consultation.hold_released',
        subjectType: SUBJECT_TYPE,
        subjectId: hold.id,
        clientId: hold.clientId,
        changes: {
          status: [ConsultationStatus.Booked, ConsultationStatus.Cancelled],
          holdExpiresAt: hold.holdExpiresAt.toISOString(),
        },
      });
    }
    return released.map((hold) => hold.id);
  }

  /** The client confirmed an unconfirmed booking (locked by the caller): it keeps its time for good. */
  async confirm(
    manager: EntityManager,
    consultation: ConsultationEntity,
    clientEmail: string | null,
  ): Promise<void> {
    const patch: Partial<ConsultationEntity> = { holdExpiresAt: null, confirmedAt: this.clock.now() };
    await this.repository.updateFields(consultation.id, patch, manager);
    Object.assign(consultation, patch);
    await this.audit.record(manager, {
      actorId: null,
      action: 'consultation.confirmed',
      subjectType: SUBJECT_TYPE,
      subjectId: consultation.id,
      clientId: consultation.clientId,
      changes: { confirmedAt: patch.confirmedAt!.toISOString(), by: 'client' },
    });
    await this.reminders.plan(manager, consultation, clientEmail);
  }

  /** Inserts a booked consultation with a fresh manage token; returns it and the token (shown once). */
  async insert(
    manager: EntityManager,
    input: NewConsultation,
    clientEmail: string | null,
  ): Promise<{ consultation: ConsultationEntity; token: string }> {
    const token = newManageToken();
    const blocked = blockedSpan(input.startsAt, input.durationMinutes, input.bufferMinutes);
    const { durationMinutes, bufferMinutes, holdExpiresAt, ...columns } = input;
    await this.repository.lockSchedule(input.consultantId, manager);
    await this.releaseLapsedHolds(manager, {
      consultantId: input.consultantId,
      from: blocked.from,
      until: blocked.until,
    });
    let consultation: ConsultationEntity;
    try {
      consultation = await this.repository.insert(
        {
          ...columns,
          holdExpiresAt: holdExpiresAt ?? null,
          confirmedAt: null,
          endsAt: new Date(input.startsAt.getTime() + durationMinutes * 60_000),
          blockedFrom: blocked.from,
          blockedUntil: blocked.until,
          status: ConsultationStatus.Booked,
          manageTokenHash: hashManageToken(token),
          sequence: 0,
        },
        manager,
      );
    } catch (error) {
      throw isOverlap(error) ? ConsultationError.slotTaken() : error;
    }
    await this.audit.record(manager, {
      actorId: input.bookedById,
      action: 'consultation.booked',
      subjectType: SUBJECT_TYPE,
      subjectId: consultation.id,
      clientId: consultation.clientId,
      changes: {
        consultantId: consultation.consultantId,
        typeId: consultation.typeId,
        startsAt: consultation.startsAt.toISOString(),
        endsAt: consultation.endsAt.toISOString(),
        mode: consultation.mode,
        bufferMinutes,
        isUrgent: consultation.isUrgent,
        by: input.bookedById ? 'staff' : 'client',
        ...(consultation.holdExpiresAt ? { holdExpiresAt: consultation.holdExpiresAt.toISOString() } : {}),
      },
    });
    // An unconfirmed booking gets its reminder when it is confirmed.
    if (!consultation.holdExpiresAt) {
      await this.reminders.plan(manager, consultation, clientEmail, { inserted: true });
    }
    return { consultation, token };
  }

  /**
   * Moves a booked consultation (locked by the caller) to a new start, raising its invite SEQUENCE.
   * `rotateToken`: issue a new manage token (staff moves: the old link's token is not known to us, so the
   * client's new email carries a new link and the old one stops working).
   */
  async move(
    manager: EntityManager,
    consultation: ConsultationEntity,
    change: {
      startsAt: Date;
      durationMinutes: number;
      bufferMinutes: number;
      actorId: string | null;
      rotateToken: boolean;
    },
    clientEmail: string | null,
  ): Promise<{ token: string | null; previousStartsAt: Date }> {
    const previousStartsAt = consultation.startsAt;
    const blocked = blockedSpan(change.startsAt, change.durationMinutes, change.bufferMinutes);
    const token = change.rotateToken ? newManageToken() : null;
    const patch: Partial<ConsultationEntity> = {
      startsAt: change.startsAt,
      endsAt: new Date(change.startsAt.getTime() + change.durationMinutes * 60_000),
      blockedFrom: blocked.from,
      blockedUntil: blocked.until,
      sequence: consultation.sequence + 1,
      ...(token ? { manageTokenHash: hashManageToken(token) } : {}),
    };
    await this.repository.lockSchedule(consultation.consultantId, manager);
    await this.releaseLapsedHolds(manager, {
      consultantId: consultation.consultantId,
      from: blocked.from,
      until: blocked.until,
    });
    try {
      await this.repository.updateFields(consultation.id, patch, manager);
    } catch (error) {
      throw isOverlap(error) ? ConsultationError.slotTaken() : error;
    }
    Object.assign(consultation, patch);
    await this.audit.record(manager, {
      actorId: change.actorId,
      action: 'consultation.rescheduled',
      subjectType: SUBJECT_TYPE,
      subjectId: consultation.id,
      clientId: consultation.clientId,
      fileId: consultation.fileId,
      changes: {
        startsAt: [previousStartsAt.toISOString(), change.startsAt.toISOString()],
        sequence: [patch.sequence! - 1, patch.sequence],
        by: change.actorId ? 'staff' : 'client',
      },
    });
    if (!consultation.holdExpiresAt) {
      await this.reminders.plan(manager, consultation, clientEmail);
    }
    return { token, previousStartsAt };
  }

  /** Cancels a booked consultation (locked by the caller): its time is free again and its token used up. */
  async cancel(
    manager: EntityManager,
    consultation: ConsultationEntity,
    actorId: string | null,
  ): Promise<void> {
    const patch: Partial<ConsultationEntity> = {
      status: ConsultationStatus.Cancelled,
      cancelledAt: this.clock.now(),
      manageTokenHash: null,
      sequence: consultation.sequence + 1,
    };
    await this.repository.updateFields(consultation.id, patch, manager);
    Object.assign(consultation, patch);
    await this.audit.record(manager, {
      actorId,
      action: 'consultation.cancelled',
      subjectType: SUBJECT_TYPE,
      subjectId: consultation.id,
      clientId: consultation.clientId,
      fileId: consultation.fileId,
      changes: {
        status: [ConsultationStatus.Booked, ConsultationStatus.Cancelled],
        by: actorId ? 'staff' : 'client',
      },
    });
    await this.reminders.cancel(manager, consultation.id);
  }
}
