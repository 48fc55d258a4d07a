/** A label or help text in both languages of the portal. */
export interface Localized {
  en: string;
  fr: string;
}

export type IntakeLanguage = keyof Localized;

/** The client record fields an answer may be confirmed into by staff (ClientsService's names). */
export const CLIENT_FIELD_KEYS = [
  'passportNumber',
  'passportExpiresOn',
  'dateOfBirth',
  'citizenship',
  'countryOfResidence',
  'phone',
  'uci',
] as const;
export type ClientFieldKey = (typeof CLIENT_FIELD_KEYS)[number];

/** Shown only when the answer `field` (a top-level answer, or a sibling inside a group item) equals `equals`. */
export interface IntakeCondition {
  field: string;
  equals: string | boolean;
}

export interface IntakeOption {
  value: string;
  label: Localized;
}

interface FieldBase {
  key: string;
  label: Localized;
  help?: Localized;
  required?: boolean;
  showIf?: IntakeCondition;
}

export type IntakeField =
  | (FieldBase & { type: 'text' | 'textarea'; maxLength?: number; clientField?: ClientFieldKey })
  | (FieldBase & { type: 'date'; notInFuture?: boolean; clientField?: ClientFieldKey })
  | (FieldBase & { type: 'select'; options: readonly IntakeOption[] })
  | (FieldBase & { type: 'yesNo' })
  | (FieldBase & { type: 'country'; clientField?: ClientFieldKey });

export type IntakeFieldType = IntakeField['type'];

/** A list the client adds items to (addresses, trips, schools, jobs, family members). */
export interface IntakeGroup extends FieldBase {
  type: 'group';
  fields: readonly IntakeField[];
  /** Items needed on submit when the group is shown and required (default 1). */
  minItems?: number;
  maxItems: number;
}

export type IntakeItem = IntakeField | IntakeGroup;

export interface IntakeSection {
  key: string;
  title: Localized;
  help?: Localized;
  items: readonly IntakeItem[];
}

/** One questionnaire: keys of its items are unique across sections, so answers are a flat object by key. */
export interface IntakeForm {
  key: string;
  version: number;
  title: Localized;
  sections: readonly IntakeSection[];
}

export type IntakeValue = string | boolean | null;
export type IntakeGroupItem = Record<string, IntakeValue>;
/** The answers to a form, keyed by item key; a group's answer is a list of items keyed by field key. */
export type IntakeAnswers = Record<string, IntakeValue | IntakeGroupItem[]>;

export const TEXT_MAX_LENGTH = 200;
export const TEXTAREA_MAX_LENGTH = 4000;

/** Whether a field or group is shown, given the answers in its scope (the form's, or its group item's). */
export function isShown(item: Pick<FieldBase, 'showIf'>, scope: Record<string, unknown>): boolean {
  return !item.showIf || scope[item.showIf.field] === item.showIf.equals;
}

/** Every field of a form mapped to a client record field, with its key. */
export function clientMappedFields(
  form: IntakeForm,
): { key: string; clientField: ClientFieldKey; label: Localized }[] {
  const mapped: { key: string; clientField: ClientFieldKey; label: Localized }[] = [];
  for (const section of form.sections) {
    for (const item of section.items) {
      if (item.type !== 'group' && 'clientField' in item && item.clientField) {
        mapped.push({ key: item.key, clientField: item.clientField, label: item.label });
      }
    }
  }
  return mapped;
}
