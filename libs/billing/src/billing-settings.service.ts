import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { addFieldError, throwIfFieldErrors, type FieldErrors } from '@app/shared';
import { BillingSettingsEntity } from './entities/billing-settings.entity';
import { GST_HST_NUMBER, normalizeTaxNumber, QST_NUMBER } from './rules/tax-numbers';

export interface BillingSettings {
  gstHstNumber: string | null;
  qstNumber: string | null;
}

const SUBJECT_ID = '00000000-0000-0000-0000-000000000001';

/** The firm's tax registration numbers (one row): admins set them, issuing an invoice copies them onto it. */
@Injectable()
export class BillingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async current(manager?: EntityManager): Promise<BillingSettings> {
    const row = await (manager ?? this.dataSource.manager).findOneBy(BillingSettingsEntity, { id: 1 });
    return { gstHstNumber: row?.gstHstNumber ?? null, qstNumber: row?.qstNumber ?? null };
  }

  /** Replaces both numbers (null clears one); each checked against its format, 400 naming the field. */
  async update(input: BillingSettings, actor: StaffUser): Promise<BillingSettings> {
    const errors: FieldErrors = {};
    const gstHstNumber = input.gstHstNumber === null ? null : normalizeTaxNumber(input.gstHstNumber);
    const qstNumber = input.qstNumber === null ? null : normalizeTaxNumber(input.qstNumber);
    if (gstHstNumber !== null && !GST_HST_NUMBER.test(gstHstNumber)) {
      addFieldError(
        errors,
        'gstHstNumber',
        'must be the 9-digit business number, RT and 4 digits (123456789RT0001)',
      );
    }
    if (qstNumber !== null && !QST_NUMBER.test(qstNumber)) {
      addFieldError(errors, 'qstNumber', 'must be 10 digits, TQ and 4 digits (1234567890TQ0001)');
    }
    throwIfFieldErrors(errors);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.current(manager);
      await manager.upsert(BillingSettingsEntity, { id: 1, gstHstNumber, qstNumber, updatedById: actor.id }, [
        'id',
      ]);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'billing_settings.updated',
        subjectType: 'billing_settings',
        subjectId: SUBJECT_ID,
        changes: {
          gstHstNumber: [before.gstHstNumber, gstHstNumber],
          qstNumber: [before.qstNumber, qstNumber],
        },
      });
    });
    return this.current();
  }
}
