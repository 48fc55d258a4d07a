import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { scopeOfStaff, StaffRole, UsersService, type StaffUser } from '@app/auth';
import { ClientError, ClientErrorCode, ClientsService, type PreferredLanguage } from '@app/clients';
import { AppConfig } from '@app/config';
import { checkTheseFields, Clock, ValidationFailedError, type FieldErrors, type Page } from '@app/shared';
import { WorkPermitFilesService, type OpenFileInput, type WorkPermitFileEntity } from '@app/work-permits';
import { AvailabilityRepository } from './availability.repository';
import { ConsultationMailer } from './consultation-mailer';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationWriter, SUBJECT_TYPE } from './consultation-writer';
import { ConsultationReminders } from './consultation-reminders';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { ConsultationsRepository, type ListConsultationsQuery } from './consultations.repository';
import {
  ConsultationMode,
  ConsultationStatus,
  type ConsultationEntity,
} from './entities/consultation.entity';

export interface StaffBookingInput {
  clientId: string;
  typeId: string;
  startsAt: Date;
  /** Defaults to the consultant booking it; required when an admin or assistant books. */
  consultantId?: string;
  mode?: ConsultationMode;
  topic?: string | null;
  notes?: string | null;
  /** The client's IANA zone for their emails; defaults to the firm's. */
  timezone?: string;
  language?: PreferredLanguage;
}

export interface UpdateConsultationInput {
  /** completed / no_show once it has started; cancelled while booked. */
  status?: ConsultationStatus;
  notes?: string | null;
  mode?: ConsultationMode;
  /** Moves a booked consultation (staff may leave the consultant's hours, never overlap another consultation). */
  startsAt?: Date;
}

export type ConvertConsultationInput = Omit<OpenFileInput, 'clientId'>;

function invalidStatus(message: string): ConsultationError {
  return new ConsultationError(ConsultationErrorCode.InvalidStatus, message);
}

