import type { IntakeForm } from './form-definition';
import {
  BACKGROUND_SECTION,
  CONTACT_SECTION,
  EDUCATION_SECTION,
  EMPLOYMENT_SECTION,
  FAMILY_SECTION,
  FIRM_SECTION,
  IMP_JOB_OFFER_SECTION,
  IN_CANADA_SECTION,
  LANGUAGES_SECTION,
  PASSPORT_SECTION,
  PERSONAL_SECTION,
  TFWP_JOB_OFFER_SECTION,
  TRAVEL_SECTION,
} from './sections';

const l = (en: string, fr: string) => ({ en, fr });

/** IMM 1295: a work permit applied for from outside Canada, with an LMIA. */
export const TFWP_OUTSIDE_CANADA_FORM: IntakeForm = {
  key: 'tfwp-outside-canada',
  version: 1,
  title: l('Work permit from outside Canada (LMIA)', 'Permis de travail depuis l’extérieur du Canada (EIMT)'),
  sections: [
    PERSONAL_SECTION,
    PASSPORT_SECTION,
    CONTACT_SECTION,
    TFWP_JOB_OFFER_SECTION,
    LANGUAGES_SECTION,
    EDUCATION_SECTION,
    EMPLOYMENT_SECTION,
    TRAVEL_SECTION,
    FAMILY_SECTION,
    BACKGROUND_SECTION,
    FIRM_SECTION,
  ],
};

/** IMM 1295: an LMIA-exempt (International Mobility Program) work permit from outside Canada. */
export const IMP_WORK_PERMIT_FORM: IntakeForm = {
  key: 'imp-work-permit',
  version: 1,
  title: l('LMIA-exempt work permit', 'Permis de travail dispensé d’EIMT'),
  sections: [
    PERSONAL_SECTION,
    PASSPORT_SECTION,
    CONTACT_SECTION,
    IMP_JOB_OFFER_SECTION,
    LANGUAGES_SECTION,
    EDUCATION_SECTION,
    EMPLOYMENT_SECTION,
    TRAVEL_SECTION,
    FAMILY_SECTION,
    BACKGROUND_SECTION,
    FIRM_SECTION,
  ],
};

/** IMM 5710: from inside Canada, for an extension, a new employer or a change of conditions. */
export const IN_CANADA_FORM: IntakeForm = {
  key: 'in-canada-imm5710',
  version: 1,
  title: l(
    'Work permit from inside Canada (extension or new employer)',
    'Permis de travail depuis le Canada (prolongation ou nouvel employeur)',
  ),
  sections: [
    PERSONAL_SECTION,
    PASSPORT_SECTION,
    CONTACT_SECTION,
    IN_CANADA_SECTION,
    { ...TFWP_JOB_OFFER_SECTION, items: [...TFWP_JOB_OFFER_SECTION.items, IMP_JOB_OFFER_SECTION.items[4]] },
    LANGUAGES_SECTION,
    EDUCATION_SECTION,
    EMPLOYMENT_SECTION,
    TRAVEL_SECTION,
    FAMILY_SECTION,
    BACKGROUND_SECTION,
    FIRM_SECTION,
  ],
};

export const INTAKE_FORMS: readonly IntakeForm[] = [
  TFWP_OUTSIDE_CANADA_FORM,
  IMP_WORK_PERMIT_FORM,
  IN_CANADA_FORM,
];

/** What picks a file's form: its stream (`TFWP` | `IMP`) and application type (`initial`, `extension`...). */
export interface IntakeFileKind {
  stream: string;
  applicationType: string;
}

/** The questionnaire for a file: an initial application is made from outside Canada, anything else from inside. */
export function intakeFormFor(file: IntakeFileKind): IntakeForm {
  if (file.applicationType !== 'initial') {
    return IN_CANADA_FORM;
  }
  return file.stream === 'IMP' ? IMP_WORK_PERMIT_FORM : TFWP_OUTSIDE_CANADA_FORM;
}

/** A form by key, as answers were saved against it (undefined for a key no longer defined). */
export function intakeFormByKey(key: string): IntakeForm | undefined {
  return INTAKE_FORMS.find((form) => form.key === key);
}
