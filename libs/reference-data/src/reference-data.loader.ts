import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsvRecords } from './rules/csv';
import { toExemptionCode, type SourceExemptionCode } from './rules/exemption-codes';
import type { HighWageThreshold, LmiaWageRules } from './rules/lmia-wage-rules';
import {
  LMIA_STREAMS,
  PROVINCE_CODES,
  DEADLINE_PERIOD_IDS,
  type DeadlineFact,
  type DeadlinePeriod,
  type DeadlinePeriodId,
  type ExemptionCode,
  type LmiaStream,
  type LmiaStreamId,
  type LmiaValidity,
  type Noc2016Successors,
  type NocUnitGroup,
  type Province,
  type ProvinceCode,
  type WorkPermitHoldersRow,
  type WorkPermitsIssuedRow,
} from './reference-data.types';

/** The data folder, relative to the repository root; the build does not copy it into dist/. */
const DATA_FOLDER = join('libs', 'reference-data', 'data');
const MARKER_FILE = 'noc-2021.csv';

/**
 * Finds libs/reference-data/data by walking up from `start` (the sources under jest, or
 * dist/libs/reference-data/src once compiled) to the first folder that holds it.
 */
export function locateDataDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, DATA_FOLDER);
    if (existsSync(join(candidate, MARKER_FILE))) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Reference data not found: no ${DATA_FOLDER}/${MARKER_FILE} above ${start}`);
    }
    dir = parent;
  }
}

export interface ReferenceData {
  exemptionCodes: ExemptionCode[];
  lmiaStreams: LmiaStream[];
  lmiaValidity: LmiaValidity;
  lmiaWageRules: LmiaWageRules;
  provinces: Province[];
  nocUnitGroups: NocUnitGroup[];
  noc2016: Noc2016Successors[];
  deadlineFacts: DeadlineFact[];
  deadlinePeriods: DeadlinePeriod[];
  workPermitHolders: WorkPermitHoldersRow[];
  workPermitsIssued: WorkPermitsIssuedRow[];
}

/** Source stream ids in tfwp-lmia.json -> API ids. */
const STREAM_IDS: Record<string, LmiaStreamId> = {
  high_wage: 'high_wage',
  low_wage: 'low_wage',
  global_talent_stream: 'global_talent',
  agricultural_stream: 'agricultural',
  sawp: 'seasonal_agricultural',
  in_home_caregivers: 'in_home_caregiver',
  permanent_residence_only: 'permanent_residence_only',
  dual_intent: 'dual_intent',
};

interface SourceLmia {
  streams: {
    id: string;
    name: string;
    criteria?: string | null;
    lmia_fee_cad?: number | string | null;
    notes?: string | null;
    source?: string | null;
    confidence?: string | null;
  }[];
  lmia_validity: {
    period: string;
    meaning: string;
    history: { from: string; validity: string; confidence: string }[];
    exceptions?: string | null;
    source: string;
    confidence: string;
    date_that_counts?: string;
    checked_on?: string;
    review_by?: string;
  };
  wage_rules: SourceWageRules;
}

interface SourceDatedRule {
  effective_from: string;
  effective_to: string | null;
  source: string;
  source_title?: string;
  source_note?: string;
  note?: string;
  checked_on: string;
  review_by: string;
  confidence: string;
}

interface SourceWageRules {
  high_wage_thresholds: (SourceDatedRule & { basis: string; hourly_cad: Record<string, number> })[];
  low_wage_cap: (SourceDatedRule & { percent: number })[];
  low_wage_max_duration_months: (SourceDatedRule & { months: number })[];
  cma_refusal: SourceDatedRule & {
    unemployment_rate_at_or_above: number;
    exempt_occupations_note?: string;
    shipped_list: {
      effective_from: string;
      effective_to: string | null;
      source: string;
      source_title?: string;
      note?: string;
      review_by: string;
      cmas: [string, string, number][];
    };
  };
}

interface SourceProvince {
  code: string;
  name_en: string;
  name_fr: string;
  type: string;
  sgc_code: string;
}

interface SourceDeadline {
  id: string;
  name: string;
  trigger: string;
  default_period: {
    value: number | null;
    unit: string;
    from: string;
    typical?: string;
    recommended_lead_time?: string;
    recommended_alerts?: number[];
  };
  consequence: string;
  legal_basis: string;
  source: string;
  confidence: string;
  notes?: string | null;
}

function fail(file: string, message: string): never {
  throw new Error(`Reference data ${file}: ${message}`);
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

function readCsv<K extends string>(dir: string, file: string, columns: readonly K[]): Record<K, string>[] {
  try {
    return parseCsvRecords(readFileSync(join(dir, file), 'utf8'), columns);
  } catch (error) {
    return fail(file, (error as Error).message);
  }
}

function loadExemptionCodes(dir: string): ExemptionCode[] {
  const file = 'imp-exemption-codes.json';
  const codes = readJson<SourceExemptionCode[]>(dir, file).map((row) => {
    try {
      return toExemptionCode(row);
    } catch (error) {
      return fail(file, (error as Error).message);
    }
  });
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code.code)) {
      fail(file, `code ${code.code} appears twice`);
    }
    seen.add(code.code);
  }
  return codes;
}

function parseFee(fee: number | string | null | undefined): {
  lmiaFeeCad: number | null;
  lmiaFeeNote: string | null;
} {
  if (typeof fee === 'number') {
    return { lmiaFeeCad: fee, lmiaFeeNote: null };
  }
  if (fee === null || fee === undefined || fee === '') {
    return { lmiaFeeCad: null, lmiaFeeNote: null };
  }
  return { lmiaFeeCad: null, lmiaFeeNote: fee };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function datedRule(file: string, what: string, rule: SourceDatedRule) {
  for (const [field, value] of [
    ['effective_from', rule.effective_from],
    ['checked_on', rule.checked_on],
    ['review_by', rule.review_by],
  ] as const) {
    if (!ISO_DAY.test(value ?? '')) {
      fail(file, `${what}: ${field} ${String(value)} is not a date`);
    }
  }
  if (rule.effective_to !== null && !ISO_DAY.test(rule.effective_to)) {
    fail(file, `${what}: effective_to ${rule.effective_to} is not a date`);
  }
  const note = [rule.source_title, rule.note, rule.source_note].filter(Boolean).join(' ');
  return {
    effectiveFrom: rule.effective_from,
    effectiveTo: rule.effective_to,
    source: rule.source,
    note: note || null,
    checkedOn: rule.checked_on,
    reviewBy: rule.review_by,
    confidence: rule.confidence,
  };
}

function loadWageRules(file: string, source: SourceWageRules): LmiaWageRules {
  const highWageThresholds = source.high_wage_thresholds.map((rule, index): HighWageThreshold => {
    const what = `wage_rules.high_wage_thresholds[${index}]`;
    const basis = rule.basis;
    if (basis !== 'median' && basis !== 'median_plus_20_percent') {
      return fail(file, `${what}: basis ${basis}`);
    }
    const missing = PROVINCE_CODES.filter((code) => typeof rule.hourly_cad[code] !== 'number');
    if (missing.length > 0) {
      fail(file, `${what}: no wage for ${missing.join(', ')}`);
    }
    return {
      ...datedRule(file, what, rule),
      basis,
      hourlyCad: { ...rule.hourly_cad } as Record<ProvinceCode, number>,
    };
  });
  const cma = source.cma_refusal;
  const list = cma.shipped_list;
  return {
    highWageThresholds,
    lowWageCaps: source.low_wage_cap.map((rule, index) => ({
      ...datedRule(file, `wage_rules.low_wage_cap[${index}]`, rule),
      percent: rule.percent,
    })),
    lowWageMaxDurations: source.low_wage_max_duration_months.map((rule, index) => ({
      ...datedRule(file, `wage_rules.low_wage_max_duration_months[${index}]`, rule),
      months: rule.months,
    })),
    cmaRefusal: {
      ...datedRule(file, 'wage_rules.cma_refusal', { ...cma, effective_to: null }),
      unemploymentRateAtOrAbove: cma.unemployment_rate_at_or_above,
      exemptOccupationsNote: cma.exempt_occupations_note ?? null,
    },
    shippedRefusedCmas: {
      effectiveFrom: list.effective_from,
      effectiveTo: list.effective_to,
      source: list.source,
      note: [list.source_title, list.note].filter(Boolean).join(' ') || null,
      reviewBy: list.review_by,
      cmas: list.cmas.map(([name, provinceCode, unemploymentRate]) => {
        if (!isProvinceCode(provinceCode)) {
          fail(file, `wage_rules.cma_refusal.shipped_list: ${name} has province ${provinceCode}`);
        }
        return { name, provinceCode, unemploymentRate };
      }),
    },
  };
}

function loadLmia(dir: string): { streams: LmiaStream[]; validity: LmiaValidity; wageRules: LmiaWageRules } {
  const file = 'tfwp-lmia.json';
  const source = readJson<SourceLmia>(dir, file);
  const streams = source.streams.map((stream): LmiaStream => {
    const id = STREAM_IDS[stream.id] ?? fail(file, `unknown LMIA stream ${stream.id}`);
    return {
      id,
      name: stream.name,
      criteria: stream.criteria ?? null,
      ...parseFee(stream.lmia_fee_cad),
      notes: stream.notes ?? null,
      source: stream.source ?? null,
      confidence: stream.confidence ?? null,
    };
  });
  const missing = LMIA_STREAMS.filter((id) => !streams.some((stream) => stream.id === id));
  if (missing.length > 0) {
    fail(file, `missing LMIA streams ${missing.join(', ')}`);
  }

  const validity = source.lmia_validity;
  const latest = [...validity.history].sort((a, b) => a.from.localeCompare(b.from)).at(-1);
  const months = Number(/^(\d+) months\b/.exec(latest?.validity ?? '')?.[1]);
  if (!Number.isInteger(months) || months <= 0) {
    fail(file, 'lmia_validity.history has no current validity in months');
  }
  return {
    streams,
    wageRules: loadWageRules(file, source.wage_rules),
    validity: {
      months,
      period: validity.period,
      meaning: validity.meaning,
      history: validity.history.map((entry) => ({ ...entry })),
      exceptions: validity.exceptions ?? null,
      dateThatCounts: validity.date_that_counts ?? null,
      source: validity.source,
      confidence: validity.confidence,
    },
  };
}

function isProvinceCode(code: string): code is ProvinceCode {
  return (PROVINCE_CODES as readonly string[]).includes(code);
}

function loadProvinces(dir: string): Province[] {
  const file = 'provinces.json';
  const provinces = readJson<SourceProvince[]>(dir, file).map((row): Province => {
    if (!isProvinceCode(row.code)) {
      fail(file, `unknown province code ${row.code}`);
    }
    if (row.type !== 'province' && row.type !== 'territory') {
      fail(file, `${row.code} has type ${row.type}`);
    }
    return {
      code: row.code,
      nameEn: row.name_en,
      nameFr: row.name_fr,
      type: row.type,
      sgcCode: row.sgc_code,
    };
  });
  if (provinces.length !== PROVINCE_CODES.length) {
    fail(file, `expected ${PROVINCE_CODES.length} provinces and territories, found ${provinces.length}`);
  }
  return provinces;
}

function loadNocUnitGroups(dir: string): NocUnitGroup[] {
  const file = 'noc-2021.csv';
  return readCsv(dir, file, ['code', 'title_en', 'title_fr', 'teer', 'broad_category'] as const).map(
    (row) => {
      if (!/^\d{5}$/.test(row.code)) {
        fail(file, `code ${row.code} is not 5 digits`);
      }
      return {
        code: row.code,
        title: row.title_en,
        titleFr: row.title_fr.trim() === '' ? null : row.title_fr.trim(),
        teer: Number(row.code[1]),
        broadCategory: row.broad_category,
      };
    },
  );
}

function loadNoc2016(dir: string, groups: ReadonlyMap<string, NocUnitGroup>): Noc2016Successors[] {
  const file = 'noc-2016-to-2021.csv';
  const rows = readCsv(dir, file, [
    'noc2016_code',
    'noc2016_title',
    'gsim_change_type',
    'noc2021_code',
    'notes',
  ] as const);
  const byCode = new Map<string, Noc2016Successors>();
  for (const row of rows) {
    if (!/^\d{4}$/.test(row.noc2016_code)) {
      fail(file, `NOC 2016 code ${row.noc2016_code} is not 4 digits`);
    }
    const successor = groups.get(row.noc2021_code) ?? fail(file, `unknown NOC 2021 code ${row.noc2021_code}`);
    let entry = byCode.get(row.noc2016_code);
    if (!entry) {
      entry = {
        noc2016Code: row.noc2016_code,
        noc2016Title: row.noc2016_title,
        changeTypes: [],
        notes: null,
        successors: [],
      };
      byCode.set(row.noc2016_code, entry);
    }
    for (const change of row.gsim_change_type.split(',').map((part) => part.trim())) {
      if (change && !entry.changeTypes.includes(change)) {
        entry.changeTypes.push(change);
      }
    }
    entry.notes ??= row.notes.trim() || null;
    if (!entry.successors.includes(successor)) {
      entry.successors.push(successor);
    }
  }
  for (const entry of byCode.values()) {
    entry.successors.sort((a, b) => a.code.localeCompare(b.code));
    entry.changeTypes.sort();
  }
  return [...byCode.values()];
}

function loadDeadlineFacts(dir: string): DeadlineFact[] {
  const file = 'deadlines.json';
  return readJson<SourceDeadline[]>(dir, file).map((row): DeadlineFact => {
    const period = row.default_period;
    if (period.unit !== 'days' && period.unit !== 'months') {
      fail(file, `${row.id} has period unit ${period.unit}`);
    }
    return {
      id: row.id,
      name: row.name,
      trigger: row.trigger,
      defaultPeriod: {
        value: period.value,
        unit: period.unit,
        from: period.from,
        typical: period.typical ?? null,
        recommendedLeadTime: period.recommended_lead_time ?? null,
        recommendedAlerts: period.recommended_alerts ? [...period.recommended_alerts] : null,
      },
      consequence: row.consequence,
      legalBasis: row.legal_basis,
      source: row.source,
      confidence: row.confidence,
      notes: row.notes ?? null,
    };
  });
}

function loadWorkPermitHolders(dir: string): WorkPermitHoldersRow[] {
  const file = 'ircc-work-permit-holders-dec31-by-province.csv';
  const rows = readCsv(dir, file, [
    'program',
    'province_code',
    'province_name',
    'year',
    'holders_on_dec31',
    'suppressed_0_to_5',
  ] as const);
  return rows.map((row, index): WorkPermitHoldersRow => {
    const where = `row ${index + 2}`;
    if (row.program !== 'IMP' && row.program !== 'TFWP') {
      fail(file, `${where}: unknown program ${row.program}`);
    }
    const code = row.province_code;
    if (code !== '' && code !== 'CA' && !isProvinceCode(code)) {
      fail(file, `${where}: unknown province code ${code}`);
    }
    const suppressed = row.suppressed_0_to_5 === 'True';
    if (!suppressed && row.suppressed_0_to_5 !== 'False') {
      fail(file, `${where}: suppressed_0_to_5 is ${row.suppressed_0_to_5}`);
    }
    const holders = row.holders_on_dec31 === '' ? null : Number(row.holders_on_dec31);
    if ((holders === null) !== suppressed || (holders !== null && !Number.isInteger(holders))) {
      fail(
        file,
        `${where}: holders_on_dec31 ${row.holders_on_dec31} does not fit suppressed ${row.suppressed_0_to_5}`,
      );
    }
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year)) {
      fail(file, `${where}: year ${row.year}`);
    }
    return {
      program: row.program,
      provinceCode: code === '' ? null : code,
      provinceName: row.province_name,
      year,
      holdersOnDec31: holders,
      suppressed,
    };
  });
}

function loadWorkPermitsIssued(dir: string): WorkPermitsIssuedRow[] {
  const file = 'ircc-work-permits-issued-by-province.csv';
  const seen = new Set<string>();
  return readCsv(dir, file, ['program', 'province_code', 'year', 'permits_effective'] as const).map(
    (row, index) => {
      const where = `row ${index + 2}`;
      if (row.program !== 'IMP' && row.program !== 'TFWP') {
        fail(file, `${where}: unknown program ${row.program}`);
      }
      const code = row.province_code;
      if (code !== 'CA' && !isProvinceCode(code)) {
        fail(file, `${where}: unknown province code ${code}`);
      }
      if (!/^\d{4}$/.test(row.year)) {
        fail(file, `${where}: year ${row.year}`);
      }
      if (!/^\d+$/.test(row.permits_effective)) {
        fail(file, `${where}: permits_effective ${row.permits_effective} is not a count`);
      }
      const key = `${row.program} ${code} ${row.year}`;
      if (seen.has(key)) {
        fail(file, `${where}: ${key} appears twice`);
      }
      seen.add(key);
      return {
        program: row.program,
        provinceCode: code,
        year: Number(row.year),
        permitsEffective: Number(row.permits_effective),
      };
    },
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Reads and checks every file of the data folder; throws naming the file on anything unexpected. */
export function loadReferenceData(dir: string = locateDataDir()): ReferenceData {
  const nocUnitGroups = loadNocUnitGroups(dir);
  const groupsByCode = new Map(nocUnitGroups.map((group) => [group.code, group]));
  const lmia = loadLmia(dir);
  return deepFreeze({
    exemptionCodes: loadExemptionCodes(dir),
    lmiaStreams: lmia.streams,
    lmiaValidity: lmia.validity,
    lmiaWageRules: lmia.wageRules,
    provinces: loadProvinces(dir),
    nocUnitGroups,
    noc2016: loadNoc2016(dir, groupsByCode),
    deadlineFacts: loadDeadlineFacts(dir),
    deadlinePeriods: loadDeadlinePeriods(dir),
    workPermitHolders: loadWorkPermitHolders(dir),
    workPermitsIssued: loadWorkPermitsIssued(dir),
  });
}

interface SourceDeadlinePeriod {
  id: string;
  deadline_kind: string | null;
  name: string;
  days: number | null;
  from: string;
  source_url?: string;
  source_note: string;
  checked_on: string;
  review_by: string;
  confidence: string;
}

/** deadline-periods.json: exactly one row per id the product uses, each with a source and dates. */
function loadDeadlinePeriods(dir: string): DeadlinePeriod[] {
  const file = 'deadline-periods.json';
  const rows = readJson<SourceDeadlinePeriod[]>(dir, file).map((row): DeadlinePeriod => {
    if (!(DEADLINE_PERIOD_IDS as readonly string[]).includes(row.id)) {
      fail(file, `unknown period ${row.id}`);
    }
    if (row.days !== null && (!Number.isInteger(row.days) || row.days < 1 || row.days > 366)) {
      fail(file, `${row.id} has days ${row.days}`);
    }
    if (!ISO_DAY.test(row.checked_on) || !ISO_DAY.test(row.review_by) || !row.source_note) {
      fail(file, `${row.id} needs its source, checked_on and review_by`);
    }
    return {
      id: row.id as DeadlinePeriodId,
      deadlineKind: row.deadline_kind,
      name: row.name,
      days: row.days,
      from: row.from,
      sourceUrl: row.source_url ?? null,
      sourceNote: row.source_note,
      checkedOn: row.checked_on,
      reviewBy: row.review_by,
      confidence: row.confidence,
    };
  });
  for (const id of DEADLINE_PERIOD_IDS) {
    if (rows.filter((row) => row.id === id).length !== 1) {
      fail(file, `needs exactly one row for ${id}`);
    }
  }
  return rows;
}
