/** Shapes of the identifiers a file carries; the API's request validation uses the same patterns. */

/** CRA business number: 9 digits. */
export const BUSINESS_NUMBER_PATTERN = /^\d{9}$/;

/** Employer Portal offer of employment number: `A` + 7 digits. */
export const OFFER_OF_EMPLOYMENT_NUMBER_PATTERN = /^A\d{7}$/;

/** ESDC LMIA number: 7 to 10 digits. */
export const LMIA_NUMBER_PATTERN = /^\d{7,10}$/;

/** IRCC application number: a letter and 9 digits, e.g. W301234567 (W for work permits, but others occur). */
export const IRCC_APPLICATION_NUMBER_PATTERN = /^[A-Z]\d{9}$/;

/** IMP exemption codes: a letter and 2 digits (C10, T36, R01). */
export const EXEMPTION_CODE_PATTERN = /^[A-Z]\d{2}$/;

/** NOC 2021 unit group: 5 digits. */
export const NOC_2021_PATTERN = /^\d{5}$/;

export const WAGE_PERIODS = ['hour', 'week', 'month', 'year'] as const;
export type WagePeriod = (typeof WAGE_PERIODS)[number];

/** numeric(10, 2) */
export const MAX_WAGE = 99_999_999.99;
