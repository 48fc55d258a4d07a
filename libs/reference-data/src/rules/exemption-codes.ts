import type { CodePermitType, ExemptionCode, ExemptionCodeStatus } from '../reference-data.types';
import { foldText, matchesAllWords, words } from './text-search';

/** One row of imp-exemption-codes.json as published. */
export interface SourceExemptionCode {
  code: string;
  title: string;
  regulation: string | null;
  category: string;
  subcategory: string | null;
  agreement: string | null;
  permit_type: string;
  employer_portal_offer_required: boolean | string;
  employer_compliance_fee: string;
  open_work_permit_holder_fee: string;
  legacy_code_before_2022_12_15: string | null;
  status: string;
  confidence: string;
  notes: string | null;
  source_url: string | null;
  replaced_by: string[] | null;
  offer_note?: string | null;
  closed_to_new_applications_on?: string | null;
  status_note?: string | null;
  status_source_url?: string | null;
  restricted_from?: string | null;
  restriction_note?: string | null;
  checked_on: string;
  review_by: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOrNull(value: string | null | undefined, what: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!DATE.test(value)) {
    throw new Error(`${what}: ${JSON.stringify(value)} is not a date written YYYY-MM-DD`);
  }
  return value;
}

function requiredDate(value: string | null | undefined, what: string): string {
  const date = dateOrNull(value, what);
  if (date === null) {
    throw new Error(`${what} is required`);
  }
  return date;
}

const CURRENT_STATUSES: ReadonlySet<ExemptionCodeStatus> = new Set(['active', 'pilot', 'pilot_closed_check']);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${what}: unexpected value ${JSON.stringify(value)}`);
  }
  return value as T;
}

function mapStatus(source: string, what: string): { status: ExemptionCodeStatus; retiredOn: string | null } {
  const retired = /^retired_(\d{4}-\d{2}-\d{2})$/.exec(source);
  if (retired) {
    return { status: 'retired', retiredOn: retired[1] };
  }
  const status = oneOf(
    source,
    ['active', 'pilot', 'pilot_closed_check', 'pilot_closed', 'closed'] as const,
    `${what} status`,
  );
  return { status, retiredOn: null };
}

function mapPermitType(source: string, what: string): { permitType: CodePermitType; isRestricted: boolean } {
  if (source === 'open_restricted') {
    return { permitType: 'open', isRestricted: true };
  }
  const permitType = oneOf(source, ['open', 'employer_specific', 'varies'] as const, `${what} permit_type`);
  return { permitType, isRestricted: false };
}

function mapOfferRequired(source: boolean | string, what: string): boolean | 'varies' {
  if (typeof source === 'boolean') {
    return source;
  }
  // "likely": the code page implies an offer without saying so; treat it as required.
  return oneOf(source, ['likely', 'varies'] as const, `${what} employer_portal_offer_required`) === 'likely'
    ? true
    : 'varies';
}

/** The product's view of one published exemption code; throws on a value the product does not know. */
export function toExemptionCode(source: SourceExemptionCode): ExemptionCode {
  const what = `exemption code ${source.code}`;
  if (!/^[A-Z]\d{2}$/.test(source.code)) {
    throw new Error(`${what}: a code is a letter and two digits`);
  }
  const { status, retiredOn } = mapStatus(source.status, what);
  const { permitType, isRestricted } = mapPermitType(source.permit_type, what);
  return {
    code: source.code,
    title: source.title,
    regulation: source.regulation ?? null,
    category: source.category,
    subcategory: source.subcategory ?? null,
    agreement: source.agreement ?? null,
    permitType,
    isRestricted,
    employerPortalOfferRequired: mapOfferRequired(source.employer_portal_offer_required, what),
    offerNote: source.offer_note ?? null,
    employerComplianceFee: oneOf(
      source.employer_compliance_fee,
      ['required', 'not_applicable', 'varies', 'exempt'] as const,
      `${what} employer_compliance_fee`,
    ),
    openWorkPermitHolderFee: oneOf(
      source.open_work_permit_holder_fee,
      ['required', 'not_applicable', 'varies', 'unclear', 'exempt'] as const,
      `${what} open_work_permit_holder_fee`,
    ),
    status,
    retiredOn,
    replacedBy: source.replaced_by && source.replaced_by.length > 0 ? [...source.replaced_by] : null,
    isCurrent: CURRENT_STATUSES.has(status),
    closedOn: dateOrNull(source.closed_to_new_applications_on, `${what} closed_to_new_applications_on`),
    statusNote: source.status_note ?? null,
    statusSourceUrl: source.status_source_url ?? null,
    restrictedFrom: dateOrNull(source.restricted_from, `${what} restricted_from`),
    restrictionNote: source.restriction_note ?? null,
    checkedOn: requiredDate(source.checked_on, `${what} checked_on`),
    reviewBy: requiredDate(source.review_by, `${what} review_by`),
    notes: source.notes ?? null,
    confidence: source.confidence,
    sourceUrl: source.source_url ?? null,
  };
}

/** "A, B or C" */
function either(codes: readonly string[]): string {
  return codes.length <= 1
    ? codes.join('')
    : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
}

/**
 * Why a code takes no new files, in words fit for a 400 message:
 * "C12 was retired on 2022-12-15; use C61, C62 or C63 instead".
 */
export function describeRetiredCode(code: ExemptionCode): string {
  switch (code.status) {
    case 'retired': {
      const since = code.retiredOn ? ` on ${code.retiredOn}` : '';
      const instead = code.replacedBy?.length ? `; use ${either(code.replacedBy)} instead` : '';
      return `${code.code} was retired${since}${instead}`;
    }
    case 'pilot_closed':
      return `${code.code} belongs to a pilot that has closed; it stays valid only on existing files`;
    case 'closed': {
      const since = code.closedOn ? ` on ${code.closedOn}` : '';
      const instead = code.replacedBy?.length ? `; use ${either(code.replacedBy)} instead` : '';
      return `${code.code} closed to new applications${since}${instead}`;
    }
    case 'pilot_closed_check': {
      const since = code.closedOn ? ` (closed to new applications on ${code.closedOn})` : '';
      return `${code.code} belongs to a pilot that may have closed${since}; check IRCC's instructions before using it`;
    }
    case 'active':
    case 'pilot':
      return `${code.code} is a current exemption code`;
    default: {
      const unknown: never = code.status;
      return `${code.code} has status ${String(unknown)}`;
    }
  }
}

