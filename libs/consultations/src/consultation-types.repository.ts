import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';
import {
  ACTIVE_CONSULTATION_TYPE,
  consultationTypeFromRow,
  type ConsultationTypeRow,
} from './consultation-type-rows';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';

/** Every query of consultation types. */
@Injectable()
export class ConsultationTypesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(
    values: DeepPartial<ConsultationTypeEntity>,
    manager: EntityManager,
  ): Promise<ConsultationTypeEntity> {
    return manager.save(manager.create(ConsultationTypeEntity, values));
  }

  save(type: ConsultationTypeEntity, manager: EntityManager): Promise<ConsultationTypeEntity> {
    return manager.save(type);
  }

  /** The type locked for a change. */
  lock(id: string, manager: EntityManager): Promise<ConsultationTypeEntity | null> {
    return manager.findOne(ConsultationTypeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<ConsultationTypeEntity | null> {
    return this.dataSource.manager.findOneBy(ConsultationTypeEntity, { id });
  }

  /** A named statement: slots and every booking read it. */
  async findActiveById(id: string): Promise<ConsultationTypeEntity | null> {
    const [row] = await preparedQuery<ConsultationTypeRow>(this.dataSource, ACTIVE_CONSULTATION_TYPE, [id]);
    return row ? consultationTypeFromRow(row) : null;
  }

  /** By name, then id, from the keyset position `after`; one row more than the limit tells of a next page. */
  search(
    query: { limit: number; active?: boolean },
    after?: readonly [name: string, id: string],
  ): Promise<ConsultationTypeEntity[]> {
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
    return qb.getMany();
  }

  listActive(): Promise<ConsultationTypeEntity[]> {
    return this.dataSource.manager.find(ConsultationTypeEntity, {
      where: { isActive: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }
}
