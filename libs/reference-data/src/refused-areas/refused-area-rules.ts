import type { FieldErrors } from '@app/shared';
import { ruleOn, type RefusedCma, type RefusedCmaList } from '../rules/lmia-wage-rules';
import { isProvinceCode, PROVINCE_CODES, type ProvinceCode } from '../provinces';

/** A quarter's list as an admin or the CLI gives it. */
export interface RefusedAreaListInput {
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  note?: string | null;
  areas: { name: string; provinceCode: string; unemploymentRate?: number | null }[];
}

/** A stored list, as the rules read it. */
export interface DatedRefusedAreaList extends RefusedCmaList {
  id: string;
}

export const MAX_AREAS = 100;
export const MAX_AREA_NAME_LENGTH = 100;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How names are compared: case, accents and punctuation ignored, so "Montreal", "montréal" and "MONTRÉAL" match,
 * as do "Ottawa - Gatineau" and "Ottawa-Gatineau", "St. John's" and "St John's".
 */
export function areaKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function isDay(value: string): boolean {
  if (!ISO_DAY.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Field errors for a list (dates, https source, names present and unique, provinces, rates 0–100); empty when valid. */
export function checkRefusedAreaList(input: RefusedAreaListInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (typeof input.effectiveFrom !== 'string' || !isDay(input.effectiveFrom)) {
    add('effectiveFrom', 'effectiveFrom must be a date written YYYY-MM-DD');
  }
  if (input.effectiveTo !== null && (typeof input.effectiveTo !== 'string' || !isDay(input.effectiveTo))) {
    add('effectiveTo', 'effectiveTo must be a date written YYYY-MM-DD, or null for "until the next list"');
  } else if (
    input.effectiveTo !== null &&
    isDay(input.effectiveFrom) &&
    input.effectiveTo < input.effectiveFrom
  ) {
    add('effectiveTo', 'effectiveTo cannot be before effectiveFrom');
  }
  let url: URL | null;
  try {
    url = new URL(input.source);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || input.source.length > 500) {
    add('source', 'source must be the https address the list was read from (at most 500 characters)');
  }
  if (!Array.isArray(input.areas) || input.areas.length > MAX_AREAS) {
    add('areas', `areas must be a list of at most ${MAX_AREAS} CMAs`);
    return errors;
  }
  const seen = new Set<string>();
  input.areas.forEach((area, index) => {
    const at = `areas[${index}]`;
    const name = typeof area.name === 'string' ? area.name.trim() : '';
    if (!name || name.length > MAX_AREA_NAME_LENGTH || !areaKey(name)) {
      add(`${at}.name`, `${at}.name must be a CMA name of 1 to ${MAX_AREA_NAME_LENGTH} characters`);
    } else if (seen.has(areaKey(name))) {
      add(`${at}.name`, `${name} appears twice`);
    } else {
      seen.add(areaKey(name));
    }
    if (!isProvinceCode(area.provinceCode)) {
      add(`${at}.provinceCode`, `${at}.provinceCode must be one of ${PROVINCE_CODES.join(', ')}`);
    }
    const rate = area.unemploymentRate;
    if (
      rate !== undefined &&
      rate !== null &&
      (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 100)
    ) {
      add(`${at}.unemploymentRate`, `${at}.unemploymentRate must be a percentage from 0 to 100`);
    }
  });
  return errors;
}

/** The areas as stored: names trimmed with inner spaces collapsed, sorted by province then name. */
export function normalizeAreas(areas: RefusedAreaListInput['areas']): RefusedCma[] {
  return areas
    .map((area) => ({
      name: area.name.trim().replace(/\s+/g, ' '),
      provinceCode: area.provinceCode as ProvinceCode,
      unemploymentRate: area.unemploymentRate ?? null,
    }))
    .sort(
      (a, b) =>
        PROVINCE_CODES.indexOf(a.provinceCode) - PROVINCE_CODES.indexOf(b.provinceCode) ||
        a.name.localeCompare(b.name),
    );
}

export interface ReplacementPlan {
  /** The stored list with the same start day, replaced. */
  replaces: DatedRefusedAreaList | null;
  /** Earlier lists still open on the new start day: they end the day before. */
  ends: { list: DatedRefusedAreaList; effectiveTo: string }[];
  /** Later lists the new one would overlap: the request must end before them. */
  overlaps: DatedRefusedAreaList[];
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** What storing a quarter does to the stored lists: one list per day, a new quarter closes the one before. */
export function planReplacement(
  stored: readonly DatedRefusedAreaList[],
  input: Pick<RefusedAreaListInput, 'effectiveFrom' | 'effectiveTo'>,
): ReplacementPlan {
  const plan: ReplacementPlan = { replaces: null, ends: [], overlaps: [] };
  for (const list of stored) {
    if (list.effectiveFrom === input.effectiveFrom) {
      plan.replaces = list;
    } else if (list.effectiveFrom < input.effectiveFrom) {
      if (list.effectiveTo === null || list.effectiveTo >= input.effectiveFrom) {
        plan.ends.push({ list, effectiveTo: dayBefore(input.effectiveFrom) });
      }
    } else if (input.effectiveTo === null || input.effectiveTo >= list.effectiveFrom) {
      plan.overlaps.push(list);
    }
  }
  return plan;
}

/** The list in force on a day, among stored lists. */
export function refusedListOn<T extends RefusedCmaList>(lists: readonly T[], day: string): T | undefined {
  return ruleOn(lists, day);
}

/**
 * The CMA on a list that a file's work location names: the same name (case, accents and punctuation ignored), or
 * the name followed by its province code ("Toronto, ON").
 */
export function findRefusedArea(list: RefusedCmaList, workLocation: string): RefusedCma | undefined {
  const location = areaKey(workLocation);
  if (!location) {
    return undefined;
  }
  return list.cmas.find((cma) => {
    const name = areaKey(cma.name);
    return location === name || location === `${name} ${cma.provinceCode.toLowerCase()}`;
  });
}
