import { INTAKE_FORMS, intakeFormFor, TFWP_OUTSIDE_CANADA_FORM } from './intake-forms';
import type { IntakeForm } from './form-definition';
import { sectionProblems, validateIntake } from './validate-intake';

const form: IntakeForm = {
  key: 'test',
  version: 1,
  title: { en: 'Test', fr: 'Test' },
  sections: [
    {
      key: 'one',
      title: { en: 'One', fr: 'Un' },
      items: [
        { key: 'name', type: 'text', label: { en: 'Name', fr: 'Nom' }, required: true, maxLength: 5 },
        { key: 'born', type: 'date', label: { en: 'Born', fr: 'Né' }, notInFuture: true },
        { key: 'refused', type: 'yesNo', label: { en: 'Refused?', fr: 'Refusé?' }, required: true },
        {
          key: 'refusedDetails',
          type: 'textarea',
          label: { en: 'Explain', fr: 'Précisez' },
          required: true,
          showIf: { field: 'refused', equals: true },
        },
      ],
    },
    {
      key: 'two',
      title: { en: 'Two', fr: 'Deux' },
      items: [
        {
          key: 'size',
          type: 'select',
          label: { en: 'Size', fr: 'Taille' },
          options: [{ value: 's', label: { en: 'S', fr: 'P' } }],
        },
        { key: 'country', type: 'country', label: { en: 'Country', fr: 'Pays' } },
        {
          key: 'jobs',
          type: 'group',
          label: { en: 'Jobs', fr: 'Emplois' },
          required: true,
          maxItems: 2,
          fields: [
            { key: 'title', type: 'text', label: { en: 'Title', fr: 'Titre' }, required: true },
            { key: 'fromOn', type: 'date', label: { en: 'From', fr: 'Du' } },
          ],
        },
      ],
    },
  ],
};

const complete = { name: 'Ana', refused: false, jobs: [{ title: 'Cook' }] };

describe('validateIntake', () => {
  it('accepts an empty draft but requires the required answers on submit', () => {
    expect(validateIntake(form, {}, { final: false })).toEqual({});
    expect(validateIntake(form, {}, { final: true })).toEqual({
      name: 'required',
      refused: 'required',
      jobs: 'tooFewItems',
    });
    expect(validateIntake(form, complete, { final: true })).toEqual({});
  });

  it('treats blank text as missing on submit', () => {
    expect(validateIntake(form, { ...complete, name: '  ' }, { final: true })).toEqual({ name: 'required' });
  });

  it('requires an explanation only when its condition is met', () => {
    expect(validateIntake(form, { ...complete, refused: true }, { final: true })).toEqual({
      refusedDetails: 'required',
    });
    expect(
      validateIntake(form, { ...complete, refused: true, refusedDetails: 'In 2019' }, { final: true }),
    ).toEqual({});
  });

  it('checks types and shapes on a draft', () => {
    expect(
      validateIntake(
        form,
        { name: 'Too long', born: '2001-02-30', refused: 'yes', size: 'xl', country: 'ZZ', jobs: {} },
        { final: false },
      ),
    ).toEqual({
      name: 'tooLong',
      born: 'invalidDate',
      refused: 'notYesNo',
      size: 'invalidOption',
      country: 'invalidCountry',
      jobs: 'notList',
    });
    expect(validateIntake(form, { name: 7 }, { final: false })).toEqual({ name: 'notText' });
    expect(validateIntake(form, [], { final: false })).toEqual({ '': 'notItem' });
  });

  it('refuses dates in the future where the question says so', () => {
    expect(validateIntake(form, { born: '2030-01-01' }, { final: false, today: '2026-12-05' })).toEqual({
      born: 'dateInFuture',
    });
    expect(validateIntake(form, { born: '2000-01-01' }, { final: false, today: '2026-12-05' })).toEqual({});
  });

  it('refuses unknown answers, in the form and inside group items', () => {
    expect(
      validateIntake(form, { nickname: 'A', jobs: [{ title: 'Cook', salary: 5 }] }, { final: false }),
    ).toEqual({
      nickname: 'unknownField',
      'jobs.0.salary': 'unknownField',
    });
  });

  it('checks each item of a repeatable group by its index', () => {
    expect(
      validateIntake(form, { ...complete, jobs: [{ title: 'Cook' }, { fromOn: 'soon' }] }, { final: true }),
    ).toEqual({ 'jobs.1.title': 'required', 'jobs.1.fromOn': 'invalidDate' });
    expect(validateIntake(form, { jobs: ['Cook'] }, { final: false })).toEqual({ 'jobs.0': 'notItem' });
    expect(validateIntake(form, { jobs: [{}, {}, {}] }, { final: false })).toEqual({ jobs: 'tooManyItems' });
  });

  it('picks out the problems of one section', () => {
    const problems = validateIntake(form, {}, { final: true });
    expect(sectionProblems(form, 'two', problems)).toEqual({ jobs: 'tooFewItems' });
  });
});

describe('intake forms', () => {
  it.each(INTAKE_FORMS.map((f) => [f.key, f] as const))(
    '%s has unique keys and conditions on known answers',
    (_, f) => {
      const items = f.sections.flatMap((section) => section.items);
      const keys = items.map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const item of items) {
        if (item.showIf) {
          expect(keys).toContain(item.showIf.field);
        }
      }
      expect(new Set(f.sections.map((section) => section.key)).size).toBe(f.sections.length);
    },
  );

  it('picks the form by stream and application type', () => {
    expect(intakeFormFor({ stream: 'TFWP', applicationType: 'initial' }).key).toBe('tfwp-outside-canada');
    expect(intakeFormFor({ stream: 'IMP', applicationType: 'initial' }).key).toBe('imp-work-permit');
    expect(intakeFormFor({ stream: 'TFWP', applicationType: 'extension' }).key).toBe('in-canada-imm5710');
  });

  it('requires the explanation of a yes to a background question', () => {
    const problems = validateIntake(TFWP_OUTSIDE_CANADA_FORM, { criminalOffence: true }, { final: true });
    expect(problems.criminalOffenceDetails).toBe('required');
    expect(problems.tuberculosis).toBe('required');
  });
});
