import { DateTime } from 'luxon';
import { addFieldError, type FieldErrors } from '@app/shared';
import { StatusInCanada } from '../entities/client.entity';

/**
 * The dates a status in Canada carries. Sources and check dates: docs/domain-sources-deadlines.md
 * ("Status in Canada").
 * - statusExpiresOn: the end of the authorised stay (visitor, worker, student, visitor record, TRP); under
 *   maintained status, the expiry of the permit or stay the pending application extends.
 * - statusAppliedOn: when the application to extend was made (maintained status, R183(5): it must be made before
 *   the status expires), when the restoration was applied for, or when the refugee claim was made.
 * - statusLostOn: the day status was lost (restoration: apply within 90 days, R182).
 */
export interface StatusDates {
  statusExpiresOn: string | null;
  statusAppliedOn: string | null;
  statusLostOn: string | null;
}
export type StatusDateField = keyof StatusDates;
export const STATUS_DATE_FIELDS: readonly StatusDateField[] = [
  'statusExpiresOn',
  'statusAppliedOn',
  'statusLostOn',
];

/** Which dates each status takes, and which of them it needs. */
const STATUS_DATES: Record<StatusInCanada, { allowed: StatusDateField[]; required: StatusDateField[] }> = {
  [StatusInCanada.None]: { allowed: [], required: [] },
  [StatusInCanada.PermanentResident]: { allowed: [], required: [] },
  [StatusInCanada.Visitor]: { allowed: ['statusExpiresOn'], required: [] },
  [StatusInCanada.Worker]: { allowed: ['statusExpiresOn'], required: [] },
  [StatusInCanada.Student]: { allowed: ['statusExpiresOn'], required: [] },
  [StatusInCanada.VisitorRecord]: { allowed: ['statusExpiresOn'], required: ['statusExpiresOn'] },
  [StatusInCanada.TrpHolder]: { allowed: ['statusExpiresOn'], required: ['statusExpiresOn'] },
  [StatusInCanada.MaintainedStatus]: {
    allowed: ['statusExpiresOn', 'statusAppliedOn'],
    required: ['statusExpiresOn', 'statusAppliedOn'],
  },
  [StatusInCanada.Restoration]: { allowed: ['statusLostOn', 'statusAppliedOn'], required: ['statusLostOn'] },
  [StatusInCanada.RefugeeClaimant]: { allowed: ['statusAppliedOn'], required: [] },
};

/** The restoration period (IRPR s.182), in days from the loss of status. */
export const RESTORATION_DAYS = 90;

/** Temporary statuses end on a date; the others do not. */
export function statusHasExpiry(status: StatusInCanada): boolean {
  return STATUS_DATES[status].allowed.includes('statusExpiresOn');
}

export function statusDateApplies(status: StatusInCanada, field: StatusDateField): boolean {
  return STATUS_DATES[status].allowed.includes(field);
}

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
}

/** The last day to apply for restoration: 90 days after status was lost. */
export function restorationDeadline(statusLostOn: string, days = RESTORATION_DAYS): string {
  return plusDays(statusLostOn, days);
}

/** Why these dates do not fit this status, keyed by field; empty when they do. */
export function statusDateProblems(
  status: StatusInCanada,
  dates: StatusDates,
  restorationDays = RESTORATION_DAYS,
): FieldErrors {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => addFieldError(errors, field, message);
  const rule = STATUS_DATES[status];
  for (const field of STATUS_DATE_FIELDS) {
    if (dates[field] !== null && !rule.allowed.includes(field)) {
      fail(field, `${field} does not apply to status ${status}`);
    } else if (dates[field] === null && rule.required.includes(field)) {
      fail(field, `${field} is needed for status ${status}`);
    }
  }
  const { statusExpiresOn: expiresOn, statusAppliedOn: appliedOn, statusLostOn: lostOn } = dates;
  if (status === StatusInCanada.MaintainedStatus && appliedOn && expiresOn && appliedOn > expiresOn) {
    fail(
      'statusAppliedOn',
      `maintained status needs the extension applied for on or before the status expired (${expiresOn}); ` +
        'applied later, only restoration is possible',
    );
  }
  if (status === StatusInCanada.Restoration && appliedOn && lostOn) {
    if (appliedOn < lostOn) {
      fail('statusAppliedOn', `statusAppliedOn cannot be before statusLostOn (${lostOn})`);
    } else if (appliedOn > restorationDeadline(lostOn, restorationDays)) {
      fail(
        'statusAppliedOn',
        `restoration must be applied for within ${restorationDays} days of losing status ` +
          `(by ${restorationDeadline(lostOn, restorationDays)})`,
      );
    }
  }
  return errors;
}

/**
 * The date the client's status_expiry deadline falls on, or null when none applies: the expiry of a temporary
 * status; for restoration not yet applied for, the last day to apply; none under maintained status (the status
 * lasts until the decision, as long as the client stays in Canada) or for a refugee claimant.
 */
export function statusDeadlineOn(
  status: StatusInCanada,
  dates: StatusDates,
  restorationDays = RESTORATION_DAYS,
): string | null {
  switch (status) {
    case StatusInCanada.Visitor:
    case StatusInCanada.Worker:
    case StatusInCanada.Student:
    case StatusInCanada.VisitorRecord:
    case StatusInCanada.TrpHolder:
      return dates.statusExpiresOn;
    case StatusInCanada.Restoration:
      return dates.statusLostOn && !dates.statusAppliedOn
        ? restorationDeadline(dates.statusLostOn, restorationDays)
        : null;
    case StatusInCanada.MaintainedStatus:
    case StatusInCanada.RefugeeClaimant:
    case StatusInCanada.None:
    case StatusInCanada.PermanentResident:
      return null;
  }
}
