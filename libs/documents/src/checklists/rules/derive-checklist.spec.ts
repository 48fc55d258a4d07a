// A long spec by design: one case per checklist rule of the catalogue, with its IRCC source;
// the cases read as a table of the rules.
import { deriveChecklist } from '../checklists';
import type {
  ChecklistCatalogue,
  ChecklistInput,
  ChecklistItem,
  FirmChecklistItem,
} from '../checklist.types';
import { appliesFromInsideCanada, deriveChecklistFrom } from './derive-checklist';

const keys = (items: ChecklistItem[]) => items.map((item) => item.key);
const required = (items: ChecklistItem[]) => items.filter((item) => item.required).map((item) => item.key);
const item = (items: ChecklistItem[], key: string) => {
  const found = items.find((entry) => entry.key === key);
  if (!found) throw new Error(`${key} is not on the checklist: ${keys(items).join(', ')}`);
  return found;
};

const tfwpOutside: ChecklistInput = {
  stream: 'TFWP',
  applicationType: 'initial',
  appliesFromInsideCanada: false,
  lmiaStream: 'high_wage',
};

describe('deriveChecklist', () => {
  it('lists a TFWP initial file applied for outside Canada (IMM 5488), forms first', () => {
    const items = deriveChecklist(tfwpOutside);

    expect(keys(items)).toEqual([
      'imm1295_application_outside',
      'imm5707_family_information',
      'imm5476_use_of_representative',
      'imm5475_authority_to_release',
      'fee_payment_receipt',
      'passport',
      'photos',
      'lmia_copy',
      'job_offer_letter',
      'caq_quebec',
      'cv_resume',
      'diplomas_degrees',
      'reference_letters',
      'professional_licence',
      'language_test_results',
      'medical_exam',
      'police_certificates',
      'proof_of_funds',
      'certified_translations',
    ]);
    expect(required(items)).toEqual([
      'imm1295_application_outside',
      'imm5707_family_information',
      'imm5476_use_of_representative',
      'fee_payment_receipt',
      'passport',
      'photos',
      'lmia_copy',
      'job_offer_letter',
      'cv_resume',
      'diplomas_degrees',
      'reference_letters',
    ]);
    expect(keys(items)).not.toContain('imm5710_application_inside');
    expect(keys(items)).not.toContain('offer_of_employment_number');
  });

  it('gives each item EN/FR titles, its sources with the date checked, and conditions in words', () => {
    const items = deriveChecklist(tfwpOutside);

    expect(item(items, 'passport')).toMatchObject({
      title: 'Passport',
      titleFr: 'Passeport',
      origin: 'ircc',
    });
    expect(item(items, 'job_offer_letter').titleFr).toBe("Lettre d'offre d'emploi ou contrat de travail");
    for (const entry of items) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) {
        expect(source).toMatchObject({ checkedOn: '2026-12-04', url: expect.stringMatching(/^https?:\/\//) });
      }
    }
    expect(item(items, 'caq_quebec')).toMatchObject({
      required: false,
      requirement: 'conditional',
      condition: { key: 'work_in_quebec', en: 'The job is in Quebec.', fr: "L'emploi est situé au Québec." },
    });
  });

  it('carries the expiry rules, saying which are IRCC rules and which are firm defaults', () => {
    const items = deriveChecklist(tfwpOutside);

    expect(item(items, 'language_test_results').expiry).toMatchObject({
      rule: 'months_after',
      months: 24,
      from: 'test_date',
      basis: 'ircc_rule',
    });
    expect(item(items, 'medical_exam').expiry).toMatchObject({
      months: 12,
      from: 'exam_date',
      basis: 'ircc_rule',
    });
    expect(item(items, 'police_certificates').expiry).toMatchObject({
      months: 6,
      from: 'issue_date',
      basis: 'firm_default',
    });
    expect(item(items, 'passport').expiry).toMatchObject({ rule: 'document_expiry', basis: 'document' });
  });

  it('lists a spousal open work permit (C41) applied for inside Canada (IMM 5556)', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: true,
      exemptionCode: 'C41',
      impPermitType: 'open',
    });

    expect(required(items)).toEqual([
      'imm5710_application_inside',
      'imm5476_use_of_representative',
      'fee_payment_receipt',
      'passport',
      'photos',
      'proof_of_status_in_canada',
      'principal_status_proof',
      'principal_employment_proof',
    ]);
    expect(keys(items)).toEqual(
      expect.arrayContaining([
        'marriage_certificate',
        'imm5409_common_law_declaration',
        'relationship_evidence',
      ]),
    );
    for (const absent of ['imm1295_application_outside', 'imm5707_family_information', 'job_offer_letter']) {
      expect(keys(items)).not.toContain(absent);
    }
  });

  it('asks for the enrolment of the principal on a C42 file rather than the employment', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: true,
      exemptionCode: 'C42',
      impPermitType: 'open',
    });

    expect(keys(items)).toContain('principal_enrolment_proof');
    expect(keys(items)).not.toContain('principal_employment_proof');
  });

  it('asks for the significant-benefit letter and the offer of employment on a C10 file', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: false,
      exemptionCode: 'c10 ',
      impPermitType: 'employer_specific',
    });

    expect(required(items)).toEqual(
      expect.arrayContaining([
        'offer_of_employment_number',
        'job_offer_letter',
        'significant_benefit_support_letter',
      ]),
    );
    expect(keys(items)).not.toContain('lmia_copy');
  });

  it('asks for French-language evidence on a Mobilité francophone (C16) file', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: false,
      exemptionCode: 'C16',
      impPermitType: 'employer_specific',
    });

    expect(item(items, 'french_language_evidence')).toMatchObject({
      required: true,
      titleFr: 'Mobilité francophone : preuve de la connaissance du français',
    });
    expect(keys(items)).toContain('offer_of_employment_number');
  });

  it('asks for the CUSMA degree or licence on a T36 file', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: false,
      exemptionCode: 'T36',
      impPermitType: 'employer_specific',
    });

    expect(item(items, 'cusma_qualification_evidence').required).toBe(true);
  });

  it('requires the IEC documents, police certificates and funds on a C21 Working Holiday file', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: false,
      exemptionCode: 'C21',
      impPermitType: 'open',
    });

    expect(required(items)).toEqual(
      expect.arrayContaining([
        'iec_invitation_to_apply',
        'police_certificates',
        'proof_of_funds',
        'iec_health_insurance',
        'cv_resume',
      ]),
    );
    expect(item(items, 'police_certificates').condition).toBeNull();
    expect(item(items, 'iec_port_of_entry_letter')).toMatchObject({
      required: false,
      condition: { key: 'after_approval' },
    });
    expect(keys(items)).not.toContain('offer_of_employment_number');
  });

  it('adds the offer of employment on a C21 Young Professionals (employer-specific) file', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: false,
      exemptionCode: 'C21',
      impPermitType: 'employer_specific',
    });

    expect(keys(items)).toEqual(
      expect.arrayContaining(['offer_of_employment_number', 'iec_invitation_to_apply']),
    );
  });

  it('lists a post-graduation work permit (C43) with the completion letter and the transcript', () => {
    const items = deriveChecklist({
      stream: 'IMP',
      applicationType: 'initial',
      appliesFromInsideCanada: true,
      exemptionCode: 'C43',
      impPermitType: 'open',
      representedByPaidConsultant: false,
    });

    expect(required(items)).toEqual([
      'imm5710_application_inside',
      'fee_payment_receipt',
      'passport',
      'photos',
      'proof_of_status_in_canada',
      'pgwp_completion_letter',
      'pgwp_transcript',
    ]);
    expect(keys(items)).not.toContain('imm5476_use_of_representative');
  });

  it('adds the restoration fee and the explanation on a restoration', () => {
    const items = deriveChecklist({
      ...tfwpOutside,
      applicationType: 'restoration',
      appliesFromInsideCanada: true,
    });

    expect(required(items)).toEqual(
      expect.arrayContaining([
        'imm5710_application_inside',
        'restoration_fee_receipt',
        'restoration_explanation',
      ]),
    );
    expect(keys(items).indexOf('restoration_fee_receipt')).toBeLessThan(keys(items).indexOf('passport'));
  });

  it('lists an extension inside Canada without the restoration items', () => {
    const items = deriveChecklist({
      ...tfwpOutside,
      applicationType: 'extension',
      appliesFromInsideCanada: true,
    });

    expect(keys(items)).toEqual(
      expect.arrayContaining(['imm5710_application_inside', 'proof_of_status_in_canada', 'lmia_copy']),
    );
    for (const absent of [
      'restoration_fee_receipt',
      'restoration_explanation',
      'imm1295_application_outside',
    ]) {
      expect(keys(items)).not.toContain(absent);
    }
  });

  it('adds the family documents when family members accompany the applicant', () => {
    const alone = keys(deriveChecklist(tfwpOutside));
    const withFamily = keys(deriveChecklist({ ...tfwpOutside, hasAccompanyingFamily: true }));

    expect(alone).not.toContain('marriage_certificate');
    expect(withFamily).toEqual(
      expect.arrayContaining([
        'marriage_certificate',
        'birth_certificates_children',
        'imm5409_common_law_declaration',
      ]),
    );
  });

  it('still derives a file with a retired code (C12), with no code-specific item', () => {
    const input: ChecklistInput = {
      stream: 'IMP',
      applicationType: 'extension',
      appliesFromInsideCanada: true,
      exemptionCode: 'C12',
      impPermitType: 'employer_specific',
    };

    const items = deriveChecklist(input);

    expect(keys(items)).toEqual(
      keys(deriveChecklist({ ...input, exemptionCode: 'Z99' })), // unknown to the catalogue too
    );
    expect(keys(items)).toContain('offer_of_employment_number');
  });

  it('appends the firm items of the file stream, once each, after the IRCC items', () => {
    const firmItems: FirmChecklistItem[] = [
      {
        key: 'signed_service_agreement',
        stream: null,
        title: 'Signed service agreement',
        titleFr: 'Entente de service signée',
        required: true,
      },
      {
        key: 'employer_questionnaire',
        stream: 'TFWP',
        title: 'Employer questionnaire',
        titleFr: "Questionnaire de l'employeur",
        required: false,
      },
      { key: 'imp_intake_form', stream: 'IMP', title: 'IMP intake', titleFr: 'Accueil PMI', required: true },
      {
        key: 'passport',
        stream: null,
        title: 'Passport (firm)',
        titleFr: 'Passeport (cabinet)',
        required: true,
      },
      { key: 'signed_service_agreement', stream: 'TFWP', title: 'Again', titleFr: 'Encore', required: false },
    ];

    const items = deriveChecklist(tfwpOutside, firmItems);

    expect(keys(items).slice(-2)).toEqual(['signed_service_agreement', 'employer_questionnaire']);
    expect(new Set(keys(items)).size).toBe(items.length);
    expect(item(items, 'passport').origin).toBe('ircc');
    expect(item(items, 'signed_service_agreement')).toMatchObject({
      origin: 'firm',
      group: 'supporting',
      required: true,
      titleFr: 'Entente de service signée',
    });
    expect(item(items, 'employer_questionnaire')).toMatchObject({
      required: false,
      requirement: 'conditional',
    });
    expect(keys(items)).not.toContain('imp_intake_form');
  });

  it('returns the same list for the same file', () => {
    expect(deriveChecklist(tfwpOutside)).toEqual(deriveChecklist(tfwpOutside));
  });
});

