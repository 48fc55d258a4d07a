/** Lower case without accents: "Maîtres d'hôtel" -> "maitres d'hotel". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded: letters and digits, split on anything else. */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Whether every query word starts some word of the text ("soft dev" matches "Software developers"). */
export function matchesAllWords(queryWords: readonly string[], textWords: readonly string[]): boolean {
  return queryWords.every((query) => textWords.some((word) => word.startsWith(query)));
}
