/** Messages by field, as the API's VALIDATION_FAILED answers carry them to a form. */
export type FieldErrors = Record<string, string>;

/** The API's `fields` of a failed request (`{ "imp.exemptionCode": ["..."] }`), or none. */
export function apiFieldsOf(error: unknown): Record<string, string[]> {
  const body = (error as { body?: { fields?: unknown; errors?: unknown } } | null)?.body;
  const fields = body?.fields ?? null;
  if (fields && typeof fields === 'object') {
    return Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([path, messages]) => [
        path,
        Array.isArray(messages) ? messages.map(String) : [String(messages)],
      ]),
    );
  }
  const errors = body?.errors;
  if (errors && typeof errors === 'object') {
    return Object.fromEntries(
      Object.entries(errors as Record<string, unknown>)
        .filter(([path, message]) => path !== 'root' && typeof message === 'string')
        .map(([path, message]) => [path, [message as string]]),
    );
  }
  return {};
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * API messages we word ourselves, in the UI's language: a pattern on the English message and the key (under
 * `pd.errors`) with the values it takes. Anything else falls back to the API's own words.
 */
const KNOWN: { pattern: RegExp; key: string; args?: (m: RegExpExecArray) => Record<string, unknown> }[] = [
  { pattern: /^An IMP file needs imp with its exemption code/, key: 'imp_required' },
  { pattern: /^A TFWP file needs tfwp/, key: 'tfwp_required' },
  { pattern: /must be a date written YYYY-MM-DD/, key: 'date' },
  { pattern: /^dueOn is required \(or letterOn/, key: 'due_or_letter' },
  { pattern: /^\S+ is required$/, key: 'required' },
  {
    pattern: /^(\S+) is not an IMP exemption code on IRCC's list/,
    key: 'code_unknown',
    args: (m) => ({ code: m[1] }),
  },
  {
    pattern: /^(\S+) was retired(?: on (\S+?))?(?:; use (.+?) instead)?; a new file cannot use it/,
    key: 'code_retired',
    args: (m) => ({ code: m[1], date: m[2] ?? '—', codes: (m[3] ?? '—').replace(/ or /g, ', ') }),
  },
  {
    pattern:
      /^(\S+) closed to new applications(?: on (\S+?))?(?:; use (.+?) instead)?; a new file cannot use it/,
    key: 'code_closed',
    args: (m) => ({ code: m[1], date: m[2] ?? '—' }),
  },
  {
    pattern: /^(\S+) leads to an open or an employer-specific permit/,
    key: 'permit_type_choose',
    args: (m) => ({ code: m[1] }),
  },
  {
    pattern: /^(\S+) leads to (an open|an employer-specific) permit, not/,
    key: 'permit_type_follows',
    args: (m) => ({ code: m[1], type: m[2] === 'an open' ? 'open' : 'employer_specific' }),
  },
  {
    pattern: /^An employer-specific permit \((\S+)\) needs the offer of employment number/,
    key: 'offer_needed',
    args: (m) => ({ code: m[1] }),
  },
  { pattern: /must be A followed by 7 digits/, key: 'offer_format' },
  {
    pattern: /^An open work permit \((\S+)\) carries no (offer of employment number|employer compliance fee)/,
    key: 'open_no_offer',
    args: (m) => ({ code: m[1] }),
  },
  { pattern: /^employer\.name is required/, key: 'employer_required' },
  { pattern: /^assigneeId must be an active staff member who may see this file/, key: 'assignee' },
  { pattern: /^title is required for a custom deadline/, key: 'title_required' },
  {
    pattern: /^dueOn is needed with letterOn: no default period is set for "(.+?)"/,
    key: 'letter_no_period',
    args: (m) => ({ name: m[1] }),
  },
  { pattern: /^(\S+) deadlines have no period counted from a letter/, key: 'letter_no_kind_period' },
  { pattern: /^dueOn \((\S+)\) cannot be before letterOn/, key: 'due_before_letter' },
  { pattern: /must be an email/, key: 'email' },
  { pattern: /must be 7 to 10 digits/, key: 'lmia_number' },
  { pattern: /must be the 9 digits of a CRA business number/, key: 'business_number' },
  { pattern: /must be a letter and 9 digits/, key: 'ircc_number' },
];

/** One API message in plain words of the UI's language; an unknown one is the API's own message. */
export function friendlyMessage(message: string, translate: Translate): string {
  for (const known of KNOWN) {
    const match = known.pattern.exec(message);
    if (match) {
      const args = known.args?.(match) ?? {};
      if (typeof args.type === 'string') {
        args.type = translate(`pd.permitType.${args.type}`).toLowerCase();
      }
      return translate(`pd.errors.${known.key}`, { ...args, _: message });
    }
  }
  return message;
}

/** The field errors of a failed request in plain words, one message per field (for forms outside react-admin). */
export function errorsOf(error: unknown, translate?: Translate): FieldErrors {
  return Object.fromEntries(
    Object.entries(apiFieldsOf(error)).map(([path, messages]) => [
      path,
      messages.map((message) => (translate ? friendlyMessage(message, translate) : message)).join(' '),
    ]),
  );
}

export interface PlacedErrors {
  /** Message by input source, for the inputs on screen. */
  byInput: Record<string, string>;
  /** Messages no input on screen can show: the form shows them above its fields. */
  unplaced: string[];
}

/**
 * Puts each API field error on the input that shows it: the input of the same source path; else the input an
 * alias names (`imp` → `imp.exemptionCode`); else the first input under the path (`tfwp` → `tfwp.lmiaStream`);
 * else the nearest parent input (`weekly.0.end` → `weekly`); else none (then it is shown with the form).
 */
export function placeFieldErrors(
  fields: Record<string, string[]>,
  inputs: readonly string[],
  translate: Translate,
  aliases: Record<string, string> = {},
): PlacedErrors {
  const byInput: Record<string, string> = {};
  const unplaced: string[] = [];
  const on = new Set(inputs);
  for (const [path, messages] of Object.entries(fields)) {
    const text = messages.map((message) => friendlyMessage(message, translate)).join(' ');
    const target = inputFor(path, on, inputs, aliases);
    if (target) {
      byInput[target] = byInput[target] ? `${byInput[target]} ${text}` : text;
    } else {
      unplaced.push(text);
    }
  }
  return { byInput, unplaced };
}

function inputFor(
  path: string,
  on: Set<string>,
  inputs: readonly string[],
  aliases: Record<string, string>,
): string | undefined {
  if (on.has(path)) {
    return path;
  }
  const alias = aliases[path];
  if (alias && on.has(alias)) {
    return alias;
  }
  const child = inputs.find((name) => name.startsWith(`${path}.`));
  if (child) {
    return child;
  }
  const parts = path.split('.');
  for (let end = parts.length - 1; end > 0; end -= 1) {
    const parent = parts.slice(0, end).join('.');
    if (on.has(parent)) {
      return parent;
    }
    if (aliases[parent] && on.has(aliases[parent])) {
      return aliases[parent];
    }
  }
  return undefined;
}
