import { DeadlineKind } from '@app/work-permits';
import type { FieldErrors } from '@app/shared';

/** When deadline reminders go out and to whom. Edited by admins (GET|PUT /api/settings/reminders). */
export interface ReminderPolicy {
  /** Hour of the day (0-23) in the firm's time zone at which reminders and digests are sent. */
  sendHour: number;
  /** Per deadline kind: days before the due date, largest first (0 = on the day). */
  offsets: Record<DeadlineKind, number[]>;
  /** Also send every deadline reminder to each active assistant. */
  notifyAssistants: boolean;
  /** Email the admins once when a deadline is past and not completed. */
  escalateOverdue: boolean;
  /** One email a day per consultant: overdue items and the next 14 days. */
  dailyDigest: boolean;
}

export const DEADLINE_KINDS: readonly DeadlineKind[] = Object.values(DeadlineKind);
export const MAX_OFFSET_DAYS = 730;
export const MAX_OFFSETS_PER_KIND = 12;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  sendHour: 8,
  offsets: {
    [DeadlineKind.PermitExpiry]: [120, 90, 60, 30, 14, 7],
    [DeadlineKind.LmiaExpiry]: [60, 30, 14, 7],
    [DeadlineKind.Biometrics]: [21, 7, 2],
    [DeadlineKind.Medical]: [21, 7, 2],
    [DeadlineKind.PflResponse]: [14, 7, 2, 1],
    [DeadlineKind.PassportExpiry]: [180, 90],
    // Losing status in Canada is as serious as a permit expiring, with less to prepare.
    [DeadlineKind.StatusExpiry]: [90, 60, 30, 14, 7],
    [DeadlineKind.DocumentRequest]: [7, 2],
    [DeadlineKind.Custom]: [7, 1],
    // Time to ask the client for a new test, exam or certificate.
    [DeadlineKind.DocumentExpiry]: [60, 30],
  },
  notifyAssistants: false,
  escalateOverdue: true,
  dailyDigest: true,
};

/** Offsets sorted largest first, without repeats. */
export function normaliseOffsets(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** Problems with a policy, keyed by the request field path (`offsets.permit_expiry`, `sendHour`). */
export function checkPolicy(policy: ReminderPolicy): FieldErrors {
  const errors: FieldErrors = {};
  if (!Number.isInteger(policy.sendHour) || policy.sendHour < 0 || policy.sendHour > 23) {
    errors.sendHour = ['sendHour must be a whole hour from 0 to 23'];
  }
  for (const kind of DEADLINE_KINDS) {
    const days = policy.offsets[kind];
    if (!Array.isArray(days)) {
      errors[`offsets.${kind}`] = [`offsets.${kind} is required (an empty list sends no reminders)`];
    } else if (days.length > MAX_OFFSETS_PER_KIND) {
      errors[`offsets.${kind}`] = [`offsets.${kind} may list at most ${MAX_OFFSETS_PER_KIND} days`];
    } else if (days.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_OFFSET_DAYS)) {
      errors[`offsets.${kind}`] = [`offsets.${kind} must be whole days from 0 to ${MAX_OFFSET_DAYS}`];
    } else if (new Set(days).size !== days.length) {
      errors[`offsets.${kind}`] = [`offsets.${kind} lists a day twice`];
    }
  }
  for (const key of Object.keys(policy.offsets)) {
    if (!DEADLINE_KINDS.includes(key as DeadlineKind)) {
      errors[`offsets.${key}`] = [`${key} is not a deadline kind (${DEADLINE_KINDS.join(', ')})`];
    }
  }
  return errors;
}
