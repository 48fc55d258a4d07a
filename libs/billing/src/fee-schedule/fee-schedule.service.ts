import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { Clock, isUuid, ValidationFailedError } from '@app/shared';
import { calendarDateIn, type WorkPermitStream } from '@app/work-permits';
import { BillingError, BillingErrorCode } from '../billing.errors';
import { governmentFeesOn } from '../rules/government-fees';
import { EXAMPLE_FEE_SCHEDULE } from './example-fee-schedule';
import {
  FeeScheduleRepository,
  type FeeScheduleService as FeeScheduleServiceRecord,
} from './fee-schedule.repository';
import { feeTerms, type FeeTerms, type TermsLanguage } from './rules/fee-terms';
import { feeScheduleProblems, type FeeScheduleServiceInput } from './rules/milestones';

const SUBJECT_TYPE = 'fee_schedule_service';
const NAME_INDEX = 'uq_fee_schedule_services__name';

/** The fee terms of an agreement drawn from a service, with the service they came from. */
export interface ServiceFeeTerms extends FeeTerms {
  serviceId: string;
}

/**
 * The firm's fee schedule: services with a default professional fee, the government fees that usually apply and
 * a milestone payment plan. Admins write it, every staff member reads it, agreement drafts draw their fee section
 * from it. Every write is one transaction with its audit event.
 */
@Injectable()
export class FeeScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: FeeScheduleRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  list(): Promise<FeeScheduleServiceRecord[]> {
    return this.repository.listAll();
  }

  async create(input: FeeScheduleServiceInput, actor: StaffUser): Promise<FeeScheduleServiceRecord> {
    const clean = checked(input);
    const id = await this.writing(() =>
      this.dataSource.transaction(async (manager) => {
        const id = await this.repository.insert(manager, {
          ...serviceColumns(clean),
          updatedById: actor.id,
        });
        await this.repository.replaceMilestones(manager, id, clean.milestones);
        await this.record(manager, actor, id, 'fee_schedule.service_created', auditView(clean));
        return id;
      }),
    );
    return this.require(id);
  }

  /** Replaces the service as a whole, its milestones included. */
  async update(
    id: string,
    input: FeeScheduleServiceInput,
    actor: StaffUser,
  ): Promise<FeeScheduleServiceRecord> {
    const clean = checked(input);
    await this.writing(() =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.repository.lock(manager, id))) {
          throw notFound();
        }
        const before = (await this.repository.findById(id, manager)) as FeeScheduleServiceRecord;
        await this.repository.update(manager, id, { ...serviceColumns(clean), updatedById: actor.id });
        await this.repository.replaceMilestones(manager, id, clean.milestones);
        const changes = diffFields(auditView(before), auditView(clean));
        await this.record(manager, actor, id, 'fee_schedule.service_updated', changes);
      }),
    );
    return this.require(id);
  }

  /**
   * The fee sections of an agreement drawn from an active service, in `language`, the government fees at today's
   * amounts. An unknown or inactive service is a 400 naming `feeScheduleServiceId`.
   */
  async termsFor(
    serviceId: string,
    language: TermsLanguage,
    manager?: EntityManager,
  ): Promise<ServiceFeeTerms> {
    const service = isUuid(serviceId) ? await this.repository.findById(serviceId, manager) : null;
    if (!service) {
      throw ValidationFailedError.field(
        'feeScheduleServiceId',
        'feeScheduleServiceId names no service of the fee schedule',
      );
    }
    if (!service.active) {
      throw ValidationFailedError.field(
        'feeScheduleServiceId',
        `feeScheduleServiceId names “${service.name}”, which is inactive: make it active or choose another service`,
      );
    }
    const on = calendarDateIn(this.clock.now(), this.config.firmTimeZone);
    const inForce = governmentFeesOn(on);
    const governmentFees = service.governmentFeeKeys.flatMap((key) =>
      inForce.filter((fee) => fee.key === key),
    );
    const terms = feeTerms({ ...service, governmentFees, on }, language);
    return { serviceId: service.id, ...terms };
  }

  /** Loads the example schedule into an empty fee schedule (the demo firm); returns how many services it added. */
  async loadExamplesIfEmpty(actor: StaffUser): Promise<number> {
    if (!(await this.repository.isEmpty())) {
      return 0;
    }
    for (const example of EXAMPLE_FEE_SCHEDULE) {
      await this.create(example, actor);
    }
    return EXAMPLE_FEE_SCHEDULE.length;
  }

  private async require(id: string): Promise<FeeScheduleServiceRecord> {
    const service = await this.repository.findById(id);
    if (!service) {
      throw notFound();
    }
    return service;
  }

  /** A name another service holds is a 409 naming `name`, not a 500. */
  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, NAME_INDEX)) {
        throw new BillingError(
          BillingErrorCode.FeeScheduleNameTaken,
          'Another service of the fee schedule has this name',
          { name: ['name is already the name of another service of the fee schedule'] },
        );
      }
      throw error;
    }
  }

  private record(
    manager: EntityManager,
    actor: StaffUser,
    subjectId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: actor.id,
      action,
      subjectType: SUBJECT_TYPE,
      subjectId,
      changes,
    });
  }
}

function notFound(): BillingError {
  return new BillingError(
    BillingErrorCode.FeeScheduleServiceNotFound,
    'No service of the fee schedule with this id',
  );
}

/** The input trimmed and checked: a 400 naming every bad field at once. */
function checked(input: FeeScheduleServiceInput): FeeScheduleServiceInput {
  const clean: FeeScheduleServiceInput = {
    ...input,
    name: input.name.trim(),
    nameFr: input.nameFr.trim(),
    milestones: input.milestones.map((m) => ({ ...m, label: m.label.trim(), labelFr: m.labelFr.trim() })),
  };
  const problems = feeScheduleProblems(clean);
  if (Object.keys(problems).length > 0) {
    throw new ValidationFailedError(problems);
  }
  return clean;
}

function serviceColumns(input: FeeScheduleServiceInput) {
  return {
    name: input.name,
    nameFr: input.nameFr,
    stream: input.stream as WorkPermitStream | null,
    professionalFeeCents: input.professionalFeeCents,
    governmentFeeKeys: input.governmentFeeKeys,
    active: input.active,
  };
}

function auditView(s: FeeScheduleServiceInput | FeeScheduleServiceRecord): Record<string, unknown> {
  return {
    name: s.name,
    nameFr: s.nameFr,
    stream: s.stream,
    professionalFeeCents: s.professionalFeeCents,
    governmentFeeKeys: s.governmentFeeKeys,
    milestones: s.milestones.map((m) => ({ label: m.label, labelFr: m.labelFr, amountCents: m.amountCents })),
    active: s.active,
  };
}
