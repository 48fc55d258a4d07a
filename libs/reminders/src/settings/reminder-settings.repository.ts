import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { lockUntilCommit } from '@app/database';
import type { DeadlineKind } from '@app/work-permits';
import {
  DEADLINE_KINDS,
  DEFAULT_REMINDER_POLICY,
  normaliseOffsets,
  type ReminderPolicy,
} from '../rules/reminder-policy';
import { ReminderSettingsEntity } from './reminder-settings.entity';

export interface StoredReminderPolicy {
  policy: ReminderPolicy;
  /** Null while the firm runs on the defaults. */
  updatedAt: Date | null;
  updatedById: string | null;
}

const SETTINGS_ID = 1;

/** Reads and writes the single settings row; the defaults apply until an admin saves. */
@Injectable()
export class ReminderSettingsRepository {
  constructor(
    @InjectRepository(ReminderSettingsEntity) private readonly settings: Repository<ReminderSettingsEntity>,
  ) {}

  async current(manager: EntityManager = this.settings.manager): Promise<StoredReminderPolicy> {
    const row = await manager.findOneBy(ReminderSettingsEntity, { id: SETTINGS_ID });
    if (!row) {
      return { policy: structuredClone(DEFAULT_REMINDER_POLICY), updatedAt: null, updatedById: null };
    }
    const offsets = Object.fromEntries(
      DEADLINE_KINDS.map((kind) => [
        kind,
        normaliseOffsets(row.offsets[kind] ?? DEFAULT_REMINDER_POLICY.offsets[kind]),
      ]),
    ) as Record<DeadlineKind, number[]>;
    return {
      policy: {
        sendHour: row.sendHour,
        offsets,
        notifyAssistants: row.notifyAssistants,
        escalateOverdue: row.escalateOverdue,
        dailyDigest: row.dailyDigest,
      },
      updatedAt: row.updatedAt,
      updatedById: row.updatedById,
    };
  }

  /** Locks the row (or the absence of it) for a change: concurrent saves apply one after the other. */
  async lock(manager: EntityManager): Promise<void> {
    await lockUntilCommit(manager, 'reminder_settings');
  }

  async save(manager: EntityManager, policy: ReminderPolicy, actorId: string | null): Promise<void> {
    await manager.upsert(
      ReminderSettingsEntity,
      {
        id: SETTINGS_ID,
        sendHour: policy.sendHour,
        offsets: Object.fromEntries(DEADLINE_KINDS.map((k) => [k, normaliseOffsets(policy.offsets[k])])),
        notifyAssistants: policy.notifyAssistants,
        escalateOverdue: policy.escalateOverdue,
        dailyDigest: policy.dailyDigest,
        updatedById: actorId,
      },
      ['id'],
    );
  }
}
