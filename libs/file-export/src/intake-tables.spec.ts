import type { IntakeForm } from '@app/intake';
import { intakeAnswersCsv } from './intake-tables';

const FORM: IntakeForm = {
  key: 'test',
  version: 1,
  title: { en: 'Test', fr: 'Test' },
  sections: [
    {
      key: 'identity',
      title: { en: 'Identity', fr: 'Identité' },
      items: [
        { key: 'familyName', type: 'text', label: { en: 'Family name', fr: 'Nom de famille' } },
        {
          key: 'maritalStatus',
          type: 'select',
          label: { en: 'Marital status', fr: 'État matrimonial' },
          options: [{ value: 'single', label: { en: 'Single', fr: 'Célibataire' } }],
        },
        { key: 'usedOtherNames', type: 'yesNo', label: { en: 'Other names?', fr: 'Autres noms?' } },
        {
          key: 'otherNames',
          type: 'text',
          label: { en: 'Other names', fr: 'Autres noms' },
          showIf: { field: 'usedOtherNames', equals: true },
        },
      ],
    },
    {
      key: 'history',
      title: { en: 'History', fr: 'Historique' },
      items: [
        {
          key: 'addresses',
          type: 'group',
          label: { en: 'Addresses', fr: 'Adresses' },
          maxItems: 5,
          fields: [
            { key: 'city', type: 'text', label: { en: 'City', fr: 'Ville' } },
            { key: 'toOn', type: 'date', label: { en: 'To', fr: 'Au' } },
          ],
        },
      ],
    },
  ],
};

describe('the intake answers as a readable table', () => {
  it('gives section, question and answer of each answered question shown, list items numbered', () => {
    const csv = intakeAnswersCsv(FORM, {
      familyName: 'Côté, "Zoé"',
      maritalStatus: 'single',
      usedOtherNames: false,
      otherNames: 'left over from an earlier answer',
      addresses: [
        { city: 'Pune', toOn: '2020-01-01' },
        { city: 'Toronto', toOn: null },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'section,question,answer,key',
      'Identity,Family name,"Côté, ""Zoé""",familyName',
      'Identity,Marital status,Single,maritalStatus',
      'Identity,Other names?,no,usedOtherNames',
      'History,Addresses 1 – City,Pune,addresses[0].city',
      'History,Addresses 1 – To,2020-01-01,addresses[0].toOn',
      'History,Addresses 2 – City,Toronto,addresses[1].city',
      '',
    ]);
  });

  it('is only the header when nothing was answered', () => {
    expect(intakeAnswersCsv(FORM, {})).toBe('section,question,answer,key\r\n');
  });
});
