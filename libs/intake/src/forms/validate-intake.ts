import { isCountryCode } from './countries';
import {
  isShown,
  TEXT_MAX_LENGTH,
  TEXTAREA_MAX_LENGTH,
  type IntakeField,
  type IntakeForm,
  type IntakeItem,
  type Localized,
} from './form-definition';

export type IntakeProblem =
  | 'unknownField'
  | 'required'
  | 'notText'
  | 'tooLong'
  | 'invalidDate'
  | 'dateInFuture'
  | 'invalidOption'
  | 'notYesNo'
  | 'invalidCountry'
  | 'notList'
  | 'notItem'
  | 'tooFewItems'
  | 'tooManyItems';

/** Problems keyed by answer path: `dateOfBirth`, `education.0.school`. */
export type IntakeProblems = Record<string, IntakeProblem>;

export const INTAKE_PROBLEM_MESSAGES: Record<IntakeProblem, Localized> = {
  unknownField: { en: 'is not a question of this form', fr: 'n’est pas une question de ce formulaire' },
  required: { en: 'This answer is required', fr: 'Cette réponse est obligatoire' },
  notText: { en: 'must be text', fr: 'doit être du texte' },
  tooLong: { en: 'This answer is too long', fr: 'Cette réponse est trop longue' },
  invalidDate: { en: 'Enter a valid date', fr: 'Entrez une date valide' },
  dateInFuture: { en: 'This date cannot be in the future', fr: 'Cette date ne peut pas être dans le futur' },
  invalidOption: { en: 'Choose one of the options', fr: 'Choisissez une des options' },
  notYesNo: { en: 'Answer yes or no', fr: 'Répondez oui ou non' },
  invalidCountry: { en: 'Choose a country', fr: 'Choisissez un pays' },
  notList: { en: 'must be a list', fr: 'doit être une liste' },
  notItem: { en: 'must be an object of answers', fr: 'doit être un objet de réponses' },
  tooFewItems: { en: 'Add at least one entry', fr: 'Ajoutez au moins une entrée' },
  tooManyItems: { en: 'Too many entries', fr: 'Trop d’entrées' },
};

export interface ValidateIntakeOptions {
  /** Submitting: required answers must be there. A draft save checks types and shapes only. */
  final: boolean;
  /** `YYYY-MM-DD`, the firm's day, for dates that cannot be in the future; unchecked without it. */
  today?: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldProblem(
  field: IntakeField,
  value: unknown,
  options: ValidateIntakeOptions,
): IntakeProblem | null {
  if (value === null || value === undefined) {
    return null;
  }
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') {
        return 'notText';
      }
      const max = field.maxLength ?? (field.type === 'text' ? TEXT_MAX_LENGTH : TEXTAREA_MAX_LENGTH);
      return value.length > max ? 'tooLong' : null;
    }
    case 'date':
      if (typeof value !== 'string') {
        return 'invalidDate';
      }
      if (value === '') {
        return null;
      }
      if (!isCalendarDate(value)) {
        return 'invalidDate';
      }
      return field.notInFuture && options.today && value > options.today ? 'dateInFuture' : null;
    case 'select':
      if (typeof value !== 'string') {
        return 'invalidOption';
      }
      return value === '' || field.options.some((option) => option.value === value) ? null : 'invalidOption';
    case 'yesNo':
      return typeof value === 'boolean' ? null : 'notYesNo';
    case 'country':
      if (typeof value !== 'string') {
        return 'invalidCountry';
      }
      return value === '' || isCountryCode(value) ? null : 'invalidCountry';
  }
}

function checkItems(
  items: readonly IntakeItem[],
  scope: Record<string, unknown>,
  prefix: string,
  options: ValidateIntakeOptions,
  problems: IntakeProblems,
): void {
  const known = new Set(items.map((item) => item.key));
  for (const key of Object.keys(scope)) {
    if (!known.has(key)) {
      problems[`${prefix}${key}`] = 'unknownField';
    }
  }
  for (const item of items) {
    const path = `${prefix}${item.key}`;
    const value = scope[item.key];
    const shown = isShown(item, scope);
    if (item.type === 'group') {
      if (value === undefined || value === null) {
        if (options.final && shown && item.required) {
          problems[path] = 'tooFewItems';
        }
        continue;
      }
      if (!Array.isArray(value)) {
        problems[path] = 'notList';
        continue;
      }
      if (value.length > item.maxItems) {
        problems[path] = 'tooManyItems';
        continue;
      }
      if (options.final && shown && item.required && value.length < (item.minItems ?? 1)) {
        problems[path] = 'tooFewItems';
      }
      value.forEach((entry: unknown, index) => {
        if (!isPlainObject(entry)) {
          problems[`${path}.${index}`] = 'notItem';
          return;
        }
        // A hidden group's items are kept but not required: the client may show it again.
        checkItems(
          item.fields,
          entry,
          `${path}.${index}.`,
          { ...options, final: options.final && shown },
          problems,
        );
      });
      continue;
    }
    const problem = fieldProblem(item, value, options);
    if (problem) {
      problems[path] = problem;
    } else if (options.final && shown && item.required && isEmpty(value)) {
      problems[path] = 'required';
    }
  }
}

/**
 * Checks answers against a form, the same way in the browser and on the server. A draft (`final: false`) may be
 * incomplete: only unknown keys, types and shapes are problems. On submit every shown required answer must be
 * there; an answer whose condition is not met is never required.
 */
export function validateIntake(
  form: IntakeForm,
  answers: unknown,
  options: ValidateIntakeOptions,
): IntakeProblems {
  const problems: IntakeProblems = {};
  if (!isPlainObject(answers)) {
    return { '': 'notItem' };
  }
  const items = form.sections.flatMap((section) => section.items);
  checkItems(items, answers, '', options, problems);
  return problems;
}

/** The problems of one section only (the portal checks a step before moving on). */
export function sectionProblems(
  form: IntakeForm,
  sectionKey: string,
  problems: IntakeProblems,
): IntakeProblems {
  const section = form.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) {
    return {};
  }
  const keys = new Set(section.items.map((item) => item.key));
  return Object.fromEntries(Object.entries(problems).filter(([path]) => keys.has(path.split('.')[0])));
}
