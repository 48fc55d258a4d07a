import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, diffFields } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { decodeKeysetCursor, isUuid, toPage, type Page } from '@app/shared';
import { ConsultationTypesRepository } from './consultation-types.repository';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import type { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { ConsultationMode } from './entities/consultation.entity';
import type { MeetingPlaces } from './rules/calendar-invite';

export interface ConsultationTypeInput extends MeetingPlaces {
  name: string;
  nameFr: string;
  durationMinutes: number;
  description?: string | null;
  descriptionFr?: string | null;
  mode?: ConsultationMode;
  priceCents?: number | null;
  active?: boolean;
}

export type UpdateConsultationTypeInput = Partial<ConsultationTypeInput>;

const SUBJECT_TYPE = 'consultation_type';

function notFound(): ConsultationError {
  return new ConsultationError(ConsultationErrorCode.TypeNotFound, 'No consultation type with this id');
}

/** Consultation types: admins write them, staff read them all, the public page lists the active ones. */
@Injectable()
export class ConsultationTypesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly types: ConsultationTypesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: ConsultationTypeInput, actor: StaffUser | null): Promise<ConsultationTypeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.types.insert(
        {
          name: input.name.trim(),
          nameFr: input.nameFr.trim(),
          durationMinutes: input.durationMinutes,
          description: input.description ?? null,
          descriptionFr: input.descriptionFr ?? null,
          mode: input.mode ?? ConsultationMode.Video,
          priceCents: input.priceCents ?? null,
          isActive: input.active ?? true,
          videoLink: input.videoLink ?? null,
          phoneNumber: input.phoneNumber ?? null,
          officeAddress: input.officeAddress ?? null,
        },
        manager,
      );
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'consultation_type.created',
        subjectType: SUBJECT_TYPE,
        subjectId: saved.id,
        changes: {
          name: saved.name,
          nameFr: saved.nameFr,
          durationMinutes: saved.durationMinutes,
          description: saved.description,
          descriptionFr: saved.descriptionFr,
          mode: saved.mode,
          priceCents: saved.priceCents,
          isActive: saved.isActive,
          videoLink: saved.videoLink,
          phoneNumber: saved.phoneNumber,
          officeAddress: saved.officeAddress,
        },
      });
      return saved;
    });
  }

  /** Changing the duration changes future bookings only; booked consultations keep their times. */
  async update(
    id: string,
    input: UpdateConsultationTypeInput,
    actor: StaffUser,
  ): Promise<ConsultationTypeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const type = await this.types.lock(id, manager);
      if (!type) {
        throw notFound();
      }
      const patch: Partial<ConsultationTypeEntity> = {
        name: input.name?.trim(),
        nameFr: input.nameFr?.trim(),
        durationMinutes: input.durationMinutes,
        description: input.description,
        descriptionFr: input.descriptionFr,
        mode: input.mode,
        priceCents: input.priceCents,
        isActive: input.active,
        videoLink: input.videoLink,
        phoneNumber: input.phoneNumber,
        officeAddress: input.officeAddress,
      };
      const changes = diffFields(type, patch);
      if (Object.keys(changes).length === 0) {
        return type;
      }
      Object.assign(type, Object.fromEntries(Object.keys(changes).map((key) => [key, changes[key][1]])));
      const saved = await this.types.save(type, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'consultation_type.updated',
        subjectType: SUBJECT_TYPE,
        subjectId: type.id,
        changes,
      });
      return saved;
    });
  }

  async require(id: string): Promise<ConsultationTypeEntity> {
    const type = await this.findById(id);
    if (!type) {
      throw notFound();
    }
    return type;
  }

  /** Every type, active or not, by name; keyset-paginated. */
  async list(query: {
    limit: number;
    cursor?: string;
    active?: boolean;
  }): Promise<Page<ConsultationTypeEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.types.search(query, after);
    return toPage(
      rows,
      query.limit,
      (t) => [t.name, t.id],
      (t) => t,
    );
  }

  /** What the public booking page offers. */
  listActive(): Promise<ConsultationTypeEntity[]> {
    return this.types.listActive();
  }

  /** An active type by id, or null (unknown, malformed or inactive). */
  async findActive(id: string): Promise<ConsultationTypeEntity | null> {
    return isUuid(id) ? this.types.findActiveById(id) : null;
  }

  async findById(id: string): Promise<ConsultationTypeEntity | null> {
    return isUuid(id) ? this.types.findById(id) : null;
  }
}
