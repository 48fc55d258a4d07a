import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ValidationFailedError } from '@app/shared';
import { DeadlineReminders } from '../deadlines/deadline-reminders.service';
import type { PlanOutcome } from '../reminder-planner';
import { checkPolicy, normaliseOffsets, DEADLINE_KINDS, type ReminderPolicy } from '../rules/reminder-policy';
import { ReminderSettingsRepository, type StoredReminderPolicy } from './reminder-settings.repository';

export interface PolicyUpdateResult extends StoredReminderPolicy {
  /** What the re-plan of open deadlines changed. */
  replanned: { deadlines: number } & PlanOutcome;
}

/** The firm's reminder policy: read by anyone who plans, changed by admins (then every open deadline re-plans). */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ReminderSettingsRepository,
    private readonly deadlines: DeadlineReminders,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<StoredReminderPolicy> {
    return this.settings.current();
  }

  /**
   * Saves the policy (audited) and re-plans the future reminders of open deadlines in batches. If the process
   * stops during the re-plan, saving the same policy again finishes it (planning is idempotent).
   */
  async update(input: ReminderPolicy, actor: StaffUser): Promise<PolicyUpdateResult> {
    const errors = checkPolicy(input);
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedError(errors);
    }
    const policy: ReminderPolicy = {
      ...input,
      offsets: Object.fromEntries(
        DEADLINE_KINDS.map((k) => [k, normaliseOffsets(input.offsets[k])]),
      ) as ReminderPolicy['offsets'],
    };
    await this.dataSource.transaction(async (manager) => {
      await this.settings.lock(manager);
      const before = await this.settings.current(manager);
      await this.settings.save(manager, policy, actor.id);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(policy) as (keyof ReminderPolicy)[]) {
        if (JSON.stringify(before.policy[key]) !== JSON.stringify(policy[key])) {
          changes[key] = [before.policy[key], policy[key]];
        }
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'reminder_settings.updated',
        subjectType: 'reminder_settings',
        subjectId: '00000000-0000-0000-0000-000000000001',
        changes,
      });
    });
    const replanned = await this.deadlines.replanAll();
    return { ...(await this.settings.current()), replanned };
  }
}
