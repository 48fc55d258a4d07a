import { describeRetiredCode, LMIA_STREAMS, type ExemptionCode } from '@app/reference-data';
import { FieldErrorList as ErrorList, type FieldErrors } from '@app/shared';
import { LmiaStatus, WorkPermitStream } from '../entities/work-permit-file.entity';
import type { ImpInput, ImpPermitType, TfwpInput } from '../work-permit-file.types';
import { addMonths, isCalendarDate } from './calendar-dates';
import { EXEMPTION_CODE_PATTERN, LMIA_NUMBER_PATTERN, OFFER_OF_EMPLOYMENT_NUMBER_PATTERN } from './formats';

/** The stream-specific columns of a file: the LMIA (TFWP) or the exemption (IMP). */
export interface StreamColumns {
  lmiaStream: string | null;
  lmiaStatus: LmiaStatus | null;
  lmiaNumber: string | null;
  lmiaIssuedOn: string | null;
  lmiaExpiresOn: string | null;
  exemptionCode: string | null;
  impPermitType: ImpPermitType | null;
  offerOfEmploymentNumber: string | null;
  complianceFeePaid: boolean | null;
}

export const NO_STREAM_COLUMNS: StreamColumns = {
  lmiaStream: null,
  lmiaStatus: null,
  lmiaNumber: null,
  lmiaIssuedOn: null,
  lmiaExpiresOn: null,
  exemptionCode: null,
  impPermitType: null,
  offerOfEmploymentNumber: null,
  complianceFeePaid: null,
};

export interface StreamBlockChange {
  stream: WorkPermitStream;
  /** The file's columns before the change; undefined when the file is being opened. */
  current?: StreamColumns;
  /** The employer name the file will carry after the change. */
  employerName: string | null;
  /** The day the application went to IRCC, when the file records one (a closed code is accepted for it). */
  submittedOn?: string | null;
  /** undefined: not part of the change. */
  tfwp?: TfwpInput | null;
  imp?: ImpInput | null;
}

export interface StreamRuleContext {
  exemptionCode(code: string): ExemptionCode | undefined;
  /** Months a positive LMIA may be used to apply (6). */
  lmiaValidityMonths: number;
}

export type StreamBlockResult = { ok: true; columns: StreamColumns } | { ok: false; errors: FieldErrors };

/**
 * Applies the stream rules to a new file or to a change of one: a TFWP file carries an LMIA and no exemption
 * code, an IMP file an exemption code and no LMIA; the code decides open or employer-specific; an
 * employer-specific permit needs the employer and its Employer Portal offer number. Returns the columns to
 * store, or the errors keyed by request field path.
 */
export function applyStreamBlocks(change: StreamBlockChange, context: StreamRuleContext): StreamBlockResult {
  const errors = new ErrorList();
  const apply = change.stream === WorkPermitStream.Tfwp ? applyTfwp : applyImp;
  const columns = apply(change, context, errors);
  return errors.isEmpty() ? { ok: true, columns } : { ok: false, errors: errors.fields };
}