/** A warning in words for staff (`message`, English) with a code and values the UI renders in either language. */
export interface RuleWarning {
  code: string;
  message: string;
  params: Record<string, string | number | null>;
}

/**
 * What a file using this code should be warned about: the code closed to new applications (with the date and its
 * replacement), a pilot that may have closed, eligibility narrowed since a date. Old files keep their code; these
 * are warnings, not refusals.
 */
export function exemptionCodeWarningDetails(code: ExemptionCode): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  if (code.status === 'closed' || code.status === 'pilot_closed' || code.status === 'retired') {
    warnings.push({
      code: 'exemption_code_closed',
      message: `${describeRetiredCode(code)}; it stays valid only on files opened before`,
      params: {
        exemptionCode: code.code,
        status: code.status,
        closedOn: code.closedOn ?? code.retiredOn ?? null,
        replacedBy: code.replacedBy?.length ? code.replacedBy.join(', ') : null,
      },
    });
  } else if (code.status === 'pilot_closed_check') {
    warnings.push({
      code: 'exemption_code_pilot_check',
      message: describeRetiredCode(code),
      params: { exemptionCode: code.code, closedOn: code.closedOn ?? null },
    });
  }
  if (code.restrictedFrom) {
    warnings.push({
      code: 'exemption_code_restricted',
      message:
        `${code.code}: eligibility narrowed from ${code.restrictedFrom}. ${code.restrictionNote ?? ''}`.trim(),
      params: {
        exemptionCode: code.code,
        restrictedFrom: code.restrictedFrom,
        note: code.restrictionNote ?? null,
      },
    });
  }
  return warnings;
}

/** The warnings of a code, as words for staff (the reference endpoint lists these). */
export function exemptionCodeWarnings(code: ExemptionCode): string[] {
  return exemptionCodeWarningDetails(code).map((warning) => warning.message);
}

export interface ExemptionCodeFilter {
  /** `current`: only codes a new file may use. Default `all`. */
  status?: 'current' | 'all';
  /** A code ("C4" finds C41..C49) or words of the title, all of which must match. */
  q?: string;
}

/** Codes matching a filter, in the order given. */
export function filterExemptionCodes(
  codes: readonly ExemptionCode[],
  filter: ExemptionCodeFilter,
): ExemptionCode[] {
  const currentOnly = filter.status === 'current';
  const query = (filter.q ?? '').trim();
  const queryWords = words(query);
  const codePrefix = foldText(query);
  return codes.filter((code) => {
    if (currentOnly && !code.isCurrent) {
      return false;
    }
    if (queryWords.length === 0) {
      return true;
    }
    return foldText(code.code).startsWith(codePrefix) || matchesAllWords(queryWords, words(code.title));
  });
}
