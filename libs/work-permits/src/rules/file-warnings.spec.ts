import { ReferenceDataService } from '@app/reference-data';
import { fileWarnings, type WarnableFile } from './file-warnings';

const reference = new ReferenceDataService();
const context = {
  exemptionCode: (code: string) => reference.exemptionCode(code),
  wageRules: reference.lmiaWageRules(),
  refusedCmas: (day: string) => reference.refusedCmas(day),
};
const base: WarnableFile = {
  stream: 'TFWP',
  province: 'ON',
  wage: null,
  wagePeriod: null,
  lmiaStream: 'high_wage',
  lmiaIssuedOn: null,
  exemptionCode: null,
  impPermitType: null,
  offerOfEmploymentNumber: null,
  permitExpiresOn: null,
  decisionOn: null,
  submittedOn: null,
  openedOn: '2026-12-04',
};

describe('fileWarnings', () => {
  it('warns when the wage makes a high-wage file low-wage under the threshold in force (median + 20%)', () => {
    expect(fileWarnings({ ...base, wage: '32.00', wagePeriod: 'hour' }, context)).toEqual([
      expect.stringMatching(/below ON's high-wage threshold of \$36\.00\/h .*so the position is low-wage, not high-wage/),
    ]);
    expect(fileWarnings({ ...base, wage: '36.00', wagePeriod: 'hour' }, context)).toEqual([]);
    // Before 2024-11-08 the threshold was the median itself ($28.39 in Ontario).
    expect(fileWarnings({ ...base, wage: '32.00', wagePeriod: 'hour', lmiaIssuedOn: '2024-10-01' }, context)).toEqual([]);
  });

  it('warns on a low-wage position longer than 12 months', () => {
    const lowWage = { ...base, lmiaStream: 'low_wage', wage: '20', wagePeriod: 'hour' as const, decisionOn: '2026-01-10' };
    expect(fileWarnings({ ...lowWage, permitExpiresOn: '2027-01-10' }, context)).toEqual([]);
    expect(fileWarnings({ ...lowWage, permitExpiresOn: '2027-07-10' }, context)).toEqual([
      expect.stringContaining('at most 12 months'),
    ]);
  });

  it('warns on a low-wage position in a CMA on the refusal list in force', () => {
    const lowWage = { ...base, lmiaStream: 'low_wage', lmiaIssuedOn: '2025-08-01', workLocationCma: 'Toronto' };
    expect(fileWarnings(lowWage, context)).toEqual([expect.stringContaining('does not process low-wage LMIAs in Toronto')]);
    expect(fileWarnings({ ...lowWage, workLocationCma: 'Sudbury' }, context)).toEqual([]);
  });

  it('warns on a closed code and on a narrowed one, keeping the file valid', () => {
    const imp = { ...base, stream: 'IMP' as const, lmiaStream: null };
    expect(fileWarnings({ ...imp, exemptionCode: 'C88', impPermitType: 'employer_specific', offerOfEmploymentNumber: 'A1234567' }, context)).toEqual([
      'C88 closed to new applications on 2026-03-22; it stays valid only on files opened before',
    ]);
    expect(fileWarnings({ ...imp, exemptionCode: 'C46', impPermitType: 'open' }, context)).toEqual([
      expect.stringMatching(/^C46: eligibility narrowed from 2025-01-21/),
    ]);
  });

  it('warns when a code that needs an offer only from non-exempt employers has none', () => {
    const imp = { ...base, stream: 'IMP' as const, lmiaStream: null, impPermitType: 'employer_specific' };
    expect(fileWarnings({ ...imp, exemptionCode: 'C10' }, context)).toEqual([
      expect.stringContaining('unless the employer is exempt from the employer compliance regime'),
    ]);
    expect(fileWarnings({ ...imp, exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567' }, context)).toEqual([]);
  });
});
