import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FeeScheduleService, type ServiceFeeTerms } from '@app/billing';
import { ValidationFailedError } from '@app/shared';

/** What the staff write into a draft besides the records. */
export interface DraftTerms {
  servicesDescription: string;
  professionalFees: string;
  irccFees: string;
  paymentSchedule: string;
}

/**
 * A draft's terms as the staff give them: the fee sections may come from a fee-schedule service instead, and any
 * of them written here overrides the service's.
 */
export interface DraftTermsInput {
  servicesDescription: string;
  feeScheduleServiceId?: string | null;
  professionalFees?: string | null;
  irccFees?: string | null;
  paymentSchedule?: string | null;
}

const FEE_TERMS = ['professionalFees', 'irccFees', 'paymentSchedule'] as const;

/** The fee sections of an agreement draft: written by the staff, drawn from the fee schedule, or both. */
@Injectable()
export class AgreementFeeTerms {
  constructor(private readonly feeSchedule: FeeScheduleService) {}

  fromService(serviceId: string, language: 'en' | 'fr', manager?: EntityManager): Promise<ServiceFeeTerms> {
    return this.feeSchedule.termsFor(serviceId, language, manager);
  }

  /** The terms to merge: the staff's own, else the service's; every fee section must come from one or the other. */
  async resolve(
    input: DraftTermsInput,
    language: 'en' | 'fr',
    manager: EntityManager,
  ): Promise<{ terms: DraftTerms; feeScheduleServiceId: string | null }> {
    const fromService = input.feeScheduleServiceId
      ? await this.fromService(input.feeScheduleServiceId, language, manager)
      : null;
    const written = (name: (typeof FEE_TERMS)[number]) => input[name]?.trim() || null;
    const missing = FEE_TERMS.filter((name) => !written(name) && !fromService);
    if (missing.length > 0) {
      throw new ValidationFailedError(
        Object.fromEntries(
          missing.map((name) => [
            name,
            [`${name} must be written, or feeScheduleServiceId given to draw it from`],
          ]),
        ),
      );
    }
    const pick = (name: (typeof FEE_TERMS)[number]) =>
      written(name) ?? (fromService as ServiceFeeTerms)[name];
    return {
      terms: {
        servicesDescription: input.servicesDescription,
        professionalFees: pick('professionalFees'),
        irccFees: pick('irccFees'),
        paymentSchedule: pick('paymentSchedule'),
      },
      feeScheduleServiceId: fromService?.serviceId ?? null,
    };
  }
}
