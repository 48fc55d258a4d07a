import { ReferenceDataService } from '@app/reference-data';
import { fileWarnings, mayWarnOfRefusedArea, type WarnableFile } from './file-warnings';

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

const messages = (file: WarnableFile) => fileWarnings(file, context).map((warning) => warning.message);

describe('fileWarnings', () => {
  it('warns when the wage makes a high-wage file low-wage under the threshold in force (median + 20%)', () => {
    expect(messages({ ...base, wage: '32.00', wagePeriod: 'hour' })).toEqual([
      expect.stringMatching(
        /below ON's high-wage threshold of \$36\.00\/h .*so the position is low-wage, not high-wage/,
      ),
    ]);
    expect(messages({ ...base, wage: '36.00', wagePeriod: 'hour' })).toEqual([]);
    // Before 2024-11-08 the threshold was the median itself ($28.39 in Ontario).
    expect(messages({ ...base, wage: '32.00', wagePeriod: 'hour', lmiaIssuedOn: '2024-10-01' })).toEqual([]);
  });

  it('warns on a low-wage position longer than 12 months', () => {
    const lowWage = {
      ...base,
      lmiaStream: 'low_wage',
      wage: '20',
      wagePeriod: 'hour' as const,
      decisionOn: '2026-01-10',
    };
    expect(messages({ ...lowWage, permitExpiresOn: '2027-01-10' })).toEqual([]);
    expect(messages({ ...lowWage, permitExpiresOn: '2027-07-10' })).toEqual([
      expect.stringContaining('at most 12 months'),
    ]);
  });

  it('reads a refused-CMA list only for the files mayWarnOfRefusedArea names', () => {
    const lowWage = {
      ...base,
      lmiaStream: 'low_wage',
      lmiaIssuedOn: '2025-08-01',
      wage: '20',
      wagePeriod: 'hour' as const,
    };
    const files: WarnableFile[] = [
      { ...lowWage, workLocation: 'Toronto' },
      { ...lowWage, workLocation: null },
      { ...lowWage, workLocation: '' },
      { ...lowWage, stream: 'IMP', exemptionCode: 'C10', workLocation: 'Toronto' },
    ];
    for (const file of files) {
      let asked = false;
      fileWarnings(file, { ...context, refusedCmas: (day) => ((asked = true), context.refusedCmas(day)) });
      expect([file.workLocation, file.stream, asked]).toEqual([
        file.workLocation,
        file.stream,
        mayWarnOfRefusedArea(file),
      ]);
    }
    expect(files.map(mayWarnOfRefusedArea)).toEqual([true, false, false, false]);
  });

  it('warns on a low-wage position in a CMA on the refusal list in force, names compared loosely', () => {
    const lowWage = { ...base, lmiaStream: 'low_wage', lmiaIssuedOn: '2025-08-01', workLocation: 'Toronto' };
    expect(fileWarnings(lowWage, context)).toEqual([
      {
        code: 'low_wage_refused_area',
        message: expect.stringContaining('does not process low-wage LMIAs in Toronto'),
        params: expect.objectContaining({
          area: 'Toronto',
          unemploymentRate: 8.9,
          from: '2025-07-11',
          to: '2025-10-09',
        }),
      },
    ]);
    for (const workLocation of ['montreal', 'MONTRÉAL, QC', 'Ottawa - Gatineau', 'st johns']) {
      expect(messages({ ...lowWage, workLocation })).toEqual([
        expect.stringContaining('does not process low-wage LMIAs'),
      ]);
    }
    expect(messages({ ...lowWage, workLocation: 'Sudbury' })).toEqual([]);
    // Outside the list's quarter, or on a high-wage file, no warning.
    expect(messages({ ...lowWage, lmiaIssuedOn: '2025-11-01' })).toEqual([]);
    expect(messages({ ...lowWage, lmiaStream: 'high_wage' })).toEqual([]);
  });

  it('warns on a closed code and on a narrowed one, keeping the file valid', () => {
    const imp = { ...base, stream: 'IMP' as const, lmiaStream: null };
    expect(
      messages({
        ...imp,
        exemptionCode: 'C88',
        impPermitType: 'employer_specific',
        offerOfEmploymentNumber: 'A1234567',
      }),
    ).toEqual(['C88 closed to new applications on 2026-03-22; it stays valid only on files opened before']);
    expect(messages({ ...imp, exemptionCode: 'C46', impPermitType: 'open' })).toEqual([
      expect.stringMatching(/^C46: eligibility narrowed from 2025-01-21/),
    ]);
  });

  it('warns when a code that needs an offer only from non-exempt employers has none', () => {
    const imp = { ...base, stream: 'IMP' as const, lmiaStream: null, impPermitType: 'employer_specific' };
    expect(messages({ ...imp, exemptionCode: 'C10' })).toEqual([
      expect.stringContaining('unless the employer is exempt from the employer compliance regime'),
    ]);
    expect(messages({ ...imp, exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567' })).toEqual([]);
  });
});
