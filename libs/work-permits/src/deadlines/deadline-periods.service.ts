import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@app/auth';
import {
  DEADLINE_PERIOD_IDS,
  ReferenceDataService,
  type DeadlinePeriod,
  type DeadlinePeriodId,
} from '@app/reference-data';
import { ValidationFailedError } from '@app/shared';
import type { PeriodDays } from '../rules/letter-dates';
import { DeadlinePeriodSettingsRepository } from './deadline-period-settings.repository';

export const MAX_PERIOD_DAYS = 366;
export const MAX_VALIDITY_MONTHS = 120;

/**
 * Firm settings kept beside the periods: how long a kind of document stays good, in months, where the checklist
 * catalogue gives only a firm default. Setting name → checklist item key.
 */
export const DOCUMENT_VALIDITY_SETTINGS = {
  police_certificate_validity_months: 'police_certificates',
} as const;
type DocumentValiditySetting = keyof typeof DOCUMENT_VALIDITY_SETTINGS;

function isValiditySetting(id: string): id is DocumentValiditySetting {
  return id in DOCUMENT_VALIDITY_SETTINGS;
}

export interface FirmDeadlinePeriod extends DeadlinePeriod {
  /** The reference default (deadline-periods.json). */
  defaultDays: number | null;
  /** What the firm applies: its own setting, else the default. */
  firmDays: number | null;
  isFirmSetting: boolean;
}

/** The periods due dates are derived from: the reference defaults, which an admin may replace for the firm. */
@Injectable()
export class DeadlinePeriodsService {
  constructor(
    private readonly settings: DeadlinePeriodSettingsRepository,
    private readonly reference: ReferenceDataService,
  ) {}

  /** The days of each period the firm applies. */
  async days(manager?: EntityManager): Promise<PeriodDays> {
    const periods = await this.list(manager);
    return Object.fromEntries(periods.map((p) => [p.id, p.firmDays]));
  }

  /** The firm's validity in months by checklist item key, for the items it has set (else the catalogue's). */
  async documentValidityMonths(manager?: EntityManager): Promise<Partial<Record<string, number>>> {
    const row = await this.settings.find(manager);
    const months: Partial<Record<string, number>> = {};
    for (const [setting, itemKey] of Object.entries(DOCUMENT_VALIDITY_SETTINGS)) {
      const value = row?.days[setting];
      if (typeof value === 'number') {
        months[itemKey] = value;
      }
    }
    return months;
  }

  async list(manager?: EntityManager): Promise<FirmDeadlinePeriod[]> {
    const row = await this.settings.find(manager);
    return this.reference.deadlinePeriods().map((period) => {
      const own = row && period.id in row.days ? row.days[period.id] : undefined;
      return {
        ...period,
        defaultDays: period.days,
        firmDays: own === undefined ? period.days : own,
        isFirmSetting: own !== undefined,
      };
    });
  }

  /**
   * Sets the firm's days for the periods given (null: no default, the letter's date is needed; a period left out
   * goes back to the reference default). Existing deadlines keep their dates: only new letter dates use it.
   */
  async update(days: Record<string, number | null>, actor: StaffUser): Promise<FirmDeadlinePeriod[]> {
    const fields: Record<string, string[]> = {};
    for (const [id, value] of Object.entries(days)) {
      if (isValiditySetting(id)) {
        if (value !== null && (!Number.isInteger(value) || value < 1 || value > MAX_VALIDITY_MONTHS)) {
          fields[`days.${id}`] = [
            `days.${id} must be a whole number of months from 1 to ${MAX_VALIDITY_MONTHS}, or null`,
          ];
        }
      } else if (!(DEADLINE_PERIOD_IDS as readonly string[]).includes(id)) {
        fields[`days.${id}`] = [`unknown period; periods are ${DEADLINE_PERIOD_IDS.join(', ')}`];
      } else if (value !== null && (!Number.isInteger(value) || value < 1 || value > MAX_PERIOD_DAYS)) {
        fields[`days.${id}`] = [
          `days.${id} must be a whole number of days from 1 to ${MAX_PERIOD_DAYS}, or null`,
        ];
      }
    }
    if (Object.keys(fields).length > 0) {
      throw new ValidationFailedError(fields, 'Invalid deadline periods');
    }
    const kept = Object.fromEntries(
      Object.entries(days).filter(
        ([id, value]) =>
          (DEADLINE_PERIOD_IDS as readonly string[]).includes(id) ||
          (isValiditySetting(id) && value !== null),
      ),
    ) as Partial<Record<DeadlinePeriodId | DocumentValiditySetting, number | null>>;
    await this.settings.save(kept, actor.id);
    return this.list();
  }
}