/**
 * The staff side of consultations: lists, booking for an existing client, outcomes, moves, cancellations and
 * converting a consultation into a work-permit file. Consultants see their own consultations (others: 404).
 */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ConsultationsRepository,
    private readonly availability: AvailabilityRepository,
    private readonly users: UsersService,
    private readonly types: ConsultationTypesService,
    private readonly clients: ClientsService,
    private readonly files: WorkPermitFilesService,
    private readonly writer: ConsultationWriter,
    private readonly reminders: ConsultationReminders,
    private readonly mailer: ConsultationMailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  list(query: ListConsultationsQuery, actor: StaffUser): Promise<Page<ConsultationEntity>> {
    return this.repository.list(query, scopeOfStaff(actor));
  }

  async get(id: string, actor: StaffUser): Promise<ConsultationEntity> {
    const consultation = await this.repository.findVisible(id, scopeOfStaff(actor));
    if (!consultation) {
      throw ConsultationError.notFound();
    }
    return consultation;
  }

  /**
   * Books for an existing client. The consultant's hours, grid, notice and horizon do not apply to staff; the
   * exclusion constraint does (409 over another consultation), and the start may not be in the past.
   */
  async create(input: StaffBookingInput, actor: StaffUser): Promise<ConsultationEntity> {
    const client = await this.clients.requireVisible(input.clientId, scopeOfStaff(actor));
    if (client.archivedAt) {
      throw new ClientError(
        ClientErrorCode.Archived,
        'An archived client cannot be booked; restore them first',
      );
    }
    const errors: FieldErrors = {};
    const type = await this.types.findById(input.typeId);
    if (!type) {
      errors.type = ['type is not a known consultation type'];
    }
    const consultantId = input.consultantId ?? (actor.role === StaffRole.Consultant ? actor.id : undefined);
    if (consultantId === undefined) {
      errors.consultantId = ['consultantId is required when an admin or assistant books'];
    } else if (actor.role === StaffRole.Consultant && consultantId !== actor.id) {
      errors.consultantId = ['consultants can only book consultations with themselves'];
    } else if (!(await this.users.findActiveConsultant(consultantId))) {
      errors.consultantId = ['consultantId must be an active consultant or admin'];
    }
    if (input.startsAt.getTime() < this.clock.now().getTime()) {
      errors.startsAt = ['startsAt is in the past'];
    }
    if (!type || consultantId === undefined || Object.keys(errors).length > 0) {
      throw new ValidationFailedError(errors, checkTheseFields(errors));
    }
    const { consultation } = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.writer.insert(
        manager,
        {
          consultantId,
          clientId: client.id,
          typeId: type.id,
          startsAt: input.startsAt,
          durationMinutes: type.durationMinutes,
          bufferMinutes: await this.availability.bufferMinutesOf(consultantId, manager),
          mode: input.mode ?? ConsultationMode.Video,
          clientTimezone: input.timezone ?? this.config.firmTimeZone,
          language: input.language ?? client.preferredLanguage,
          topic: input.topic?.trim() || null,
          prescreen: null,
          isUrgent: false,
          notes: input.notes?.trim() || null,
          bookedById: actor.id,
        },
        client.email,
      );
      await this.mailer.booked(manager, inserted.consultation.id, inserted.token, actor.name);
      return inserted;
    });
    return this.get(consultation.id, actor);
  }

  async update(id: string, input: UpdateConsultationInput, actor: StaffUser): Promise<ConsultationEntity> {
    if (input.status !== undefined && input.startsAt !== undefined) {
      throw ValidationFailedError.field(
        'startsAt',
        'change either status or startsAt in one request, not both',
      );
    }
    if (input.status === ConsultationStatus.Booked) {
      throw ValidationFailedError.field('status', 'status can be set to completed, no_show or cancelled');
    }
    if (input.startsAt !== undefined && input.startsAt.getTime() < this.clock.now().getTime()) {
      throw ValidationFailedError.field('startsAt', 'startsAt is in the past');
    }
    await this.dataSource.transaction(async (manager) => {
      const visible = await this.repository.findVisible(id, scopeOfStaff(actor), manager);
      const consultation = visible ? await this.repository.lock(manager, id) : null;
      if (!visible || !consultation) {
        throw ConsultationError.notFound();
      }
      const email = visible.client.email;
      // The emails are written last, so they render the consultation as this transaction leaves it.
      let mail: (() => Promise<void>) | null = null;

      if (input.status === ConsultationStatus.Cancelled) {
        if (consultation.status !== ConsultationStatus.Booked) {
          throw invalidStatus(`A ${consultation.status} consultation cannot be cancelled`);
        }
        await this.writer.cancel(manager, consultation, actor.id);
        mail = () => this.mailer.cancelled(manager, id, actor.name);
      } else if (input.status !== undefined) {
        await this.recordOutcome(manager, consultation, input.status, actor);
      }

      if (input.startsAt !== undefined) {
        if (consultation.status !== ConsultationStatus.Booked) {
          throw invalidStatus(`A ${consultation.status} consultation cannot be moved`);
        }
        const { token, previousStartsAt } = await this.writer.move(
          manager,
          consultation,
          {
            startsAt: input.startsAt,
            durationMinutes: visible.type.durationMinutes,
            bufferMinutes: await this.availability.bufferMinutesOf(consultation.consultantId, manager),
            actorId: actor.id,
            rotateToken: true,
          },
          email,
        );
        mail = () => this.mailer.rescheduled(manager, id, token, previousStartsAt, actor.name);
      }

      const patch: Partial<ConsultationEntity> = {};
      if (input.notes !== undefined && (input.notes?.trim() || null) !== consultation.notes) {
        patch.notes = input.notes?.trim() || null;
      }
      if (input.mode !== undefined && input.mode !== consultation.mode) {
        patch.mode = input.mode;
      }
      if (Object.keys(patch).length > 0) {
        await this.repository.updateFields(id, patch, manager);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'consultation.updated',
          subjectType: SUBJECT_TYPE,
          subjectId: id,
          clientId: consultation.clientId,
          fileId: consultation.fileId,
          changes: Object.fromEntries(
            Object.entries(patch).map(([k, v]) => [k, [consultation[k as keyof ConsultationEntity], v]]),
          ),
        });
      }
      await mail?.();
    });
    return this.get(id, actor);
  }

  /**
   * Opens a draft (intake) work-permit file of the chosen stream for the consultation's client and links the
   * two both ways. A prospect becomes a client of the consultation's consultant first. Concurrent conversions
   * of one consultation are serialised; the second gets CONSULTATION_ALREADY_CONVERTED.
   */
  async convert(
    id: string,
    input: ConvertConsultationInput,
    actor: StaffUser,
  ): Promise<{ consultation: ConsultationEntity; file: WorkPermitFileEntity }> {
    return this.repository.whileConverting(id, async () => {
      const consultation = await this.get(id, actor);
      if (consultation.fileId) {
        throw new ConsultationError(
          ConsultationErrorCode.AlreadyConverted,
          'This consultation has already been converted into a file',
        );
      }
      if (consultation.status === ConsultationStatus.Cancelled) {
        throw invalidStatus('A cancelled consultation cannot be converted into a file');
      }
      await this.takeOnClient(consultation, actor);
      const file = await this.files.open(
        { consultantId: consultation.consultantId, ...input, clientId: consultation.clientId },
        actor,
      );
      await this.dataSource.transaction(async (manager) => {
        await this.repository.linkToFile(id, file.id, manager);
        await this.files.linkConsultation(file.id, id, manager);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'consultation.converted',
          subjectType: SUBJECT_TYPE,
          subjectId: id,
          clientId: consultation.clientId,
          fileId: file.id,
          changes: { fileId: file.id, fileNumber: file.fileNumber, stream: file.stream },
        });
      });
      return { consultation: await this.get(id, actor), file };
    });
  }

  /** completed / no_show: only once the consultation has started; correctable between the two. */
  private async recordOutcome(
    manager: EntityManager,
    consultation: ConsultationEntity,
    to: ConsultationStatus,
    actor: StaffUser,
  ): Promise<void> {
    const from = consultation.status;
    if (from === to) {
      return;
    }
    if (from === ConsultationStatus.Cancelled) {
      throw invalidStatus(`A cancelled consultation cannot be marked ${to}`);
    }
    if (consultation.startsAt.getTime() > this.clock.now().getTime()) {
      throw invalidStatus(`A consultation cannot be marked ${to} before it starts`);
    }
    await this.repository.updateFields(consultation.id, { status: to, manageTokenHash: null }, manager);
    consultation.status = to;
    await this.audit.record(manager, {
      actorId: actor.id,
      action: `consultation.${to}`,
      subjectType: SUBJECT_TYPE,
      subjectId: consultation.id,
      clientId: consultation.clientId,
      fileId: consultation.fileId,
      changes: { status: [from, to] },
    });
    await this.reminders.cancel(manager, consultation.id);
  }

  /** A prospect (or a client without a consultant) becomes the consultation consultant's client. */
  private async takeOnClient(consultation: ConsultationEntity, actor: StaffUser): Promise<void> {
    const client = consultation.client;
    if (!client.isProspect && client.consultantId !== null) {
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const patch = { isProspect: false, consultantId: client.consultantId ?? consultation.consultantId };
      await this.clients.takeOn(client.id, patch.consultantId, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'client.taken_on',
        subjectType: 'client',
        subjectId: client.id,
        clientId: client.id,
        changes: {
          isProspect: [client.isProspect, false],
          ...(client.consultantId === null ? { consultantId: [null, consultation.consultantId] } : {}),
          consultationId: consultation.id,
        },
      });
    });
  }
}
