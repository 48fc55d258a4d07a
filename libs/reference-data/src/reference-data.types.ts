/** IRCC and ESDC reference data the product uses; loaded from libs/reference-data/data/ (see SOURCES.md there). */

export type PermitType = 'open' | 'employer_specific';

/** How IRCC's list describes the permit a code leads to; `varies` codes need the file to say which. */
export type CodePermitType = PermitType | 'varies';

/** active and pilot codes take new files; retired and closed ones stay readable on old files only. */
export type ExemptionCodeStatus = 'active' | 'pilot' | 'pilot_closed_check' | 'pilot_closed' | 'retired';

export interface ExemptionCode {
  code: string;
  title: string;
  regulation: string | null;
  category: string;
  permitType: CodePermitType;
  /** `open_restricted` in the source: an open permit with occupational restrictions. */
  isRestricted: boolean;
  employerPortalOfferRequired: boolean | 'varies';
  employerComplianceFee: 'required' | 'not_applicable' | 'varies' | 'exempt';
  status: ExemptionCodeStatus;
  /** Set on retired codes: the codes that replaced them on 2022-12-15. */
  replacedBy: string[] | null;
  /** Whether a new file may use this code. */
  isCurrent: boolean;
  notes: string | null;
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
  lmiaFeeCad: number | null;
  notes: string | null;
  source: string | null;
}

export const PROVINCE_CODES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export interface Province {
  code: ProvinceCode;
  nameEn: string;
  nameFr: string;
  type: 'province' | 'territory';
}

export interface NocUnitGroup {
  /** 5 digits, zero-padded. */
  code: string;
  title: string;
  /** 0 to 5: the second digit. */
  teer: number;
  broadCategory: string;
}

export interface Noc2016Successors {
  noc2016Code: string;
  noc2016Title: string;
  successors: NocUnitGroup[];
}
