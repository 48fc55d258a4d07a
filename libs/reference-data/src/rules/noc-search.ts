import type { NocUnitGroup } from '../reference-data.types';
import { matchesAllWords, words } from './text-search';

/** A unit group with its title split into folded words once, so searches do not redo it. */
export interface IndexedNocUnitGroup {
  group: NocUnitGroup;
  titleWords: string[];
}

export function indexNocUnitGroups(groups: readonly NocUnitGroup[]): IndexedNocUnitGroup[] {
  return groups.map((group) => ({ group, titleWords: words(group.title) }));
}

/**
 * Unit groups whose code starts with the query's digits and whose title holds every query word (as the
 * start of a word, case- and accent-insensitive). The exact code comes first, then titles that start
 * with the query, then the rest; by code within each rank.
 */
export function searchNocUnitGroups(index: readonly IndexedNocUnitGroup[], q: string, limit: number): NocUnitGroup[] {
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
  for (const { group, titleWords } of index) {
    const codesMatch = codeWords.every((word) => group.code.startsWith(word) || titleWords.some((t) => t.startsWith(word)));
    if (!codesMatch || !matchesAllWords(textWords, titleWords)) {
      continue;
    }
    const rank = group.code === exactCode ? 0 : titleWords.join(' ').startsWith(phrase) ? 1 : 2;
    hits.push({ group, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.group.code.localeCompare(b.group.code));
  return hits.slice(0, max).map((hit) => hit.group);
}
