import {
  isProvinceCode,
  PROVINCE_CODES,
  type Noc2016Successors,
  type NocUnitGroup,
} from '@app/reference-data';
import type { FieldErrors } from '@app/shared';
import type { UpdateFileInput } from '../work-permit-file.types';
import { FILE_KEY_DATE_FIELDS } from '../work-permit-file.types';
import { isCalendarDate } from './calendar-dates';
import {
  BUSINESS_NUMBER_PATTERN,
  IRCC_APPLICATION_NUMBER_PATTERN,
  MAX_WAGE,
  NOC_2021_PATTERN,
  WAGE_PERIODS,
} from './formats';
import { ErrorList } from './stream-blocks';

export interface NocLookups {
  nocUnitGroup(code: string): NocUnitGroup | undefined;
  noc2016Successors(code: string): Noc2016Successors | undefined;
}

/**
 * Why a code is not a NOC 2021 unit group, or null when it is one. A 4-digit NOC 2016 code is answered with
 * its NOC 2021 successors, so the consultant can pick the right one.
 */
export function nocCodeProblem(code: string, noc: NocLookups): string | null {
  if (NOC_2021_PATTERN.test(code)) {
    return noc.nocUnitGroup(code) ? null : `${code} is not one of the 516 NOC 2021 unit groups`;
  }
  if (/^\d{4}$/.test(code)) {
    const old = noc.noc2016Successors(code);
    if (old && old.successors.length > 0) {
      const successors = old.successors.map((group) => `${group.code} ${group.title}`).join('; ');
      return (
        `${code} is a NOC 2016 code (${old.noc2016Title}); files use NOC 2021 since 2022-11-16. ` +
        `Its NOC 2021 successors: ${successors}`
      );
    }
  }
  return `${code} is not a NOC 2021 unit group (5 digits, e.g. 21232)`;
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/** Checks the top-level fields a request gives (the stream blocks have their own rules). */
export function checkFileFields(input: UpdateFileInput, noc: NocLookups): FieldErrors {
  const errors = new ErrorList();
  if (isSet(input.nocCode)) {
    const problem = nocCodeProblem(input.nocCode, noc);
    if (problem) {
      errors.add('nocCode', problem);
    }
  }
  if (isSet(input.province) && !isProvinceCode(input.province)) {
    errors.add('province', `province must be one of ${PROVINCE_CODES.join(', ')}`);
  }
  const businessNumber = input.employer?.businessNumber;
  if (isSet(businessNumber) && !BUSINESS_NUMBER_PATTERN.test(businessNumber)) {
    errors.add(
      'employer.businessNumber',
      'employer.businessNumber must be the 9 digits of a CRA business number',
    );
  }
  if (isSet(input.employer?.name) && input.employer.name.trim() === '') {
    errors.add('employer.name', 'employer.name must not be empty');
  }
  if (
    isSet(input.workLocation) &&
    (input.workLocation.trim() === '' || input.workLocation.trim().length > 100)
  ) {
    errors.add('workLocation', 'workLocation must be a CMA or municipality name of 1 to 100 characters');
  }
  if (isSet(input.jobTitle) && input.jobTitle.trim() === '') {
    errors.add('jobTitle', 'jobTitle must not be empty');
  }
  const application = input.irccApplicationNumber;
  if (isSet(application) && !IRCC_APPLICATION_NUMBER_PATTERN.test(application)) {
    errors.add(
      'irccApplicationNumber',
      'irccApplicationNumber must be a letter and 9 digits, e.g. W301234567',
    );
  }
  if (isSet(input.wage)) {
    const { amount, period } = input.wage;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > MAX_WAGE) {
      errors.add('wage.amount', `wage.amount must be a positive amount up to ${MAX_WAGE}`);
    } else if (Math.round(amount * 100) / 100 !== amount) {
      errors.add('wage.amount', 'wage.amount has at most 2 decimals');
    }
    if (!(WAGE_PERIODS as readonly string[]).includes(period)) {
      errors.add('wage.period', `wage.period must be one of ${WAGE_PERIODS.join(', ')}`);
    }
  }
  for (const field of FILE_KEY_DATE_FIELDS) {
    const value = input[field];
    if (isSet(value) && !isCalendarDate(value)) {
      errors.add(field, `${field} must be a date written YYYY-MM-DD`);
    }
  }
  return errors.fields;
}
