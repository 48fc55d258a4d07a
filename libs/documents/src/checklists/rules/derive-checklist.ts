import {
  CHECKLIST_GROUPS,
  type ChecklistCatalogue,
  type ChecklistCondition,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistItemDefinition,
  type FirmChecklistItem,
} from '../checklist.types';

/** An item chosen for a file's checklist, with whether it is required of that file; not yet written out. */
export type SelectedChecklistItem =
  | { origin: 'ircc'; key: string; required: boolean; definition: ChecklistItemDefinition }
  | { origin: 'firm'; key: string; required: boolean; firmItem: FirmChecklistItem };

/**
 * The checklist of one file: the catalogue's items whose conditions match the file, in group order (forms,
 * identity, job, supporting) and, within a group, in the catalogue's order; then the firm's items for the
 * file's stream, in the order given. A key appears once: a firm item whose key is already on the list (an
 * IRCC item or an earlier firm item) is left out. An exemption code the catalogue does not know (a retired
 * or a new one) only adds no code-specific item.
 */
export function deriveChecklistFrom(
  catalogue: ChecklistCatalogue,
  input: ChecklistInput,
  firmItems: readonly FirmChecklistItem[] = [],
): ChecklistItem[] {
  return selectChecklistItems(catalogue, input, firmItems).map((selected) =>
    selected.origin === 'ircc'
      ? toChecklistItem(catalogue, selected.definition, selected.required)
      : fromFirmItem(selected.firmItem),
  );
}

/**
 * Which items make up the file's checklist (deriveChecklistFrom's rules), without writing them out: what a count
 * needs (key, required), at a fraction of the work of titles, help and sources for every item.
 */
export function selectChecklistItems(
  catalogue: ChecklistCatalogue,
  input: ChecklistInput,
  firmItems: readonly FirmChecklistItem[] = [],
): SelectedChecklistItem[] {
  const facts = normalise(input);
  const selected: SelectedChecklistItem[] = [];
  // Index loops: this runs for every file of every files page, and array iterators would be its main garbage.
  for (let g = 0; g < CHECKLIST_GROUPS.length; g++) {
    for (let i = 0; i < catalogue.items.length; i++) {
      const definition = catalogue.items[i];
      if (definition.group === CHECKLIST_GROUPS[g] && matchesAny(definition.appliesWhen, facts, true)) {
        const required =
          definition.requirement === 'required' || matchesAny(definition.requiredWhen, facts, false);
        selected.push({ origin: 'ircc', key: definition.key, required, definition });
      }
    }
  }
  const seen = new Set(selected.map((item) => item.key));
  for (const firmItem of firmItems) {
    if (firmItem.stream !== null && firmItem.stream !== input.stream) continue;
    if (seen.has(firmItem.key)) continue;
    seen.add(firmItem.key);
    selected.push({ origin: 'firm', key: firmItem.key, required: firmItem.required, firmItem });
  }
  return selected;
}

/**
 * Whether a file is applied for from inside Canada (IMM 5556) rather than outside (IMM 5488): extensions,
 * changes of conditions and restorations always are; an initial application is when the client holds (or is
 * restoring, or maintaining) a temporary status in Canada. Staff can still say otherwise on the file.
 */
export function appliesFromInsideCanada(file: {
  applicationType: string;
  statusInCanada?: string | null;
}): boolean {
  if (file.applicationType !== 'initial') return true;
  const status = file.statusInCanada ?? 'none';
  return status !== 'none' && status !== 'permanent_resident';
}

interface FileFacts {
  input: ChecklistInput;
  location: 'inside' | 'outside';
  exemptionCode: string | null;
  hasAccompanyingFamily: boolean;
  representedByPaidConsultant: boolean;
}

function normalise(input: ChecklistInput): FileFacts {
  const code = input.exemptionCode?.trim().toUpperCase();
  return {
    input,
    location: input.appliesFromInsideCanada ? 'inside' : 'outside',
    exemptionCode: code ? code : null,
    hasAccompanyingFamily: input.hasAccompanyingFamily ?? false,
    representedByPaidConsultant: input.representedByPaidConsultant ?? true,
  };
}

function matchesAny(conditions: ChecklistCondition[] | null, facts: FileFacts, whenNone: boolean): boolean {
  if (conditions === null) return whenNone;
  for (let i = 0; i < conditions.length; i++) {
    if (matches(conditions[i], facts)) return true;
  }
  return false;
}

function matches(condition: ChecklistCondition, facts: FileFacts): boolean {
  const { input } = facts;
  if (condition.streams && !condition.streams.includes(input.stream)) return false;
  if (condition.applicationTypes && !condition.applicationTypes.includes(input.applicationType)) return false;
  if (condition.location && condition.location !== facts.location) return false;
  if (condition.exemptionCodes && !includes(condition.exemptionCodes, facts.exemptionCode)) return false;
  if (condition.lmiaStreams && !includes(condition.lmiaStreams, input.lmiaStream ?? null)) return false;
  if (condition.impPermitTypes && !includes(condition.impPermitTypes, input.impPermitType ?? null)) {
    return false;
  }
  if (
    condition.hasAccompanyingFamily !== undefined &&
    condition.hasAccompanyingFamily !== facts.hasAccompanyingFamily
  ) {
    return false;
  }
  if (
    condition.representedByPaidConsultant !== undefined &&
    condition.representedByPaidConsultant !== facts.representedByPaidConsultant
  ) {
    return false;
  }
  return true;
}

function includes(values: readonly string[], value: string | null): boolean {
  return value !== null && values.includes(value);
}

function toChecklistItem(
  catalogue: ChecklistCatalogue,
  item: ChecklistItemDefinition,
  required: boolean,
): ChecklistItem {
  return {
    key: item.key,
    group: item.group,
    origin: 'ircc',
    title: item.title.en,
    titleFr: item.title.fr,
    help: item.help.en,
    helpFr: item.help.fr,
    required,
    requirement: required ? 'required' : item.requirement,
    condition: required ? null : item.condition,
    expiry: item.expiry,
    sources: item.sources.map(({ ref, checkedOn }) => {
      const source = catalogue.sources[ref];
      return { title: source.title, url: source.url, kind: source.kind, checkedOn };
    }),
    sourceNote: item.sourceNote,
  };
}

function fromFirmItem(item: FirmChecklistItem): ChecklistItem {
  return {
    key: item.key,
    group: 'supporting',
    origin: 'firm',
    title: item.title,
    titleFr: item.titleFr,
    help: item.help ?? null,
    helpFr: item.helpFr ?? null,
    required: item.required,
    requirement: item.required ? 'required' : 'conditional',
    condition: null,
    expiry: null,
    sources: [],
    sourceNote: null,
  };
}
