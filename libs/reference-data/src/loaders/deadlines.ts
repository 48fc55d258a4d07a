import {
  DEADLINE_PERIOD_IDS,
  type DeadlineFact,
  type DeadlinePeriod,
  type DeadlinePeriodId,
} from '../reference-data.types';
import { fail, readJson, ISO_DAY } from './source-files';

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

export function loadDeadlineFacts(dir: string): DeadlineFact[] {
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
export function loadDeadlinePeriods(dir: string): DeadlinePeriod[] {
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
