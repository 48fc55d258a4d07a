import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService, diffFields } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { decodeCursor, toPage, ValidationFailedError, type Page } from '@app/shared';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import type { MeetingPlaces } from './rules/calendar-invite';

export interface ConsultationTypeInput extends MeetingPlaces {
  name: string;
  nameFr: string;
  durationMinutes: number;
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
    private readonly audit: AuditService,
  ) {}

  async create(input: ConsultationTypeInput, actor: StaffUser | null): Promise<ConsultationTypeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ConsultationTypeEntity, {
          name: input.name.trim(),
          nameFr: input.nameFr.trim(),
          durationMinutes: input.durationMinutes,
          priceCents: input.priceCents ?? null,
          isActive: input.active ?? true,
          videoLink: input.videoLink ?? null,
          phoneNumber: input.phoneNumber ?? null,
          officeAddress: input.officeAddress ?? null,
        }),
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
      const type = await manager.findOne(ConsultationTypeEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!type) {
        throw notFound();
      }
      const patch: Partial<ConsultationTypeEntity> = {
        name: input.name?.trim(),
        nameFr: input.nameFr?.trim(),
        durationMinutes: input.durationMinutes,
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
      const saved = await manager.save(type);
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
    const type = isUUID(id) ? await this.dataSource.manager.findOneBy(ConsultationTypeEntity, { id }) : null;
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
    const after = decodeCursor(query.cursor, 2);
    if (after && (typeof after[0] !== 'string' || !isUUID(String(after[1])))) {
      throw ValidationFailedError.field(
        'cursor',
        'cursor is not one this API returned; start again without it',
      );
    }
    const qb = this.dataSource.manager
      .createQueryBuilder(ConsultationTypeEntity, 't')
      .orderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(query.limit + 1);
    if (query.active !== undefined) {
      qb.andWhere('t.isActive = :active', { active: query.active });
    }
    if (after) {
      qb.andWhere('(t.name, t.id) > (:name, :id)', { name: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (t) => [t.name, t.id],
      (t) => t,
    );
  }

  /** What the public booking page offers. */
  listActive(): Promise<ConsultationTypeEntity[]> {
    return this.dataSource.manager.find(ConsultationTypeEntity, {
      where: { isActive: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** An active type by id, or null (unknown, malformed or inactive). */
  async findActive(id: string): Promise<ConsultationTypeEntity | null> {
    if (!isUUID(id)) {
      return null;
    }
    return this.dataSource.manager.findOneBy(ConsultationTypeEntity, { id, isActive: true });
  }

  async findById(id: string): Promise<ConsultationTypeEntity | null> {
    return isUUID(id) ? this.dataSource.manager.findOneBy(ConsultationTypeEntity, { id }) : null;
  }
}