function applyTfwp(change: StreamBlockChange, context: StreamRuleContext, errors: ErrorList): StreamColumns {
  const { current, tfwp } = change;
  if (change.imp !== undefined && change.imp !== null) {
    errors.add(
      'imp',
      'A TFWP file carries no exemption code: imp is for IMP files only (send tfwp with the LMIA)',
    );
  }
  if (tfwp === null || (current === undefined && tfwp === undefined)) {
    errors.add('tfwp', 'A TFWP file needs tfwp with its LMIA (lmiaStream and lmiaStatus)');
    return { ...NO_STREAM_COLUMNS };
  }
  const before = current ?? NO_STREAM_COLUMNS;
  const given = tfwp ?? {};
  const lmiaStream = pick(given.lmiaStream, before.lmiaStream);
  const lmiaStatus = pick(given.lmiaStatus, before.lmiaStatus);
  const lmiaNumber = pick(given.lmiaNumber, before.lmiaNumber);
  const lmiaIssuedOn = pick(given.lmiaIssuedOn, before.lmiaIssuedOn);

  if (!lmiaStream) {
    errors.add('tfwp.lmiaStream', 'tfwp.lmiaStream is required');
  } else if (!(LMIA_STREAMS as readonly string[]).includes(lmiaStream)) {
    errors.add('tfwp.lmiaStream', `tfwp.lmiaStream must be one of ${LMIA_STREAMS.join(', ')}`);
  }
  if (!lmiaStatus) {
    errors.add('tfwp.lmiaStatus', 'tfwp.lmiaStatus is required');
  } else if (!(Object.values(LmiaStatus) as string[]).includes(lmiaStatus)) {
    errors.add('tfwp.lmiaStatus', `tfwp.lmiaStatus must be one of ${Object.values(LmiaStatus).join(', ')}`);
  }
  if (lmiaNumber !== null && !LMIA_NUMBER_PATTERN.test(lmiaNumber)) {
    errors.add('tfwp.lmiaNumber', 'tfwp.lmiaNumber must be 7 to 10 digits');
  }
  if (lmiaIssuedOn !== null && !isCalendarDate(lmiaIssuedOn)) {
    errors.add('tfwp.lmiaIssuedOn', 'tfwp.lmiaIssuedOn must be a date written YYYY-MM-DD');
  }
  const lmiaExpiresOn = lmiaExpiry(given, before, context.lmiaValidityMonths);
  if (lmiaExpiresOn !== null && !isCalendarDate(lmiaExpiresOn)) {
    errors.add('tfwp.lmiaExpiresOn', 'tfwp.lmiaExpiresOn must be a date written YYYY-MM-DD');
  } else if (lmiaExpiresOn !== null && lmiaIssuedOn !== null && lmiaExpiresOn < lmiaIssuedOn) {
    errors.add('tfwp.lmiaExpiresOn', 'tfwp.lmiaExpiresOn cannot be before tfwp.lmiaIssuedOn');
  }
  if (!change.employerName) {
    errors.add('employer.name', 'employer.name is required: an LMIA is issued to an employer');
  }
  return { ...NO_STREAM_COLUMNS, lmiaStream, lmiaStatus, lmiaNumber, lmiaIssuedOn, lmiaExpiresOn };
}

/**
 * The LMIA expiry: as given; else, when the issue date is set or moves, the issue date plus the validity,
 * unless the stored expiry was entered by hand (differs from the default of the old issue date).
 */
export function lmiaExpiry(
  given: TfwpInput,
  before: Pick<StreamColumns, 'lmiaIssuedOn' | 'lmiaExpiresOn'>,
  validityMonths: number,
): string | null {
  if (given.lmiaExpiresOn !== undefined) {
    return given.lmiaExpiresOn;
  }
  const issuedOn = pick(given.lmiaIssuedOn, before.lmiaIssuedOn);
  if (given.lmiaIssuedOn === undefined || issuedOn === before.lmiaIssuedOn) {
    return before.lmiaExpiresOn;
  }
  const wasDefault =
    before.lmiaExpiresOn === null ||
    (before.lmiaIssuedOn !== null &&
      isCalendarDate(before.lmiaIssuedOn) &&
      before.lmiaExpiresOn === addMonths(before.lmiaIssuedOn, validityMonths));
  if (!wasDefault) {
    return before.lmiaExpiresOn;
  }
  return issuedOn !== null && isCalendarDate(issuedOn) ? addMonths(issuedOn, validityMonths) : null;
}

