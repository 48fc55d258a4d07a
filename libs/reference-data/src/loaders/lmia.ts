import type { HighWageThreshold, LmiaWageRules } from '../rules/lmia-wage-rules';
import {
  LMIA_STREAMS,
  PROVINCE_CODES,
  type LmiaStream,
  type LmiaStreamId,
  type LmiaValidity,
  type ProvinceCode,
} from '../reference-data.types';
import { isProvinceCode } from '../provinces';
import { fail, readJson, ISO_DAY } from './source-files';

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

export function loadLmia(dir: string): {
  streams: LmiaStream[];
  validity: LmiaValidity;
  wageRules: LmiaWageRules;
} {
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
