/** Sanity checks on the dates of a file or a client before saving: warnings the user confirms, never refusals. */

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Values = Record<string, unknown>;

/** A path's value in nested form values (`tfwp.lmiaExpiresOn`), as a calendar day or null. */
function dayAt(values: Values | undefined, path: string): string | null {
  let value: unknown = values;
  for (const part of path.split('.')) {
    value = value && typeof value === 'object' ? (value as Values)[part] : undefined;
  }
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** A date newly entered (or changed) that lies before today. Dates already stored are not warned about again. */
function newlyPast(values: Values, previous: Values | undefined, path: string, today: string): string | null {
  const day = dayAt(values, path);
  return day !== null && day < today && day !== dayAt(previous, path) ? day : null;
}

/** The key dates that should lie in the future, each keeping a deadline of the file. */
const FUTURE_DATES = ['tfwp.lmiaExpiresOn', 'biometricsDueOn', 'medicalDueOn', 'pflResponseDueOn'];

/**
 * What to check on a file before saving: a permit expiry in the past (the API then opens an overdue deadline and
 * escalates it to the admins at once), other key dates in the past, an application received after the LMIA
 * expired (IRCC must receive it on or before the LMIA expiry), a passport that expires before the permit.
 */
export function fileDateWarnings(
  values: Values,
  previous: Values | undefined,
  passportExpiresOn: string | null | undefined,
  today: string,
  translate: Translate,
): string[] {
  const warnings: string[] = [];
  const permitPast = newlyPast(values, previous, 'permitExpiresOn', today);
  if (permitPast) {
    warnings.push(translate('pd.checks.permit_past', { date: permitPast }));
  }
  for (const path of FUTURE_DATES) {
    const day = newlyPast(values, previous, path, today);
    if (day) {
      warnings.push(
        translate('pd.checks.past', { field: translate(`resources.files.fields.${path}`), date: day }),
      );
    }
  }
  const lmia = dayAt(values, 'tfwp.lmiaExpiresOn');
  const submitted = dayAt(values, 'submittedOn');
  if (values.stream !== 'IMP' && lmia && submitted && submitted > lmia) {
    warnings.push(translate('pd.checks.lmia_after_submission', { submitted, lmia }));
  }
  const permit = dayAt(values, 'permitExpiresOn');
  if (permit && passportExpiresOn && passportExpiresOn < permit) {
    warnings.push(translate('pd.checks.passport_before_permit', { passport: passportExpiresOn, permit }));
  }
  return warnings;
}

/** What to check on a client before saving: a passport or a status expiry newly entered in the past. */
export function clientDateWarnings(
  values: Values,
  previous: Values | undefined,
  today: string,
  translate: Translate,
): string[] {
  const warnings: string[] = [];
  const passport = newlyPast(values, previous, 'passportExpiresOn', today);
  if (passport) {
    warnings.push(translate('pd.checks.passport_past', { date: passport }));
  }
  const status = newlyPast(values, previous, 'statusExpiresOn', today);
  if (status && !dayAt(values, 'statusLostOn')) {
    warnings.push(translate('pd.checks.status_past', { date: status }));
  }
  return warnings;
}
