import { ReferenceDataService } from '@app/reference-data';
import { checkFileFields, nocCodeProblem } from './file-fields';

const reference = new ReferenceDataService();

describe('NOC codes', () => {
  it('accepts NOC 2021 unit groups', () => {
    expect(nocCodeProblem('21232', reference)).toBeNull();
    expect(nocCodeProblem('85100', reference)).toBeNull();
  });

  it.each([
    ['2174', ['21230', '21232', '21234']],
    ['2171', ['21211', '21220', '21221', '21222', '21233']],
    ['2173', ['21211', '21231']],
    ['4011', ['41200']],
    ['3111', ['31100', '31101']],
    ['5135', ['53121']],
    ['5241', ['52120']],
  ])('answers the NOC 2016 code %s with its NOC 2021 successors', (code, successors) => {
    const problem = nocCodeProblem(code, reference) ?? '';
    expect(problem).toContain(`${code} is a NOC 2016 code`);
    for (const successor of successors) {
      const group = reference.nocUnitGroup(successor);
      expect(problem).toContain(`${successor} ${group?.title ?? ''}`);
    }
  });

  it('refuses unknown codes', () => {
    expect(nocCodeProblem('99999', reference)).toMatch(/not one of the 516 NOC 2021 unit groups/);
    expect(nocCodeProblem('9999', reference)).toMatch(/not a NOC 2021 unit group/);
    expect(nocCodeProblem('abc', reference)).toMatch(/not a NOC 2021 unit group/);
  });
});

describe('file fields', () => {
  it('passes a valid set of fields', () => {
    expect(
      checkFileFields(
        {
          nocCode: '21232',
          province: 'ON',
          employer: { name: 'Maple', businessNumber: '123456789' },
          irccApplicationNumber: 'W301234567',
          wage: { amount: 45.5, period: 'hour' },
          permitExpiresOn: '2028-12-31',
          submittedOn: null,
        },
        reference,
      ),
    ).toEqual({});
  });

  it('names each bad field', () => {
    const errors = checkFileFields(
      {
        nocCode: '2174',
        province: 'XX',
        employer: { name: '  ', businessNumber: '12345' },
        jobTitle: '',
        irccApplicationNumber: '301234567',
        wage: { amount: -1, period: 'day' as never },
        biometricsDueOn: '2026-02-30',
      },
      reference,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'biometricsDueOn',
      'employer.businessNumber',
      'employer.name',
      'irccApplicationNumber',
      'jobTitle',
      'nocCode',
      'province',
      'wage.amount',
      'wage.period',
    ]);
  });

  it('refuses a wage with more than 2 decimals', () => {
    expect(Object.keys(checkFileFields({ wage: { amount: 10.123, period: 'hour' } }, reference))).toEqual([
      'wage.amount',
    ]);
  });
});
