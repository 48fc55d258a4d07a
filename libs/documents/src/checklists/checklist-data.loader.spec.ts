import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceData } from '@app/reference-data';
import {
  loadChecklistCatalogue,
  locateChecklistData,
  parseChecklistCatalogue,
} from './checklist-data.loader';

type Json = Record<string, unknown> & { items: Record<string, unknown>[] };

describe('checklists.json', () => {
  const file = locateChecklistData(__dirname);
  const fresh = (): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
  const itemOf = (data: Json, key: string) => data.items.find((item) => item.key === key)!;

  it('finds the data file from the sources and from the compiled output', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    expect(locateChecklistData(join(root, 'dist', 'libs', 'documents', 'src', 'checklists'))).toBe(file);
  });

  it('says where it looked when there is no data file', () => {
    expect(() => locateChecklistData(tmpdir())).toThrow(/Checklist data not found/);
  });

  it('loads the shipped catalogue: 39 items, every one sourced and checked on 2026-12-04', () => {
    const catalogue = loadChecklistCatalogue(file);

    expect(catalogue.items).toHaveLength(39);
    expect(catalogue.checkedOn).toBe('2026-12-04');
    for (const item of catalogue.items) {
      expect(item.sources.map((source) => source.checkedOn)).toEqual(item.sources.map(() => '2026-12-04'));
    }
    expect(Object.isFrozen(catalogue.items[0])).toBe(true);
  });

  it('names only exemption codes the reference data knows', () => {
    const known = new Set(loadReferenceData().exemptionCodes.map((code) => code.code));
    const named = loadChecklistCatalogue(file).items.flatMap((item) =>
      [...(item.appliesWhen ?? []), ...(item.requiredWhen ?? [])].flatMap((c) => c.exemptionCodes ?? []),
    );

    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((code) => !known.has(code))).toEqual([]);
  });

  it.each<[string, (data: Json) => void, RegExp]>([
    ['a duplicate key', (data) => data.items.push({ ...itemOf(data, 'passport') }), /duplicate key passport/],
    [
      'a key not in snake_case',
      (data) => (itemOf(data, 'passport').key = 'Passport'),
      /item Passport: key must be snake_case/,
    ],
    [
      'a conditional item without its condition',
      (data) => (itemOf(data, 'caq_quebec').condition = null),
      /item caq_quebec: a conditional item states its condition/,
    ],
    [
      'an unknown stream',
      (data) => (itemOf(data, 'lmia_copy').appliesWhen = [{ streams: ['SAWP'] }]),
      /item lmia_copy: stream SAWP is not one of TFWP, IMP/,
    ],
    [
      'an unknown LMIA stream',
      (data) => (itemOf(data, 'lmia_copy').appliesWhen = [{ lmiaStreams: ['seasonal'] }]),
      /LMIA stream seasonal is not one of/,
    ],
    [
      'a malformed exemption code',
      (data) => (itemOf(data, 'pgwp_transcript').appliesWhen = [{ exemptionCodes: ['PGWP'] }]),
      /unknown exemption code format PGWP/,
    ],
    [
      'an unknown condition field',
      (data) => (itemOf(data, 'lmia_copy').appliesWhen = [{ province: ['QC'] }]),
      /unknown field province/,
    ],
    [
      'an unknown source',
      (data) => (itemOf(data, 'passport').sources = [{ ref: 'nowhere', checkedOn: '2026-12-04' }]),
      /item passport: unknown source nowhere/,
    ],
    [
      'a missing date checked',
      (data) => (itemOf(data, 'passport').sources = [{ ref: 'guide5487' }]),
      /sources\[\]\.checkedOn must be a non-empty string/,
    ],
    [
      'an expiry without a basis',
      (data) =>
        (itemOf(data, 'medical_exam').expiry = {
          rule: 'months_after',
          months: 12,
          from: 'exam_date',
          note: 'x',
        }),
      /item medical_exam: expiry.basis undefined/,
    ],
    [
      'a missing French title',
      (data) => (itemOf(data, 'passport').title = { en: 'Passport' }),
      /item passport: title.fr must be a non-empty string/,
    ],
  ])('refuses %s', (_what, change, message) => {
    const data = fresh();
    change(data);
    expect(() => parseChecklistCatalogue(data)).toThrow(message);
  });
});
