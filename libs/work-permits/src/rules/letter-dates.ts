import { DateTime } from 'luxon';
import type { DeadlinePeriodId } from '@app/reference-data';
import type { FieldErrors } from '@app/shared';

/** `date` plus whole calendar days (a period counted from a letter: 2026-12-04 + 30 = 2027-01-03). */
export function addDays(date: string, days: number): string {
  const result = DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate();
  if (result === null) {
    throw new Error(`${date} is not a calendar date`);
  }
  return result;
}

/** The letters IRCC sends on a file, the date each records and the due date it gives. */
export const LETTER_DATES = [
  {
    letterField: 'biometricsLetterOn',
    dueField: 'biometricsDueOn',
    period: 'biometrics_letter',
    letter: 'biometric instruction letter',
  },
  {
    letterField: 'medicalLetterOn',
    dueField: 'medicalDueOn',
    period: 'medical_letter',
    letter: 'medical instructions',
  },
  {
    letterField: 'pflLetterOn',
    dueField: 'pflResponseDueOn',
    period: 'pfl_letter',
    letter: 'procedural-fairness letter',
  },
] as const;

export type LetterDateField = (typeof LETTER_DATES)[number]['letterField'];
export type LetterDueField = (typeof LETTER_DATES)[number]['dueField'];
export type LetterDates = { [F in LetterDateField | LetterDueField]?: string | null };

/** The firm's days for each period (its own setting, else the reference default); null: no default. */
export type PeriodDays = Partial<Record<DeadlinePeriodId, number | null>>;

/**
 * The due dates a request's letter dates give. A letter date given without its due date derives the due date
 * from the firm's period (biometrics 30 days from the letter, medical 30 days); a due date given explicitly wins.
 * Where the period has no default (a procedural-fairness letter states its own date), the due date must be given,
 * unless the file already has one. A due date before its letter is refused. `current` is the file as stored
 * (empty for a new file); only the fields to change are returned.
 */
export function deriveLetterDueDates(
  input: LetterDates,
  current: LetterDates,
  periods: PeriodDays,
): { columns: LetterDates; errors: FieldErrors } {
  const columns: LetterDates = {};
  const errors: FieldErrors = {};
  for (const { letterField, dueField, period, letter } of LETTER_DATES) {
    const letterOn = input[letterField] !== undefined ? input[letterField] : (current[letterField] ?? null);
    let dueOn = input[dueField] !== undefined ? input[dueField] : (current[dueField] ?? null);
    if (typeof input[letterField] === 'string' && input[dueField] === undefined) {
      const days = periods[period] ?? null;
      if (days !== null) {
        dueOn = addDays(input[letterField], days);
        columns[dueField] = dueOn;
      } else if (dueOn === null) {
        errors[dueField] = [
          `${dueField} is needed with ${letterField}: IRCC sets no default period for a ${letter}, so give ` +
            'the date the letter states (or set a firm default in the deadline periods settings)',
        ];
      }
    }
    if (typeof letterOn === 'string' && typeof dueOn === 'string' && dueOn < letterOn) {
      errors[dueField] = [`${dueField} (${dueOn}) cannot be before ${letterField} (${letterOn})`];
    }
  }
  return { columns, errors };
}

/**
 * The PGWP window: apply within `days` (180) of the final marks or completion letter, while the study permit was
 * valid at some point in that window; to keep working while the application is pending, apply before the study
 * permit expires. The study permit ends on its printed expiry or 90 days after completion, whichever comes first.
 */
export function pgwpWindow(input: { completedOn: string; studyPermitExpiresOn: string; days: number }): {
  applyBy: string;
  studyPermitEndsOn: string;
  eligible: boolean;
  keepWorkingIfAppliedBy: string;
} {
  const applyBy = addDays(input.completedOn, input.days);
  const ninetyAfter = addDays(input.completedOn, 90);
  const studyPermitEndsOn =
    input.studyPermitExpiresOn < ninetyAfter ? input.studyPermitExpiresOn : ninetyAfter;
  return {
    applyBy,
    studyPermitEndsOn,
    // Valid at some point of the window: it had not ended before the window opened.
    eligible: studyPermitEndsOn >= input.completedOn,
    keepWorkingIfAppliedBy: studyPermitEndsOn < applyBy ? studyPermitEndsOn : applyBy,
  };
}
