import type { FieldErrors } from '@app/shared';
import { isCalendarDate } from '../../rules/calendar-dates';
import { DeadlineKind, DeadlineSource, type DeadlineEntity } from '../deadline.entity';
import type { DeadlineChangeType } from '../deadline-events';
import type { CreateDeadlineInput, UpdateDeadlineInput } from '../deadline.types';
import { keyDateFieldOf, type KeyDateField } from './key-dates';
import { addDays } from '../../rules/letter-dates';

/** A period counted from a letter, as the firm applies it (deadline periods settings). */
export interface KindPeriod {
  deadlineKind: string | null;
  name: string;
  firmDays: number | null;
}

/**
 * The due date of a new deadline: `dueOn` as given; else, from `letterOn`, the letter's date plus the firm's
 * period for the kind (a document request, a restoration...). Null with errors when it cannot be known: no
 * period for the kind, a period with no default days (the letter states the date), or a due date before the letter.
 */
export function dueOnOfNewDeadline(
  input: Pick<CreateDeadlineInput, 'dueOn' | 'letterOn'>,
  kind: DeadlineKind,
  periods: KindPeriod[],
): { dueOn: string | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { letterOn } = input;
  if (letterOn !== undefined && !isCalendarDate(letterOn)) {
    errors.letterOn = ['letterOn must be a date written YYYY-MM-DD'];
    return { dueOn: null, errors };
  }
  if (input.dueOn !== undefined) {
    if (letterOn !== undefined && isCalendarDate(input.dueOn) && input.dueOn < letterOn) {
      errors.dueOn = [`dueOn (${input.dueOn}) cannot be before letterOn (${letterOn})`];
    }
    return { dueOn: input.dueOn, errors };
  }
  if (letterOn === undefined) {
    errors.dueOn = ['dueOn is required (or letterOn, for a kind with a period counted from a letter)'];
    return { dueOn: null, errors };
  }
  const period = periods.find((p) => p.deadlineKind === kind);
  if (!period) {
    errors.letterOn = [`${kind} deadlines have no period counted from a letter: give dueOn`];
    return { dueOn: null, errors };
  }
  if (period.firmDays === null) {
    errors.dueOn = [
      `dueOn is needed with letterOn: no default period is set for "${period.name}", so give the date the ` +
        'letter states (or set a firm default in the deadline periods settings)',
    ];
    return { dueOn: null, errors };
  }
  return { dueOn: addDays(letterOn, period.firmDays), errors };
}

/**
 * What is wrong with a new deadline's fields, but the assignee (which needs the staff member's row): key-date
 * kinds follow the file, a custom deadline needs a title, the day is a calendar date. `title` is the trimmed one.
 */
export function newDeadlineErrors(
  input: Pick<CreateDeadlineInput, 'dueOn'>,
  kind: DeadlineKind,
  title: string | null,
): FieldErrors {
  const errors: FieldErrors = {};
  const keyDateField = keyDateFieldOf(kind);
  if (keyDateField) {
    errors.kind = [`${kind} deadlines follow the file's ${keyDateField}; set that date on the file instead`];
  } else if (kind === DeadlineKind.DocumentExpiry) {
    errors.kind = [`${kind} deadlines follow the documents' expiry; set the dates on the document instead`];
  }
  if (kind === DeadlineKind.Custom && !title) {
    errors.title = ['title is required for a custom deadline'];
  }
  if (input.dueOn !== undefined && !isCalendarDate(input.dueOn)) {
    errors.dueOn = ['dueOn must be a date written YYYY-MM-DD'];
  }
  return errors;
}

