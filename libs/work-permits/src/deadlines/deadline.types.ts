import type { DeadlineKind } from './deadline.entity';

export interface CreateDeadlineInput {
  /** Defaults to `custom`; key-date kinds are refused (they follow the file's dates). */
  kind?: DeadlineKind;
  /** Required for `custom`; other kinds default to a title from the kind. */
  title?: string | null;
  /** The day it is due; may be left out when `letterOn` is given and the kind's period has days. */
  dueOn?: string;
  /** The date of the letter the deadline comes from: with no `dueOn`, the due date is this day plus the firm's period for the kind. */
  letterOn?: string;
  /** Defaults to the file's consultant; null leaves it unassigned. */
  assigneeId?: string | null;
  notes?: string | null;
}

export interface UpdateDeadlineInput {
  dueOn?: string;
  title?: string;
  notes?: string | null;
  assigneeId?: string | null;
  /** true completes, false reopens. */
  completed?: boolean;
}

export type DeadlineStatusFilter = 'open' | 'completed' | 'all';

export interface ListDeadlinesQuery {
  from?: string;
  to?: string;
  assigneeId?: string;
  overdue?: boolean;
  fileId?: string;
  kind?: DeadlineKind;
  /** Defaults to `all`. */
  status?: DeadlineStatusFilter;
  limit: number;
  cursor?: string;
}
