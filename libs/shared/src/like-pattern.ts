/** The term with its own `%`, `_` and `\` escaped, matched literally (PostgreSQL's default escape). */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, '\\$&');
}

/** `%term%` for ILIKE, the term's wildcards taken literally. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** `term%` for LIKE (starts with the term), the term's wildcards taken literally. */
export function likePrefix(term: string): string {
  return `${escapeLike(term)}%`;
}