describe('deriveChecklistFrom (conditions on a small catalogue)', () => {
  const base = {
    help: { en: 'h', fr: 'h' },
    requirement: 'required' as const,
    condition: null,
    requiredWhen: null,
    expiry: null,
    sources: [{ ref: 's', checkedOn: '2026-12-04' }],
    sourceNote: null,
  };
  const catalogue: ChecklistCatalogue = {
    checkedOn: '2026-12-04',
    reviewBy: '2027-06-04',
    sources: { s: { title: 'S', url: 'https://example.org', kind: 'secondary', note: null } },
    items: [
      {
        ...base,
        key: 'supporting_first',
        group: 'supporting',
        title: { en: 'a', fr: 'a' },
        appliesWhen: null,
      },
      {
        ...base,
        key: 'seasonal_only',
        group: 'job',
        title: { en: 'b', fr: 'b' },
        appliesWhen: [{ streams: ['TFWP'], lmiaStreams: ['seasonal_agricultural'] }],
      },
      {
        ...base,
        key: 'form_last',
        group: 'forms',
        title: { en: 'c', fr: 'c' },
        appliesWhen: [{ location: 'outside' }, { applicationTypes: ['restoration'] }],
      },
    ],
  };
  const input: ChecklistInput = { stream: 'TFWP', applicationType: 'initial', appliesFromInsideCanada: true };

  it('orders by group whatever the catalogue order, and matches LMIA streams', () => {
    expect(keys(deriveChecklistFrom(catalogue, { ...input, lmiaStream: 'seasonal_agricultural' }))).toEqual([
      'seasonal_only',
      'supporting_first',
    ]);
    expect(keys(deriveChecklistFrom(catalogue, { ...input, lmiaStream: 'high_wage' }))).toEqual([
      'supporting_first',
    ]);
  });

  it('treats the conditions of a list as alternatives', () => {
    expect(keys(deriveChecklistFrom(catalogue, { ...input, appliesFromInsideCanada: false }))[0]).toBe(
      'form_last',
    );
    expect(keys(deriveChecklistFrom(catalogue, { ...input, applicationType: 'restoration' }))[0]).toBe(
      'form_last',
    );
  });
});

describe('appliesFromInsideCanada', () => {
  it.each([
    ['extension', 'none', true],
    ['change_of_conditions', 'worker', true],
    ['restoration', 'restoration', true],
    ['initial', 'none', false],
    ['initial', 'permanent_resident', false],
    ['initial', 'student', true],
    ['initial', 'visitor', true],
    ['initial', null, false],
  ])('%s with status %s: %s', (applicationType, statusInCanada, inside) => {
    expect(appliesFromInsideCanada({ applicationType, statusInCanada })).toBe(inside);
  });
});
