import type { FeeScheduleServiceInput } from './rules/milestones';

const ON_SIGNING = { label: 'On signing the agreement', labelFr: 'À la signature de la convention' };
const ON_SUBMISSION = { label: 'On submission of the application', labelFr: 'Au dépôt de la demande' };

/** Half on signing, the rest on submission. */
const halves = (feeCents: number) => [
  { ...ON_SIGNING, amountCents: Math.floor(feeCents / 2) },
  { ...ON_SUBMISSION, amountCents: feeCents - Math.floor(feeCents / 2) },
];

const service = (
  name: string,
  nameFr: string,
  stream: FeeScheduleServiceInput['stream'],
  professionalFeeCents: number,
  governmentFeeKeys: string[],
): FeeScheduleServiceInput => ({
  name,
  nameFr,
  stream,
  professionalFeeCents,
  governmentFeeKeys,
  milestones: halves(professionalFeeCents),
  active: true,
});

/**
 * An example fee schedule loaded with the demo firm: plausible amounts in CAD for a small practice, not advice on
 * what to charge. Each firm sets its own fees in Settings → Fee schedule.
 */
export const EXAMPLE_FEE_SCHEDULE: readonly FeeScheduleServiceInput[] = [
  service('LMIA application (employer)', 'Demande d’EIMT (employeur)', 'TFWP', 300_000, ['lmia_processing']),
  service('Work permit with a positive LMIA', 'Permis de travail avec une EIMT favorable', 'TFWP', 200_000, [
    'work_permit',
    'biometrics_individual',
  ]),
  service(
    'Employer-specific work permit (IMP)',
    'Permis de travail lié à un employeur (PMI)',
    'IMP',
    250_000,
    ['work_permit', 'employer_compliance', 'biometrics_individual'],
  ),
  service(
    'Open work permit for a spouse or partner',
    'Permis de travail ouvert pour l’époux ou le conjoint',
    'IMP',
    180_000,
    ['work_permit', 'open_work_permit_holder', 'biometrics_individual'],
  ),
  service('Work permit extension', 'Prolongation du permis de travail', null, 150_000, ['work_permit']),
  service('Restoration of status', 'Rétablissement du statut', null, 200_000, ['restoration', 'work_permit']),
];