/** What is wrong with a change to a deadline, but the assignee: a bad day, a status deadline moved, an empty title. */
export function deadlineChangeErrors(
  input: UpdateDeadlineInput,
  deadline: Pick<DeadlineEntity, 'dueOn' | 'source' | 'kind'>,
): FieldErrors {
  const errors: FieldErrors = {};
  if (input.dueOn !== undefined && !isCalendarDate(input.dueOn)) {
    errors.dueOn = ['dueOn must be a date written YYYY-MM-DD'];
  } else if (
    input.dueOn !== undefined &&
    input.dueOn !== deadline.dueOn &&
    deadline.source === DeadlineSource.KeyDate &&
    deadline.kind === DeadlineKind.StatusExpiry
  ) {
    errors.dueOn = [
      "This deadline follows the client's status in Canada; change the status dates on the client",
    ];
  } else if (
    input.dueOn !== undefined &&
    input.dueOn !== deadline.dueOn &&
    deadline.source === DeadlineSource.Document
  ) {
    errors.dueOn = ["This deadline follows a document's expiry; change the dates on the document"];
  }
  if (input.title !== undefined && !input.title?.trim()) {
    errors.title = ['title must not be empty'];
  }
  return errors;
}

/** A checked change to a deadline, as columns to write, audit changes and published change types. */
export interface DeadlineUpdatePlan {
  patch: Partial<DeadlineEntity>;
  audited: Record<string, [unknown, unknown]>;
  published: DeadlineChangeType[];
  /** The file's key date that moves with the deadline, when it does. */
  fileKeyDate?: { field: KeyDateField; to: string };
  /** The audit action naming the change. */
  action: string;
}

/**
 * What a checked change does to a deadline (and to the file's key date it follows): nothing when `audited`
 * is empty. `now` stamps a completion, by `actorId`.
 */
export function planDeadlineUpdate(
  input: UpdateDeadlineInput,
  deadline: DeadlineEntity,
  file: { [F in KeyDateField]: string | null },
  now: Date,
  actorId: string,
): DeadlineUpdatePlan {
  const patch: Partial<DeadlineEntity> = {};
  const audited: Record<string, [unknown, unknown]> = {};
  const published: DeadlineChangeType[] = [];
  let fileKeyDate: DeadlineUpdatePlan['fileKeyDate'];

  if (input.dueOn !== undefined && input.dueOn !== deadline.dueOn) {
    audited.dueOn = [deadline.dueOn, input.dueOn];
    patch.dueOn = input.dueOn;
    published.push('moved');
    const field = deadline.source === DeadlineSource.KeyDate ? keyDateFieldOf(deadline.kind) : undefined;
    if (field) {
      audited[field] = [file[field], input.dueOn];
      fileKeyDate = { field, to: input.dueOn };
    }
  }
  if (input.title !== undefined && input.title.trim() !== deadline.title) {
    audited.title = [deadline.title, input.title.trim()];
    patch.title = input.title.trim();
  }
  if (input.notes !== undefined && (input.notes?.trim() || null) !== deadline.notes) {
    audited.notes = [deadline.notes, input.notes?.trim() || null];
    patch.notes = input.notes?.trim() || null;
  }
  if (input.assigneeId !== undefined && input.assigneeId !== deadline.assigneeId) {
    audited.assigneeId = [deadline.assigneeId, input.assigneeId];
    patch.assigneeId = input.assigneeId;
    published.push('reassigned');
  }
  if (input.completed === true && deadline.completedAt === null) {
    patch.completedAt = now;
    patch.completedById = actorId;
    audited.completedAt = [null, patch.completedAt.toISOString()];
    published.push('completed');
  } else if (input.completed === false && deadline.completedAt !== null) {
    audited.completedAt = [deadline.completedAt.toISOString(), null];
    patch.completedAt = null;
    patch.completedById = null;
    published.push('reopened');
  }
  const action = published.includes('completed')
    ? 'deadline.completed'
    : published.includes('reopened')
      ? 'deadline.reopened'
      : published.includes('moved')
        ? 'deadline.moved'
        : published.includes('reassigned')
          ? 'deadline.reassigned'
          : 'deadline.updated';
  return { patch, audited, published, fileKeyDate, action };
}
