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
  const status = oneOf(source, ['active', 'pilot', 'pilot_closed_check', 'pilot_closed'] as const, `${what} status`);
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
    notes: source.notes ?? null,
    confidence: source.confidence,
    sourceUrl: source.source_url ?? null,
  };
}

/** "A, B or C" */
function either(codes: readonly string[]): string {
  return codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
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
    case 'pilot_closed_check':
      return `${code.code} belongs to a pilot that may have closed; check IRCC's instructions before using it`;
    case 'active':
    case 'pilot':
      return `${code.code} is a current exemption code`;
    default: {
      const unknown: never = code.status;
      return `${code.code} has status ${String(unknown)}`;
    }
  }
}

export interface ExemptionCodeFilter {
  /** `current`: only codes a new file may use. Default `all`. */
  status?: 'current' | 'all';
  /** A code ("C4" finds C41..C49) or words of the title, all of which must match. */
  q?: string;
}

/** Codes matching a filter, in the order given. */
export function filterExemptionCodes(codes: readonly ExemptionCode[], filter: ExemptionCodeFilter): ExemptionCode[] {
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
