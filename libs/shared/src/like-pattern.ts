/** `%term%` for ILIKE, with the term's own `%`, `_` and `\` matched literally (PostgreSQL's default escape). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}
