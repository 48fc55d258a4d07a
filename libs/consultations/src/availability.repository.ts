import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, type DeepPartial, type EntityManager } from 'typeorm';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import { ConsultationEntity, ConsultationStatus } from './entities/consultation.entity';
import { TimeOffEntity } from './entities/time-off.entity';

/** Every query of consultant availability and time off. */
@Injectable()
export class AvailabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByConsultant(
    consultantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultantAvailabilityEntity | null> {
    return manager.findOneBy(ConsultantAvailabilityEntity, { consultantId });
  }

  /** The consultant's row locked for a replacement (null before their first save). */
  lockByConsultant(
    consultantId: string,
    manager: EntityManager,
  ): Promise<ConsultantAvailabilityEntity | null> {
    return manager.findOne(ConsultantAvailabilityEntity, {
      where: { consultantId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The buffer kept around the consultant's consultations (0 before their first save). */
  async bufferMinutesOf(
    consultantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const availability = await manager.findOne(ConsultantAvailabilityEntity, {
      where: { consultantId },
      select: { consultantId: true, bufferMinutes: true },
    });
    return availability?.bufferMinutes ?? 0;
  }

  async upsert(values: DeepPartial<ConsultantAvailabilityEntity>, manager: EntityManager): Promise<void> {
    await manager.upsert(ConsultantAvailabilityEntity, values, ['consultantId']);
  }

  /** Active, bookable consultants with weekly hours set, by name, with their user row. */
  listBookable(): Promise<ConsultantAvailabilityEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ConsultantAvailabilityEntity, 'a')
      .innerJoinAndSelect('a.consultant', 'u')
      .where('u.isActive = true AND u.isBookable = true')
      .andWhere('jsonb_array_length(a.weekly) > 0')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
  }

  /** Time off not yet over at `now`, soonest first (at most 200). */
  findComingTimeOff(consultantId: string, now: Date): Promise<TimeOffEntity[]> {
    return this.dataSource.manager.find(TimeOffEntity, {
      where: { consultantId, endsAt: MoreThan(now) },
      order: { startsAt: 'ASC' },
      take: 200,
    });
  }

  insertTimeOff(values: DeepPartial<TimeOffEntity>, manager: EntityManager): Promise<TimeOffEntity> {
    return manager.save(manager.create(TimeOffEntity, values));
  }

  /** Deletes the consultant's time off; false when they have none with this id. */
  async deleteTimeOff(consultantId: string, timeOffId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(TimeOffEntity, { id: timeOffId, consultantId });
    return Boolean(result.affected);
  }

  /** Ids of the consultant's booked consultations whose blocked time overlaps the span, by start. */
  async bookedOverlapping(
    consultantId: string,
    span: { from: Date; to: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(ConsultationEntity, 'c')
      .select('c.id')
      .where('c.consultantId = :consultantId', { consultantId })
      .andWhere('c.status = :status', { status: ConsultationStatus.Booked })
      .andWhere('tstzrange(c.blockedFrom, c.blockedUntil) && tstzrange(:from, :to)', span)
      .orderBy('c.startsAt', 'ASC')
      .getMany();
    return rows.map((c) => c.id);
  }
}