function applyImp(change: StreamBlockChange, context: StreamRuleContext, errors: ErrorList): StreamColumns {
  const { current, imp } = change;
  if (change.tfwp !== undefined && change.tfwp !== null) {
    errors.add(
      'tfwp',
      'An IMP file carries no LMIA: tfwp is for TFWP files only (send imp with the exemption code)',
    );
  }
  if (imp === null || (current === undefined && imp === undefined)) {
    errors.add('imp', 'An IMP file needs imp with its exemption code');
    return { ...NO_STREAM_COLUMNS };
  }
  const before = current ?? NO_STREAM_COLUMNS;
  const given = imp ?? {};
  const codeText = pick(given.exemptionCode, before.exemptionCode)?.trim().toUpperCase() ?? null;
  const codeChanged = current === undefined || codeText !== before.exemptionCode;
  const result: StreamColumns = {
    ...NO_STREAM_COLUMNS,
    exemptionCode: codeText,
    impPermitType: before.impPermitType,
    offerOfEmploymentNumber: pick(given.offerOfEmploymentNumber, before.offerOfEmploymentNumber),
    complianceFeePaid: pick(given.complianceFeePaid, before.complianceFeePaid),
  };

  if (!codeText) {
    errors.add('imp.exemptionCode', 'imp.exemptionCode is required');
    return result;
  }
  const code = EXEMPTION_CODE_PATTERN.test(codeText) ? context.exemptionCode(codeText) : undefined;
  if (!code) {
    errors.add('imp.exemptionCode', `${codeText} is not an IMP exemption code on IRCC's list`);
    return result;
  }
  // A file recording an application made before the code closed may carry it (with a warning on the file).
  const appliedWhileOpen =
    code.status === 'closed' &&
    code.closedOn !== null &&
    !!change.submittedOn &&
    change.submittedOn < code.closedOn;
  if (codeChanged && !code.isCurrent && !appliedWhileOpen) {
    // A file already carrying a retired or closed code keeps it; only a new choice of code must be current.
    errors.add('imp.exemptionCode', `${describeRetiredCode(code)}; a new file cannot use it`);
    return result;
  }

  const permitType = permitTypeOf(code, given, before, codeChanged, errors);
  if (permitType === null) {
    return result;
  }
  result.impPermitType = permitType;
  if (permitType === 'employer_specific') {
    // Employers exempt from the compliance regime submit no offer: for codes whose requirement varies with the
    // employer, the number may be missing (the file then shows a warning), but a number given must be well formed.
    const offerRequired = code.employerPortalOfferRequired === true;
    if (result.offerOfEmploymentNumber === null && offerRequired) {
      errors.add(
        'imp.offerOfEmploymentNumber',
        `An employer-specific permit (${code.code}) needs the offer of employment number from the Employer Portal ` +
          '(A followed by 7 digits)',
      );
    } else if (
      result.offerOfEmploymentNumber !== null &&
      !OFFER_OF_EMPLOYMENT_NUMBER_PATTERN.test(result.offerOfEmploymentNumber)
    ) {
      errors.add(
        'imp.offerOfEmploymentNumber',
        'imp.offerOfEmploymentNumber must be A followed by 7 digits, e.g. A1234567',
      );
    }
    if (!change.employerName) {
      errors.add('employer.name', `employer.name is required for an employer-specific permit (${code.code})`);
    }
    result.complianceFeePaid = result.complianceFeePaid ?? false;
  } else {
    if (given.offerOfEmploymentNumber !== undefined && given.offerOfEmploymentNumber !== null) {
      errors.add(
        'imp.offerOfEmploymentNumber',
        `An open work permit (${code.code}) carries no offer of employment number`,
      );
    }
    if (given.complianceFeePaid === true) {
      errors.add(
        'imp.complianceFeePaid',
        `An open work permit (${code.code}) has no employer compliance fee`,
      );
    }
    // Switching to an open code drops what only an employer-specific permit carries.
    result.offerOfEmploymentNumber = null;
    result.complianceFeePaid = null;
  }
  return result;
}

function permitTypeOf(
  code: ExemptionCode,
  given: ImpInput,
  before: StreamColumns,
  codeChanged: boolean,
  errors: ErrorList,
): ImpPermitType | null {
  // On a change that keeps a `varies` code, the permit type chosen before still holds.
  const kept = codeChanged ? null : before.impPermitType;
  const requested = given.permitType !== undefined ? given.permitType : kept;
  if (code.permitType === 'varies') {
    if (requested !== 'open' && requested !== 'employer_specific') {
      errors.add(
        'imp.permitType',
        `${code.code} leads to an open or an employer-specific permit: set imp.permitType to open or employer_specific`,
      );
      return null;
    }
    return requested;
  }
  if (given.permitType !== undefined && given.permitType !== null && given.permitType !== code.permitType) {
    errors.add(
      'imp.permitType',
      `${code.code} leads to ${code.permitType === 'open' ? 'an open' : 'an employer-specific'} permit, ` +
        `not ${given.permitType}; leave imp.permitType out`,
    );
    return null;
  }
  return code.permitType;
}

/** The value a change gives, or the stored one when the change leaves it out. */
function pick<T>(given: T | undefined, before: T): T;
function pick<T>(given: T | null | undefined, before: T | null): T | null;
function pick<T>(given: T | null | undefined, before: T | null): T | null {
  return given === undefined ? before : given;
}

/** The field errors of a change, collected so one 400 names them all (the shared FieldErrorList). */
export { ErrorList };
