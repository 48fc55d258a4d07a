import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeadlinePeriodId } from '@app/reference-data';
import { DeadlinePeriodSettingsEntity } from './deadline-period-settings.entity';

const SETTINGS_ID = 1;

/** Reads and writes the firm's single row of deadline periods; none until an admin saves. */
@Injectable()
export class DeadlinePeriodSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(manager: EntityManager = this.dataSource.manager): Promise<DeadlinePeriodSettingsEntity | null> {
    return manager.findOneBy(DeadlinePeriodSettingsEntity, { id: SETTINGS_ID });
  }

  async save(
    days: Partial<Record<DeadlinePeriodId, number | null>> & Record<string, number | null>,
    actorId: string,
  ): Promise<void> {
    await this.dataSource.manager.upsert(
      DeadlinePeriodSettingsEntity,
      { id: SETTINGS_ID, days, updatedById: actorId },
      ['id'],
    );
  }
}
