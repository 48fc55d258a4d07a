import type { NocUnitGroup } from '../reference-data.types';
import { indexNocUnitGroups, nocTitleIn, searchNocUnitGroups } from './noc-search';

// Sample French titles in the CNP 2021 style; the shipped data file is checked elsewhere.
const groups: NocUnitGroup[] = [
  {
    code: '21232',
    title: 'Software developers and programmers',
    titleFr: 'Développeurs/développeuses de logiciels et programmeurs/programmeuses',
    teer: 1,
    broadCategory: 'x',
  },
  {
    code: '11100',
    title: 'Financial auditors and accountants',
    titleFr: 'Vérificateurs/vérificatrices et comptables',
    teer: 1,
    broadCategory: 'x',
  },
  { code: '31103', title: 'Veterinarians', titleFr: null, teer: 1, broadCategory: 'x' },
];
const index = indexNocUnitGroups(groups);
const search = (q: string, language: 'en' | 'fr') =>
  searchNocUnitGroups(index, q, 20, language).map((g) => g.code);

describe('NOC search in the user language', () => {
  it('finds French titles, accent-insensitively, and English ones still', () => {
    expect(search('developpeurs logiciels', 'fr')).toEqual(['21232']);
    expect(search('comptables', 'fr')).toEqual(['11100']);
    expect(search('software', 'fr')).toEqual(['21232']);
    expect(search('comptables', 'en')).toEqual(['11100']);
  });

  it('answers the title in the asked language, English where the French is missing', () => {
    expect(nocTitleIn(groups[0], 'fr')).toBe(
      'Développeurs/développeuses de logiciels et programmeurs/programmeuses',
    );
    expect(nocTitleIn(groups[0], 'en')).toBe('Software developers and programmers');
    expect(nocTitleIn(groups[2], 'fr')).toBe('Veterinarians');
  });
});
