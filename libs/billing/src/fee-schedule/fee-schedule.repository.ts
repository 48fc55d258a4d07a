import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { FeeScheduleMilestoneEntity } from '../entities/fee-schedule-milestone.entity';
import { FeeScheduleServiceEntity } from '../entities/fee-schedule-service.entity';
import type { MilestoneInput } from './rules/milestones';

/** A service with its milestones in order. */
export type FeeScheduleService = FeeScheduleServiceEntity & { milestones: FeeScheduleMilestoneEntity[] };

/** Every SQL statement on the fee schedule: its services and their milestones. */
@Injectable()
export class FeeScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every service, active ones first, then by name. */
  async listAll(): Promise<FeeScheduleService[]> {
    const services = await this.dataSource.manager
      .createQueryBuilder(FeeScheduleServiceEntity, 's')
      .leftJoinAndSelect('s.milestones', 'm')
      .orderBy('s.active', 'DESC')
      .addOrderBy('lower(s.name)', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .addOrderBy('m.position', 'ASC')
      .getMany();
    return services as FeeScheduleService[];
  }

  async findById(id: string, manager?: EntityManager): Promise<FeeScheduleService | null> {
    const service = await (manager ?? this.dataSource.manager)
      .createQueryBuilder(FeeScheduleServiceEntity, 's')
      .leftJoinAndSelect('s.milestones', 'm')
      .where('s.id = :id', { id })
      .orderBy('m.position', 'ASC')
      .getOne();
    return (service as FeeScheduleService | null) ?? null;
  }

  /** Locks the service row until the caller's transaction ends, so two edits of one service queue. */
  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT id FROM fee_schedule_services WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows.length > 0;
  }

  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM fee_schedule_services LIMIT 1');
    return rows.length === 0;
  }

  async insert(manager: EntityManager, values: Partial<FeeScheduleServiceEntity>): Promise<string> {
    const saved = await manager.save(manager.create(FeeScheduleServiceEntity, values));
    return saved.id;
  }

  async update(manager: EntityManager, id: string, patch: Partial<FeeScheduleServiceEntity>): Promise<void> {
    await manager.update(FeeScheduleServiceEntity, { id }, patch);
  }

  /** Replaces the service's milestones with these, numbered 1, 2, 3… in order. */
  async replaceMilestones(
    manager: EntityManager,
    serviceId: string,
    milestones: readonly MilestoneInput[],
  ): Promise<void> {
    await manager.delete(FeeScheduleMilestoneEntity, { serviceId });
    if (milestones.length > 0) {
      await manager.insert(
        FeeScheduleMilestoneEntity,
        milestones.map((m, index) => ({ serviceId, position: index + 1, ...m })),
      );
    }
  }
}
