import type { NocUnitGroup } from '../reference-data.types';
import { matchesAllWords, words } from './text-search';

/** A unit group with its title split into folded words once, so searches do not redo it. */
export interface IndexedNocUnitGroup {
  group: NocUnitGroup;
  titleWords: string[];
  /** Empty while the group has no French title. */
  titleFrWords: string[];
}

export function indexNocUnitGroups(groups: readonly NocUnitGroup[]): IndexedNocUnitGroup[] {
  return groups.map((group) => ({
    group,
    titleWords: words(group.title),
    titleFrWords: group.titleFr ? words(group.titleFr) : [],
  }));
}

export type NocLanguage = 'en' | 'fr';

/** The title in the asked language; the English one where the data has no French title yet. */
export function nocTitleIn(group: NocUnitGroup, language: NocLanguage): string {
  return language === 'fr' && group.titleFr ? group.titleFr : group.title;
}

/**
 * Unit groups whose code starts with the query's digits and whose title holds every query word (as the
 * start of a word, case- and accent-insensitive). The exact code comes first, then titles that start
 * with the query, then the rest; by code within each rank.
 */
export function searchNocUnitGroups(
  index: readonly IndexedNocUnitGroup[],
  q: string,
  limit: number,
  language: NocLanguage = 'en',
): NocUnitGroup[] {
  const queryWords = words(q);
  const max = Math.max(0, Math.floor(limit));
  if (queryWords.length === 0 || max === 0) {
    return [];
  }
  const exactCode = q.trim();
  const phrase = queryWords.join(' ');
  const codeWords = queryWords.filter((word) => /^\d+$/.test(word));
  const textWords = queryWords.filter((word) => !/^\d+$/.test(word));

  const hits: { group: NocUnitGroup; rank: number }[] = [];
  for (const entry of index) {
    const { group } = entry;
    // The user's language is searched first; a query in the other language still finds the group.
    const [first, second] =
      language === 'fr' ? [entry.titleFrWords, entry.titleWords] : [entry.titleWords, entry.titleFrWords];
    const titleWords = matchesTitle(codeWords, textWords, group.code, first)
      ? first
      : matchesTitle(codeWords, textWords, group.code, second)
        ? second
        : null;
    if (!titleWords) {
      continue;
    }
    const rank = group.code === exactCode ? 0 : titleWords.join(' ').startsWith(phrase) ? 1 : 2;
    hits.push({ group, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.group.code.localeCompare(b.group.code));
  return hits.slice(0, max).map((hit) => hit.group);
}

function matchesTitle(codeWords: string[], textWords: string[], code: string, titleWords: string[]): boolean {
  if (titleWords.length === 0) {
    return false;
  }
  const codesMatch = codeWords.every(
    (word) => code.startsWith(word) || titleWords.some((t) => t.startsWith(word)),
  );
  return codesMatch && matchesAllWords(textWords, titleWords);
}
