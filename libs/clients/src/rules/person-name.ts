/** Splits a single "name" field (public booking) into first and last name: the last word is the last name. */
export function splitFullName(name: string): { firstName: string; lastName: string } {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length <= 1) {
    return { firstName: words[0] ?? '', lastName: '' };
  }
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}
