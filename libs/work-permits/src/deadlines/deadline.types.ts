import type { DeadlineKind } from './deadline.entity';

export interface CreateDeadlineInput {
  /** Defaults to `custom`; key-date kinds are refused (they follow the file's dates). */
  kind?: DeadlineKind;
  /** Required for `custom`; other kinds default to a title from the kind. */
  title?: string | null;
  dueOn: string;
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
