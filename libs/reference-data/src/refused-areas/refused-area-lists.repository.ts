import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { RefusedAreaListEntity } from './refused-area-list.entity';

/** The columns a refused-area list is written with. */
export type RefusedAreaListValues = Pick<
  RefusedAreaListEntity,
  'effectiveFrom' | 'effectiveTo' | 'source' | 'note' | 'areas' | 'updatedById'
>;

/** Queries of the stored refused-CMA lists; `manager` runs a statement in the caller's transaction. */
@Injectable()
export class RefusedAreaListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every stored list, newest first. */
  listNewestFirst(): Promise<RefusedAreaListEntity[]> {
    return this.dataSource.getRepository(RefusedAreaListEntity).find({ order: { effectiveFrom: 'DESC' } });
  }

  /** Serialises replacements: held until the caller's transaction ends; reads go on. */
  async lockForReplacement(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE lmia_refused_area_lists IN SHARE ROW EXCLUSIVE MODE');
  }

  /** Every stored list, in no particular order. */
  listAll(manager: EntityManager): Promise<RefusedAreaListEntity[]> {
    return manager.getRepository(RefusedAreaListEntity).find();
  }

  async setEffectiveTo(id: string, effectiveTo: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(RefusedAreaListEntity).update({ id }, { effectiveTo });
  }

  /** Writes over the list with this id, or a new list when `id` is undefined; returns the row saved. */
  save(
    id: string | undefined,
    values: RefusedAreaListValues,
    manager: EntityManager,
  ): Promise<RefusedAreaListEntity> {
    const repo = manager.getRepository(RefusedAreaListEntity);
    return id ? repo.save({ id, ...values }) : repo.save(repo.create(values));
  }

  requireById(id: string, manager: EntityManager): Promise<RefusedAreaListEntity> {
    return manager.getRepository(RefusedAreaListEntity).findOneByOrFail({ id });
  }
}
