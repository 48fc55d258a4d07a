import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LMIA_STREAMS } from '@app/reference-data';
import {
  CHECKLIST_APPLICATION_TYPES,
  CHECKLIST_GROUPS,
  CHECKLIST_IMP_PERMIT_TYPES,
  CHECKLIST_LOCATIONS,
  CHECKLIST_STREAMS,
  type ChecklistCatalogue,
  type ChecklistCondition,
  type ChecklistExpiryRule,
  type ChecklistItemCondition,
  type ChecklistItemDefinition,
  type ChecklistSource,
  type ChecklistSourceRef,
} from './checklist.types';

/** The data file, relative to the repository root; the build does not copy it into dist/. */
const DATA_FILE = join('libs', 'documents', 'data', 'checklists.json');

/**
 * Finds libs/documents/data/checklists.json by walking up from `start` (the sources under jest, or
 * dist/libs/documents/src/checklists once compiled) to the first folder that holds it.
 */
export function locateChecklistData(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, DATA_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Checklist data not found: no ${DATA_FILE} above ${start}`);
    dir = parent;
  }
}

/** Reads and checks the checklist catalogue; throws naming the item and field at fault. */
export function loadChecklistCatalogue(file: string = locateChecklistData()): ChecklistCatalogue {
  return parseChecklistCatalogue(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

const KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EXEMPTION_CODE = /^[A-Z]\d{2}$/;

class CatalogueReader {
  constructor(private readonly where: string) {}

  fail(message: string): never {
    throw new Error(`checklists.json: ${this.where}: ${message}`);
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(`${field} must be an object`);
    return value as Record<string, unknown>;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(`${field} must be a non-empty string`);
    return value;
  }

  nullableString(value: unknown, field: string): string | null {
    return value === null || value === undefined ? null : this.string(value, field);
  }

  day(value: unknown, field: string): string {
    const text = this.string(value, field);
    if (!DAY.test(text)) this.fail(`${field} must be a YYYY-MM-DD date, not ${text}`);
    return text;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
    if (!allowed.includes(value as T))
      this.fail(`${field} ${String(value)} is not one of ${allowed.join(', ')}`);
    return value as T;
  }

  list<T extends string>(value: unknown, field: string, check: (entry: unknown) => T): T[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(`${field} must be a non-empty list`);
    return value.map(check);
  }

  bilingual(value: unknown, field: string): { en: string; fr: string } {
    const text = this.object(value, field);
    return { en: this.string(text.en, `${field}.en`), fr: this.string(text.fr, `${field}.fr`) };
  }
}

const CONDITION_FIELDS = new Set([
  'streams',
  'applicationTypes',
  'location',
  'exemptionCodes',
  'lmiaStreams',
  'impPermitTypes',
  'hasAccompanyingFamily',
  'representedByPaidConsultant',
]);

function parseConditions(read: CatalogueReader, value: unknown, field: string): ChecklistCondition[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0) read.fail(`${field} must be null or a non-empty list`);
  return value.map((entry, index) => {
    const at = `${field}[${index}]`;
    const raw = read.object(entry, at);
    const unknown = Object.keys(raw).filter((name) => !CONDITION_FIELDS.has(name));
    if (unknown.length > 0) read.fail(`${at} has unknown field ${unknown.join(', ')}`);
    if (Object.keys(raw).length === 0) read.fail(`${at} is empty (leave appliesWhen null for every file)`);
    const condition: ChecklistCondition = {};
    if (raw.streams !== undefined) {
      condition.streams = read.list(raw.streams, `${at}.streams`, (v) =>
        read.oneOf(v, CHECKLIST_STREAMS, 'stream'),
      );
    }
    if (raw.applicationTypes !== undefined) {
      condition.applicationTypes = read.list(raw.applicationTypes, `${at}.applicationTypes`, (v) =>
        read.oneOf(v, CHECKLIST_APPLICATION_TYPES, 'application type'),
      );
    }
    if (raw.location !== undefined)
      condition.location = read.oneOf(raw.location, CHECKLIST_LOCATIONS, 'location');
    if (raw.exemptionCodes !== undefined) {
      condition.exemptionCodes = read.list(raw.exemptionCodes, `${at}.exemptionCodes`, (v) => {
        const code = read.string(v, 'exemption code');
        if (!EXEMPTION_CODE.test(code)) read.fail(`unknown exemption code format ${code}`);
        return code;
      });
    }
    if (raw.lmiaStreams !== undefined) {
      condition.lmiaStreams = read.list(raw.lmiaStreams, `${at}.lmiaStreams`, (v) =>
        read.oneOf(v, LMIA_STREAMS, 'LMIA stream'),
      );
    }
    if (raw.impPermitTypes !== undefined) {
      condition.impPermitTypes = read.list(raw.impPermitTypes, `${at}.impPermitTypes`, (v) =>
        read.oneOf(v, CHECKLIST_IMP_PERMIT_TYPES, 'IMP permit type'),
      );
    }
    for (const flag of ['hasAccompanyingFamily', 'representedByPaidConsultant'] as const) {
      if (raw[flag] === undefined) continue;
      if (typeof raw[flag] !== 'boolean') read.fail(`${at}.${flag} must be true or false`);
      condition[flag] = raw[flag];
    }
    return condition;
  });
}

function parseItemCondition(read: CatalogueReader, value: unknown): ChecklistItemCondition {
  const raw = read.object(value, 'condition');
  const key = read.string(raw.key, 'condition.key');
  if (!KEY.test(key)) read.fail(`condition.key ${key} must be snake_case`);
  return { key, en: read.string(raw.en, 'condition.en'), fr: read.string(raw.fr, 'condition.fr') };
}

function parseExpiry(read: CatalogueReader, value: unknown): ChecklistExpiryRule | null {
  if (value === null || value === undefined) return null;
  const raw = read.object(value, 'expiry');
  const rule = read.oneOf(raw.rule, ['months_after', 'document_expiry'] as const, 'expiry.rule');
  const basis = read.oneOf(raw.basis, ['ircc_rule', 'firm_default', 'document'] as const, 'expiry.basis');
  const note = read.string(raw.note, 'expiry.note');
  if (rule === 'document_expiry') {
    if (raw.months !== null || raw.from !== null)
      read.fail('a document_expiry rule has no months and no from');
    return { rule, months: null, from: null, basis, note };
  }
  if (typeof raw.months !== 'number' || !Number.isInteger(raw.months) || raw.months <= 0) {
    read.fail('expiry.months must be a positive whole number');
  }
  const from = read.oneOf(raw.from, ['test_date', 'exam_date', 'issue_date'] as const, 'expiry.from');
  if (basis === 'document') read.fail('a months_after rule is an IRCC rule or a firm default');
  return { rule, months: raw.months, from, basis, note };
}

function parseSource(read: CatalogueReader, value: unknown): ChecklistSource {
  const raw = read.object(value, 'source');
  const url = read.string(raw.url, 'url');
  if (!/^https?:\/\/\S+$/.test(url)) read.fail(`url ${url} is not an http(s) address`);
  return {
    title: read.string(raw.title, 'title'),
    url,
    kind: read.oneOf(raw.kind, ['ircc', 'ircc_copy', 'secondary'] as const, 'kind'),
    note: read.nullableString(raw.note, 'note'),
  };
}

function parseItem(
  raw: Record<string, unknown>,
  index: number,
  sources: Record<string, ChecklistSource>,
): ChecklistItemDefinition {
  const key = new CatalogueReader(`item ${index + 1}`).string(raw.key, 'key');
  const read = new CatalogueReader(`item ${key}`);
  if (!KEY.test(key)) read.fail('key must be snake_case');
  const requirement = read.oneOf(raw.requirement, ['required', 'conditional'] as const, 'requirement');
  const condition =
    raw.condition === null || raw.condition === undefined ? null : parseItemCondition(read, raw.condition);
  if ((requirement === 'conditional') !== (condition !== null)) {
    read.fail('a conditional item states its condition, and only a conditional item has one');
  }
  const requiredWhen = parseConditions(read, raw.requiredWhen, 'requiredWhen');
  if (requiredWhen !== null && requirement === 'required') read.fail('requiredWhen is for conditional items');
  const refs = Array.isArray(raw.sources) ? (raw.sources as unknown[]) : [];
  if (refs.length === 0) read.fail('sources must name at least one source');
  return {
    key,
    group: read.oneOf(raw.group, CHECKLIST_GROUPS, 'group'),
    title: read.bilingual(raw.title, 'title'),
    help: read.bilingual(raw.help, 'help'),
    requirement,
    condition,
    appliesWhen: parseConditions(read, raw.appliesWhen, 'appliesWhen'),
    requiredWhen,
    expiry: parseExpiry(read, raw.expiry),
    sources: refs.map((entry): ChecklistSourceRef => {
      const ref = read.object(entry, 'sources[]');
      const name = read.string(ref.ref, 'sources[].ref');
      if (!(name in sources)) read.fail(`unknown source ${name}`);
      return { ref: name, checkedOn: read.day(ref.checkedOn, 'sources[].checkedOn') };
    }),
    sourceNote: read.nullableString(raw.sourceNote, 'sourceNote'),
  };
}

/** Checks a parsed checklists.json: every field's type and allowed values, unique keys, known sources. */
export function parseChecklistCatalogue(value: unknown): ChecklistCatalogue {
  const read = new CatalogueReader('file');
  const raw = read.object(value, 'the file');
  const rawSources = read.object(raw.sources, 'sources');
  const sources: Record<string, ChecklistSource> = {};
  for (const [name, source] of Object.entries(rawSources)) {
    sources[name] = parseSource(new CatalogueReader(`source ${name}`), source);
  }
  if (!Array.isArray(raw.items) || raw.items.length === 0) read.fail('items must be a non-empty list');
  const items = (raw.items as unknown[]).map((item, index) =>
    parseItem(read.object(item, `items[${index}]`), index, sources),
  );
  const keys = new Set<string>();
  for (const item of items) {
    if (keys.has(item.key)) read.fail(`duplicate key ${item.key}`);
    keys.add(item.key);
  }
  return deepFreeze({
    checkedOn: read.day(raw.checkedOn, 'checkedOn'),
    reviewBy: read.day(raw.reviewBy, 'reviewBy'),
    sources,
    items,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
