import {
  classifyWage,
  exemptionCodeWarningDetails,
  findRefusedArea,
  hourlyWage,
  isProvinceCode,
  ruleOn,
  type ExemptionCode,
  type LmiaWageRules,
  type RefusedCmaList,
  type RuleWarning,
} from '@app/reference-data';
import type { WagePeriod } from './formats';
import { addMonths } from './calendar-dates';

/** What the warnings look at: a file's columns, as stored. */
export interface WarnableFile {
  stream: 'TFWP' | 'IMP';
  province: string | null;
  wage: string | number | null;
  wagePeriod: WagePeriod | null;
  lmiaStream: string | null;
  lmiaIssuedOn: string | null;
  exemptionCode: string | null;
  impPermitType: string | null;
  offerOfEmploymentNumber: string | null;
  permitExpiresOn: string | null;
  decisionOn: string | null;
  submittedOn: string | null;
  /** The calendar day the file was opened: the date the rules are read at when no LMIA date is known. */
  openedOn: string;
  /** Where the job is (CMA or municipality), when the file records it. */
  workLocation?: string | null;
}

export interface WarningContext {
  exemptionCode(code: string): ExemptionCode | undefined;
  wageRules: LmiaWageRules;
  /** The refused-CMA list in force on a day (as stored in the database). */
  refusedCmas(day: string): RefusedCmaList | undefined;
}

const money = (amount: number) => `$${amount.toFixed(2)}`;

/**
 * One warning on a file: `code` says which rule (exemption_code_closed, exemption_code_pilot_check,
 * exemption_code_restricted, offer_number_may_be_needed, wage_stream_mismatch, low_wage_duration,
 * low_wage_refused_area), `params` the values the UI words it with, `message` the English words.
 */
export type FileWarning = RuleWarning;

/**
 * What staff should know about a file, read from dated reference data; never a refusal, so old files stay valid.
 * IMP: a closed, closing or narrowed exemption code; an employer-specific permit without an offer number where
 * only compliance-exempt employers may go without. TFWP: the wage against the province's high-wage threshold on
 * the LMIA's date vs the stream chosen; a low-wage position longer than the maximum duration or in a CMA where
 * ESDC refuses to process low-wage LMIAs.
 */
export function fileWarnings(file: WarnableFile, context: WarningContext): FileWarning[] {
  return file.stream === 'IMP' ? impWarnings(file, context) : tfwpWarnings(file, context);
}

/**
 * Whether fileWarnings may ask the context for a refused-CMA list: only a TFWP file with a work location can be
 * warned of one, so a caller can skip reading the lists for the others.
 */
export function mayWarnOfRefusedArea(file: Pick<WarnableFile, 'stream' | 'workLocation'>): boolean {
  return file.stream !== 'IMP' && Boolean(file.workLocation);
}

function impWarnings(file: WarnableFile, context: WarningContext): FileWarning[] {
  const code = file.exemptionCode ? context.exemptionCode(file.exemptionCode) : undefined;
  if (!code) {
    return [];
  }
  const warnings = exemptionCodeWarningDetails(code);
  if (
    file.impPermitType === 'employer_specific' &&
    file.offerOfEmploymentNumber === null &&
    code.employerPortalOfferRequired === 'varies'
  ) {
    warnings.push({
      code: 'offer_number_may_be_needed',
      message:
        `No offer of employment number: ${code.code} needs one from the Employer Portal unless the employer is exempt ` +
        'from the employer compliance regime (a foreign government, diplomatic mission or consular post, ' +
        'international organisation, or international bridge or tunnel operator)',
      params: { exemptionCode: code.code },
    });
  }
  return warnings;
}

function tfwpWarnings(file: WarnableFile, context: WarningContext): FileWarning[] {
  const warnings: FileWarning[] = [];
  const day = file.lmiaIssuedOn ?? file.openedOn;
  const rules = context.wageRules;
  let wageClass: 'high_wage' | 'low_wage' | null = file.lmiaStream === 'low_wage' ? 'low_wage' : null;
  if (file.wage !== null && file.wagePeriod !== null && isProvinceCode(file.province)) {
    const hourly = hourlyWage(Number(file.wage), file.wagePeriod);
    const found = classifyWage(rules, file.province, hourly, day);
    if (found && (file.lmiaStream === 'high_wage' || file.lmiaStream === 'low_wage')) {
      wageClass = found.wageClass;
      if (found.wageClass !== file.lmiaStream) {
        const basis =
          found.rule.basis === 'median' ? 'the median hourly wage' : 'the median hourly wage + 20%';
        const assumed = file.wagePeriod === 'hour' ? '' : ' (at 40 hours a week)';
        warnings.push({
          code: 'wage_stream_mismatch',
          message:
            `The wage (${money(hourly)}/h${assumed}) is ${found.wageClass === 'high_wage' ? 'at or above' : 'below'} ` +
            `${file.province}'s high-wage threshold of ${money(found.thresholdCad)}/h (${basis}, in force on ${day}), ` +
            `so the position is ${found.wageClass.replace('_', '-')}, not ${file.lmiaStream.replace('_', '-')} as chosen`,
          params: {
            hourlyWage: Math.round(hourly * 100) / 100,
            assumedHours: file.wagePeriod === 'hour' ? null : 40,
            province: file.province,
            threshold: found.thresholdCad,
            basis: found.rule.basis,
            day,
            wageClass: found.wageClass,
            chosen: file.lmiaStream,
          },
        });
      }
    }
  }
  if (wageClass !== 'low_wage') {
    return warnings;
  }
  const maxDuration = ruleOn(rules.lowWageMaxDurations, day);
  const start = file.decisionOn ?? file.submittedOn;
  if (
    maxDuration &&
    start &&
    file.permitExpiresOn &&
    file.permitExpiresOn > addMonths(start, maxDuration.months)
  ) {
    warnings.push({
      code: 'low_wage_duration',
      message:
        `A low-wage position may be offered for at most ${maxDuration.months} months (from ${maxDuration.effectiveFrom}); ` +
        `the permit runs from ${start} to ${file.permitExpiresOn}`,
      params: {
        months: maxDuration.months,
        since: maxDuration.effectiveFrom,
        start,
        end: file.permitExpiresOn,
      },
    });
  }
  if (file.workLocation && ruleOn([context.wageRules.cmaRefusal], day)) {
    const list = context.refusedCmas(day);
    const cma = list ? findRefusedArea(list, file.workLocation) : undefined;
    if (list && cma) {
      const rate = cma.unemploymentRate === null ? '' : `unemployment ${cma.unemploymentRate}%, `;
      warnings.push({
        code: 'low_wage_refused_area',
        message:
          `ESDC does not process low-wage LMIAs in ${cma.name} (${rate}list for ` +
          `${list.effectiveFrom} to ${list.effectiveTo ?? 'now'}, read on ${day})`,
        params: {
          area: cma.name,
          unemploymentRate: cma.unemploymentRate,
          from: list.effectiveFrom,
          to: list.effectiveTo,
          day,
          source: list.source,
        },
      });
    }
  }
  return warnings;
}
