import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { FirmChecklistItemEntity } from './entities/firm-checklist-item.entity';

/** The firm's own checklist items. */
@Injectable()
export class FirmChecklistItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every item, oldest first (the order they are appended to checklists). */
  listAll(): Promise<FirmChecklistItemEntity[]> {
    return this.dataSource.manager.find(FirmChecklistItemEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FirmChecklistItemEntity | null> {
    return manager.findOne(FirmChecklistItemEntity, { where: { id } });
  }

  lockById(manager: EntityManager, id: string): Promise<FirmChecklistItemEntity | null> {
    return manager.findOne(FirmChecklistItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async keyTaken(manager: EntityManager, key: string): Promise<boolean> {
    return manager.exists(FirmChecklistItemEntity, { where: { key } });
  }

  insert(
    manager: EntityManager,
    values: Omit<FirmChecklistItemEntity, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<FirmChecklistItemEntity> {
    return manager.save(manager.create(FirmChecklistItemEntity, values));
  }

  async patch(
    manager: EntityManager,
    id: string,
    patch: Partial<Omit<FirmChecklistItemEntity, 'id' | 'key' | 'createdAt' | 'updatedAt'>>,
  ): Promise<void> {
    await manager.update(FirmChecklistItemEntity, { id }, patch);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(FirmChecklistItemEntity, { id });
  }
}
