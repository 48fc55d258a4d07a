import {
  areaKey,
  checkRefusedAreaList,
  findRefusedArea,
  planReplacement,
  type DatedRefusedAreaList,
} from './refused-area-rules';

const SOURCE =
  'https://www.canada.ca/en/employment-social-development/services/foreign-workers/median-wage/low/refusal.html';
const list = (id: string, effectiveFrom: string, effectiveTo: string | null): DatedRefusedAreaList => ({
  id,
  effectiveFrom,
  effectiveTo,
  source: SOURCE,
  note: null,
  cmas: [{ name: 'Toronto', provinceCode: 'ON', unemploymentRate: 8.9 }],
});

describe('refused-area rules', () => {
  it('compares names ignoring case, accents and punctuation', () => {
    expect(areaKey('Montréal')).toBe(areaKey('MONTREAL'));
    expect(areaKey('Ottawa - Gatineau')).toBe(areaKey('ottawa-gatineau'));
    expect(areaKey("St. John's")).toBe(areaKey('St Johns'));
    expect(areaKey('Saint John')).not.toBe(areaKey("St. John's"));
    const found = findRefusedArea(list('a', '2026-01-09', null), 'toronto, on');
    expect(found?.name).toBe('Toronto');
    expect(findRefusedArea(list('a', '2026-01-09', null), 'Toronto, BC')).toBeUndefined();
  });

  it('checks dates, the https source, names and provinces', () => {
    const valid = {
      effectiveFrom: '2026-10-10',
      effectiveTo: '2027-01-08',
      source: SOURCE,
      areas: [{ name: 'Toronto', provinceCode: 'ON', unemploymentRate: 8.9 }],
    };
    expect(checkRefusedAreaList(valid)).toEqual({});
    expect(
      checkRefusedAreaList({
        effectiveFrom: '2026-02-30',
        effectiveTo: '2026-01-01',
        source: 'http://example.com',
        areas: [
          { name: 'Toronto', provinceCode: 'ON' },
          { name: ' toronto ', provinceCode: 'XX', unemploymentRate: 120 },
        ],
      }),
    ).toEqual({
      effectiveFrom: [expect.any(String)],
      source: [expect.any(String)],
      'areas[1].name': ['toronto appears twice'],
      'areas[1].provinceCode': [expect.any(String)],
      'areas[1].unemploymentRate': [expect.any(String)],
    });
    expect(checkRefusedAreaList({ ...valid, effectiveTo: '2026-10-09' })).toEqual({
      effectiveTo: ['effectiveTo cannot be before effectiveFrom'],
    });
  });

  it('replaces the list of the same start day, ends an open earlier one, refuses running into a later one', () => {
    const stored = [
      list('q1', '2025-07-11', '2025-10-09'),
      list('q2', '2025-10-10', null),
      list('q4', '2026-04-10', '2026-07-09'),
    ];
    expect(planReplacement(stored, { effectiveFrom: '2025-10-10', effectiveTo: '2026-01-08' })).toEqual({
      replaces: stored[1],
      ends: [],
      overlaps: [],
    });
    expect(planReplacement(stored, { effectiveFrom: '2026-01-09', effectiveTo: '2026-04-09' })).toEqual({
      replaces: null,
      ends: [{ list: stored[1], effectiveTo: '2026-01-08' }],
      overlaps: [],
    });
    expect(planReplacement(stored, { effectiveFrom: '2026-01-09', effectiveTo: null }).overlaps).toEqual([
      stored[2],
    ]);
  });
});
