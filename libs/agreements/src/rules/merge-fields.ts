/** The merge fields a service agreement template may use, written `{{client.fullName}}`. */
export const MERGE_FIELDS = [
  'client.fullName',
  'client.email',
  'client.phone',
  'client.address',
  'consultant.name',
  'consultant.licenceNumber',
  'consultant.email',
  'file.number',
  'file.stream',
  'file.applicationType',
  'firm.name',
  'firm.address',
  'firm.phone',
  'firm.email',
  'services.description',
  'fees.professional',
  'fees.ircc',
  'fees.paymentSchedule',
  'agreement.date',
  'agreement.version',
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];

/** A value per field; null when the records do not hold it yet. */
export type MergeValues = Record<MergeField, string | null>;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MERGE_FIELDS);

/** The fields a template names that PermitDesk does not know, each once, in order of appearance. */
export function unknownMergeFields(body: string): string[] {
  const unknown: string[] = [];
  for (const match of body.matchAll(FIELD)) {
    const name = match[1];
    if (!KNOWN.has(name) && !unknown.includes(name)) {
      unknown.push(name);
    }
  }
  return unknown;
}

/**
 * A value as literal Markdown text: one line (line breaks become ", ") with the characters Markdown would read as
 * markup backslash-escaped, so a client's name or address can never add a heading, a link or emphasis.
 */
export function escapeMarkdown(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(', ')
    .replace(/[\\`*_{}[\]<>#|~!&]/g, '\\$&');
}

/** Terms the staff write for the draft: their line breaks and `- ` list items are kept, other markup escaped. */
const MULTILINE = new Set<string>([
  'services.description',
  'fees.professional',
  'fees.ircc',
  'fees.paymentSchedule',
]);

/** Lines kept as lines (a blank line between paragraphs), a leading `- ` kept as a list item, the rest escaped. */
export function escapeMarkdownLines(value: string): string {
  return value
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const item = /^\s*[-*•]\s+/.exec(line);
      const text = escapeMarkdown(item ? line.slice(item[0].length) : line);
      return item ? `- ${text}` : text;
    })
    .join('\n');
}

const NOT_RECORDED = { en: '[not recorded]', fr: '[non consigné]' } as const;

/** The template with every field replaced by its value (escaped); a field with no value reads "[not recorded]". */
export function mergeTemplate(body: string, values: MergeValues, language: 'en' | 'fr'): string {
  return body.replace(FIELD, (whole, name: string) => {
    if (!KNOWN.has(name)) {
      return whole;
    }
    const value = values[name as MergeField];
    if (value === null || value.trim() === '') {
      return NOT_RECORDED[language];
    }
    return MULTILINE.has(name) ? escapeMarkdownLines(value) : escapeMarkdown(value);
  });
}

/** A name compared as people read it: accents, case, spacing and apostrophe or hyphen styles do not matter. */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the name a client typed to sign is their full name (case- and accent-insensitively). */
export function typedNameMatches(typed: string, fullName: string): boolean {
  const wanted = comparableName(fullName);
  return wanted !== '' && comparableName(typed) === wanted;
}
