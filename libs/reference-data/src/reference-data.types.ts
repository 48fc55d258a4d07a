/** IRCC and ESDC reference data the product uses; loaded from libs/reference-data/data/ (see SOURCES.md there). */
import type { ProvinceCode } from './provinces';

export type PermitType = 'open' | 'employer_specific';

/** How IRCC's list describes the permit a code leads to; `varies` codes need the file to say which. */
export type CodePermitType = PermitType | 'varies';

/**
 * active and pilot codes take new files; pilot_closed_check codes take them with a warning; closed (to new
 * applications, on `closedOn`), pilot_closed and retired codes stay readable on old files only.
 */
export type ExemptionCodeStatus =
  'active' | 'pilot' | 'pilot_closed_check' | 'pilot_closed' | 'closed' | 'retired';

export interface ExemptionCode {
  code: string;
  title: string;
  regulation: string | null;
  category: string;
  subcategory: string | null;
  /** The trade agreement a code belongs to (CUSMA, CETA, ...), when it belongs to one. */
  agreement: string | null;
  permitType: CodePermitType;
  /** `open_restricted` in the source: an open permit with occupational restrictions. */
  isRestricted: boolean;
  /**
   * Whether the employer must submit the offer of employment through the Employer Portal (the `A` + 7 digits
   * number). `varies`: required unless the employer is exempt from the employer compliance regime (foreign
   * governments, diplomatic missions, international organisations, international bridge/tunnel operators).
   */
  employerPortalOfferRequired: boolean | 'varies';
  /** Why the offer requirement varies, with its source. */
  offerNote: string | null;
  employerComplianceFee: 'required' | 'not_applicable' | 'varies' | 'exempt';
  /** The $100 open work permit holder fee (R303.2). */
  openWorkPermitHolderFee: 'required' | 'not_applicable' | 'varies' | 'unclear' | 'exempt';
  status: ExemptionCodeStatus;
  /** Set on retired codes: the day IRCC stopped using them (2022-12-15). */
  retiredOn: string | null;
  /** Set on retired codes: the codes that replaced them on 2022-12-15. */
  replacedBy: string[] | null;
  /** Whether a new file may use this code. */
  isCurrent: boolean;
  /** The day IRCC stopped taking new applications under the code, when it did or will. */
  closedOn: string | null;
  /** What the status rests on (dates, successor, ambiguities), with statusSourceUrl. */
  statusNote: string | null;
  statusSourceUrl: string | null;
  /** The day eligibility under the code was narrowed (e.g. 2025-01-21 for family open work permits). */
  restrictedFrom: string | null;
  restrictionNote: string | null;
  /** When the row was last checked against its source, and when it must be checked again. */
  checkedOn: string;
  reviewBy: string;
  notes: string | null;
  /** How sure the source is of the row: high or medium. */
  confidence: string;
  sourceUrl: string | null;
}

/** API ids of LMIA streams (DESIGN.md): high_wage, low_wage, global_talent, agricultural, ... */
export const LMIA_STREAMS = [
  'high_wage',
  'low_wage',
  'global_talent',
  'agricultural',
  'seasonal_agricultural',
  'in_home_caregiver',
  'permanent_residence_only',
  'dual_intent',
] as const;
export type LmiaStreamId = (typeof LMIA_STREAMS)[number];

export interface LmiaStream {
  id: LmiaStreamId;
  name: string;
  criteria: string | null;
  /** ESDC processing fee per position; null when it depends on the employer (see lmiaFeeNote). */
  lmiaFeeCad: number | null;
  /** Set when the fee is not a plain amount, e.g. "1000 unless exempt". */
  lmiaFeeNote: string | null;
  notes: string | null;
  source: string | null;
  confidence: string | null;
}

/** How long a positive LMIA may be used to apply for a work permit, and how that changed. */
export interface LmiaValidity {
  /** The current maximum, in months from issuance. */
  months: number;
  period: string;
  meaning: string;
  history: { from: string; validity: string; confidence: string }[];
  exceptions: string | null;
  /** What counts as applying in time: IRCC's receipt of the work-permit application. */
  dateThatCounts: string | null;
  source: string;
  confidence: string;
}

export { PROVINCE_CODES, isProvinceCode, type ProvinceCode } from './provinces';

export interface Province {
  code: ProvinceCode;
  nameEn: string;
  nameFr: string;
  type: 'province' | 'territory';
  /** Statistics Canada SGC code, e.g. 35 for Ontario. */
  sgcCode: string;
}

export interface NocUnitGroup {
  /** 5 digits, zero-padded. */
  code: string;
  title: string;
  /** The CNP 2021 (French) title, or null while the data file has none for this group. */
  titleFr: string | null;
  /** 0 to 5: the second digit. */
  teer: number;
  broadCategory: string;
}

export interface Noc2016Successors {
  noc2016Code: string;
  noc2016Title: string;
  /** Statistics Canada change types of the correspondence, e.g. "RC4.2 - Split off". */
  changeTypes: string[];
  /** Statistics Canada's note on how the group was split or moved, when there is one. */
  notes: string | null;
  successors: NocUnitGroup[];
}

/** A period IRCC or ESDC sets for a step of a file (biometrics, medical exam, LMIA expiry, ...). */
export interface DeadlineFact {
  id: string;
  name: string;
  trigger: string;
  defaultPeriod: {
    /** null when there is no default: use the date the letter gives. */
    value: number | null;
    unit: 'days' | 'months';
    from: string;
    typical: string | null;
    recommendedLeadTime: string | null;
    recommendedAlerts: number[] | null;
  };
  consequence: string;
  legalBasis: string;
  source: string;
  confidence: string;
  notes: string | null;
}

export type WorkPermitProgram = 'IMP' | 'TFWP';

/**
 * IRCC open data: work permits that took effect in a year (a flow, the figure firms quote), by program and
 * province or territory of intended destination; 'CA' is the sum of the provinces and territories.
 */
export interface WorkPermitsIssuedRow {
  program: WorkPermitProgram;
  provinceCode: ProvinceCode | 'CA';
  year: number;
  /** Sums of IRCC's monthly values, each rounded to a multiple of 5 (0 to 5 counted as 0). */
  permitsEffective: number;
}

/** IRCC open data: work-permit holders on December 31 of a year, by program and province or territory. */
export interface WorkPermitHoldersRow {
  program: WorkPermitProgram;
  /** A province or territory; 'CA' for the Canada total; null for "province or territory not stated". */
  provinceCode: ProvinceCode | 'CA' | null;
  provinceName: string;
  year: number;
  /** Rounded to a multiple of 5 by IRCC; null when suppressed. */
  holdersOnDec31: number | null;
  /** IRCC shows "--" for 0 to 5 holders. */
  suppressed: boolean;
}

/** Ids of the periods the product derives due dates from (deadline-periods.json). */
export const DEADLINE_PERIOD_IDS = [
  'biometrics_letter',
  'medical_letter',
  'pfl_letter',
  'document_request_letter',
  'restoration',
  'pgwp_application',
] as const;
export type DeadlinePeriodId = (typeof DEADLINE_PERIOD_IDS)[number];

/** A period that starts from a letter or an event and gives a due date; a firm may set its own days. */
export interface DeadlinePeriod {
  id: DeadlinePeriodId;
  /** The deadline kind it gives a due date to, or null when no deadline kind follows it (PGWP window). */
  deadlineKind: string | null;
  name: string;
  /** Calendar days from the starting date; null when the source sets none (the letter states the date). */
  days: number | null;
  from: string;
  sourceUrl: string | null;
  sourceNote: string;
  checkedOn: string;
  reviewBy: string;
  confidence: string;
}
