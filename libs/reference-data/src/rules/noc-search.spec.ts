import type { NocUnitGroup } from '../reference-data.types';
import { indexNocUnitGroups, searchNocUnitGroups } from './noc-search';

const group = (code: string, title: string, titleFr: string | null = null): NocUnitGroup => ({
  code,
  title,
  titleFr,
  teer: Number(code[1]),
  broadCategory: 'x',
});

const index = indexNocUnitGroups([
  group('10010', 'Financial managers'),
  group('11100', 'Financial auditors and accountants'),
  group('62010', 'Retail sales supervisors'),
  group('64300', "Maîtres d'hôtel and hosts/hostesses"),
  group('21232', 'Software developers and programmers'),
  group('21231', 'Software engineers and designers'),
  group('22222', 'Information systems testing technicians (software)'),
]);
const search = (q: string, limit = 20) => searchNocUnitGroups(index, q, limit).map((found) => found.code);

describe('searchNocUnitGroups', () => {
  it('puts titles that start with the query before titles that only contain it, then orders by code', () => {
    expect(search('software')).toEqual(['21231', '21232', '22222']);
    expect(search('financial')).toEqual(['10010', '11100']);
    expect(search('managers')).toEqual(['10010']);
  });

  it('puts the exact code first', () => {
    expect(search('21232')).toEqual(['21232']);
    expect(search('2123')).toEqual(['21231', '21232']);
  });

  it('needs every word, each as the start of a title word', () => {
    expect(search('soft prog')).toEqual(['21232']);
    expect(search('ware')).toEqual([]);
    expect(search('software 2123')).toEqual(['21231', '21232']);
  });

  it('ignores case and accents', () => {
    expect(search('MAITRES HOTEL')).toEqual(['64300']);
    expect(search('hôtel')).toEqual(['64300']);
  });

  it('cuts at the limit and answers nothing for no words', () => {
    expect(search('s', 2)).toHaveLength(2);
    expect(search('  ')).toEqual([]);
    expect(search('software', 0)).toEqual([]);
  });
});
