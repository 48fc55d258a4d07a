import { DeadlineKind } from '../deadline.entity';

/** The file's key-date columns that each keep one deadline in step, and the kind of that deadline. */
export const KEY_DATE_KINDS = {
  permitExpiresOn: DeadlineKind.PermitExpiry,
  biometricsDueOn: DeadlineKind.Biometrics,
  medicalDueOn: DeadlineKind.Medical,
  pflResponseDueOn: DeadlineKind.PflResponse,
  lmiaExpiresOn: DeadlineKind.LmiaExpiry,
} as const satisfies Record<string, DeadlineKind>;

export type KeyDateField = keyof typeof KEY_DATE_KINDS;

export const KEY_DATE_FIELDS = Object.keys(KEY_DATE_KINDS) as KeyDateField[];

export type KeyDates = { [F in KeyDateField]?: string | null };

/** The file column a key-date kind follows, or undefined for kinds staff add by hand. */
export function keyDateFieldOf(kind: DeadlineKind): KeyDateField | undefined {
  return KEY_DATE_FIELDS.find((field) => KEY_DATE_KINDS[field] === kind);
}

export function isKeyDateKind(kind: DeadlineKind): boolean {
  return keyDateFieldOf(kind) !== undefined;
}

const DEFAULT_TITLES: Record<DeadlineKind, string> = {
  [DeadlineKind.PermitExpiry]: 'Work permit expires',
  [DeadlineKind.LmiaExpiry]: 'LMIA expires',
  [DeadlineKind.Biometrics]: 'Biometrics due',
  [DeadlineKind.Medical]: 'Medical exam due',
  [DeadlineKind.PflResponse]: 'Procedural fairness response due',
  [DeadlineKind.DocumentRequest]: 'Documents requested by IRCC',
  [DeadlineKind.PassportExpiry]: 'Passport expires',
  [DeadlineKind.StatusExpiry]: 'Status in Canada expires',
  [DeadlineKind.Custom]: 'Deadline',
  [DeadlineKind.DocumentExpiry]: 'Document expires',
};

export function defaultTitle(kind: DeadlineKind): string {
  return DEFAULT_TITLES[kind];
}

export interface ExistingKeyDateDeadline {
  id: string;
  kind: DeadlineKind;
  dueOn: string;
}

export interface KeyDatePlan {
  create: { kind: DeadlineKind; dueOn: string }[];
  move: { id: string; kind: DeadlineKind; from: string; to: string }[];
  remove: { id: string; kind: DeadlineKind; dueOn: string }[];
}

/**
 * What to do so that the file's key dates and its key-date deadlines agree: a date set with no deadline
 * creates one, a date that differs moves it, a cleared date removes it. Completion is not touched: a
 * completed deadline that moves stays completed (staff reopen it if the new date needs work again).
 */
export function planKeyDateSync(dates: KeyDates, existing: ExistingKeyDateDeadline[]): KeyDatePlan {
  const plan: KeyDatePlan = { create: [], move: [], remove: [] };
  for (const field of KEY_DATE_FIELDS) {
    const kind = KEY_DATE_KINDS[field];
    const dueOn = dates[field] ?? null;
    const current = existing.find((d) => d.kind === kind);
    if (dueOn === null) {
      if (current) {
        plan.remove.push({ id: current.id, kind, dueOn: current.dueOn });
      }
    } else if (!current) {
      plan.create.push({ kind, dueOn });
    } else if (current.dueOn !== dueOn) {
      plan.move.push({ id: current.id, kind, from: current.dueOn, to: dueOn });
    }
  }
  return plan;
}

/**
 * The status_expiry deadline the client's status gives (the expiry of a temporary status, or the last day to apply
 * for restoration) sits on one file: the client's newest open file. `dueOn` null (no date, or not this file)
 * removes it; `title` names what is due.
 */
export function planStatusDeadlineSync(
  status: { dueOn: string | null; title: string },
  existing: ExistingKeyDateDeadline[],
): KeyDatePlan & { title: string } {
  const plan: KeyDatePlan & { title: string } = { create: [], move: [], remove: [], title: status.title };
  const kind = DeadlineKind.StatusExpiry;
  const current = existing.find((d) => d.kind === kind);
  if (status.dueOn === null) {
    if (current) {
      plan.remove.push({ id: current.id, kind, dueOn: current.dueOn });
    }
  } else if (!current) {
    plan.create.push({ kind, dueOn: status.dueOn });
  } else if (current.dueOn !== status.dueOn) {
    plan.move.push({ id: current.id, kind, from: current.dueOn, to: status.dueOn });
  }
  return plan;
}
