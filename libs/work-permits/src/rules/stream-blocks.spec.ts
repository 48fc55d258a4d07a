import { ReferenceDataService } from '@app/reference-data';
import { LmiaStatus, WorkPermitStream } from '../entities/work-permit-file.entity';
import {
  applyStreamBlocks,
  lmiaExpiry,
  NO_STREAM_COLUMNS,
  type StreamBlockChange,
  type StreamColumns,
} from './stream-blocks';

const reference = new ReferenceDataService();
const context = { exemptionCode: (code: string) => reference.exemptionCode(code), lmiaValidityMonths: 6 };

function apply(change: Partial<StreamBlockChange> & Pick<StreamBlockChange, 'stream'>) {
  return applyStreamBlocks({ employerName: null, ...change }, context);
}

function errorsOf(
  change: Partial<StreamBlockChange> & Pick<StreamBlockChange, 'stream'>,
): Record<string, string[]> {
  const result = apply(change);
  if (result.ok) {
    throw new Error('expected errors');
  }
  return result.errors;
}

function columnsOf(change: Partial<StreamBlockChange> & Pick<StreamBlockChange, 'stream'>): StreamColumns {
  const result = apply(change);
  if (!result.ok) {
    throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  }
  return result.columns;
}

const IMP = WorkPermitStream.Imp;
const TFWP = WorkPermitStream.Tfwp;
const LMIA = { lmiaStream: 'agricultural', lmiaStatus: LmiaStatus.Positive };

describe('stream blocks: which block goes with which stream', () => {
  it('a TFWP file needs tfwp and refuses imp', () => {
    expect(Object.keys(errorsOf({ stream: TFWP, employerName: 'Fraser Farms' }))).toEqual(['tfwp']);
    expect(
      errorsOf({ stream: TFWP, employerName: 'Fraser Farms', tfwp: LMIA, imp: { exemptionCode: 'C10' } }),
    ).toEqual({
      imp: [expect.stringContaining('TFWP file carries no exemption code')],
    });
  });

  it('an IMP file needs imp and refuses tfwp', () => {
    expect(Object.keys(errorsOf({ stream: IMP }))).toEqual(['imp']);
    expect(errorsOf({ stream: IMP, imp: { exemptionCode: 'C43' }, tfwp: LMIA })).toEqual({
      tfwp: [expect.stringContaining('IMP file carries no LMIA')],
    });
  });

  it('a change cannot remove the block of its stream', () => {
    const current = { ...NO_STREAM_COLUMNS, exemptionCode: 'C43', impPermitType: 'open' as const };
    expect(Object.keys(errorsOf({ stream: IMP, current, imp: null }))).toEqual(['imp']);
  });
});

describe('stream blocks: IMP exemption codes', () => {
  it('derives the permit type from the code', () => {
    expect(columnsOf({ stream: IMP, imp: { exemptionCode: 'C43' } })).toMatchObject({
      exemptionCode: 'C43',
      impPermitType: 'open',
      offerOfEmploymentNumber: null,
      complianceFeePaid: null,
    });
    expect(
      columnsOf({
        stream: IMP,
        employerName: 'Maple',
        imp: { exemptionCode: 'c10', offerOfEmploymentNumber: 'A1234567' },
      }),
    ).toMatchObject({ exemptionCode: 'C10', impPermitType: 'employer_specific', complianceFeePaid: false });
  });

  it('refuses an unknown code', () => {
    expect(errorsOf({ stream: IMP, imp: { exemptionCode: 'Z99' } })).toEqual({
      'imp.exemptionCode': ["Z99 is not an IMP exemption code on IRCC's list"],
    });
    expect(Object.keys(errorsOf({ stream: IMP, imp: { exemptionCode: 'not a code' } }))).toEqual([
      'imp.exemptionCode',
    ]);
  });

  it('refuses retired codes on new files, naming their replacements', () => {
    const c12 = errorsOf({
      stream: IMP,
      employerName: 'Maple',
      imp: { exemptionCode: 'C12', offerOfEmploymentNumber: 'A1234567' },
    });
    expect(c12['imp.exemptionCode'][0]).toMatch(/C12 was retired on 2022-12-15; use C61, C62 or C63 instead/);
    for (const code of ['T21', 'T22', 'T23', 'T24']) {
      expect(errorsOf({ stream: IMP, imp: { exemptionCode: code } })['imp.exemptionCode'][0]).toMatch(
        new RegExp(`^${code} was retired .*; use .* instead`),
      );
    }
  });

  it('keeps a retired code a file already carries, and refuses switching to one', () => {
    const current = {
      ...NO_STREAM_COLUMNS,
      exemptionCode: 'C12',
      impPermitType: 'employer_specific' as const,
      offerOfEmploymentNumber: 'A7654321',
      complianceFeePaid: true,
    };
    expect(
      columnsOf({ stream: IMP, current, employerName: 'Maple', imp: { complianceFeePaid: false } }),
    ).toMatchObject({
      exemptionCode: 'C12',
      complianceFeePaid: false,
    });
    const c10 = { ...current, exemptionCode: 'C10' };
    expect(
      Object.keys(
        errorsOf({ stream: IMP, current: c10, employerName: 'Maple', imp: { exemptionCode: 'C12' } }),
      ),
    ).toEqual(['imp.exemptionCode']);
  });

  it('refuses a code closed to new applications, naming the date, unless the file records an application made before', () => {
    expect(
      errorsOf({
        stream: IMP,
        employerName: 'Ada',
        imp: { exemptionCode: 'C88', offerOfEmploymentNumber: 'A1234567' },
      })['imp.exemptionCode'][0],
    ).toBe('C88 closed to new applications on 2026-03-22; a new file cannot use it');
    expect(
      columnsOf({
        stream: IMP,
        employerName: 'Ada',
        submittedOn: '2026-03-01',
        imp: { exemptionCode: 'C88', offerOfEmploymentNumber: 'A1234567' },
      }).exemptionCode,
    ).toBe('C88');
    expect(
      errorsOf({
        stream: IMP,
        employerName: 'Ada',
        submittedOn: '2026-03-22',
        imp: { exemptionCode: 'C88', offerOfEmploymentNumber: 'A1234567' },
      }),
    ).toHaveProperty(['imp.exemptionCode']);
  });

  it('takes C90 (caregiver pilots, closed to new PR applications) on a new file: pending pilot applicants still qualify', () => {
    expect(columnsOf({ stream: IMP, imp: { exemptionCode: 'C90' } }).impPermitType).toBe('open');
  });

  it('needs no offer number where the employer may be exempt from the compliance regime (C10, C20, T11)', () => {
    expect(
      columnsOf({ stream: IMP, employerName: 'Embassy of France', imp: { exemptionCode: 'C10' } }),
    ).toMatchObject({
      exemptionCode: 'C10',
      impPermitType: 'employer_specific',
      offerOfEmploymentNumber: null,
    });
    expect(
      errorsOf({
        stream: IMP,
        employerName: 'Maple',
        imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A12' },
      }),
    ).toEqual({ 'imp.offerOfEmploymentNumber': [expect.stringContaining('A followed by 7 digits')] });
  });

  it('needs imp.permitType for codes whose permit type varies', () => {
    expect(Object.keys(errorsOf({ stream: IMP, imp: { exemptionCode: 'C21' } }))).toEqual(['imp.permitType']);
    expect(columnsOf({ stream: IMP, imp: { exemptionCode: 'C21', permitType: 'open' } }).impPermitType).toBe(
      'open',
    );
    expect(
      columnsOf({
        stream: IMP,
        employerName: 'Maple',
        imp: { exemptionCode: 'C21', permitType: 'employer_specific', offerOfEmploymentNumber: 'A1234567' },
      }).impPermitType,
    ).toBe('employer_specific');
  });

  it('refuses a permit type that contradicts the code, accepts one that agrees', () => {
    expect(
      Object.keys(errorsOf({ stream: IMP, imp: { exemptionCode: 'C43', permitType: 'employer_specific' } })),
    ).toEqual(['imp.permitType']);
    expect(columnsOf({ stream: IMP, imp: { exemptionCode: 'C43', permitType: 'open' } }).impPermitType).toBe(
      'open',
    );
  });

  it('needs an employer and an offer number of the right shape for employer-specific permits', () => {
    expect(errorsOf({ stream: IMP, imp: { exemptionCode: 'C16' } })).toEqual({
      'imp.offerOfEmploymentNumber': [expect.stringContaining('needs the offer of employment number')],
      'employer.name': [expect.stringContaining('employer.name is required')],
    });
    for (const bad of ['1234567', 'A123456', 'A12345678', 'a1234567', 'B1234567']) {
      expect(
        errorsOf({
          stream: IMP,
          employerName: 'Maple',
          imp: { exemptionCode: 'C10', offerOfEmploymentNumber: bad },
        }),
      ).toEqual({ 'imp.offerOfEmploymentNumber': [expect.stringContaining('A followed by 7 digits')] });
    }
    expect(
      columnsOf({
        stream: IMP,
        employerName: 'Maple',
        imp: { exemptionCode: 'C10', offerOfEmploymentNumber: 'A1234567', complianceFeePaid: true },
      }).complianceFeePaid,
    ).toBe(true);
  });

  it('refuses an offer number or a paid compliance fee on an open permit', () => {
    expect(
      Object.keys(
        errorsOf({ stream: IMP, imp: { exemptionCode: 'C43', offerOfEmploymentNumber: 'A1234567' } }),
      ),
    ).toEqual(['imp.offerOfEmploymentNumber']);
    expect(
      Object.keys(errorsOf({ stream: IMP, imp: { exemptionCode: 'C43', complianceFeePaid: true } })),
    ).toEqual(['imp.complianceFeePaid']);
  });

  it('drops the offer number when a change moves the file to an open code', () => {
    const current = {
      ...NO_STREAM_COLUMNS,
      exemptionCode: 'C10',
      impPermitType: 'employer_specific' as const,
      offerOfEmploymentNumber: 'A1234567',
      complianceFeePaid: true,
    };
    expect(
      columnsOf({ stream: IMP, current, employerName: 'Maple', imp: { exemptionCode: 'C43' } }),
    ).toMatchObject({
      exemptionCode: 'C43',
      impPermitType: 'open',
      offerOfEmploymentNumber: null,
      complianceFeePaid: null,
    });
  });
});

describe('stream blocks: TFWP LMIA', () => {
  it('needs a known LMIA stream, a status and an employer', () => {
    expect(
      errorsOf({ stream: TFWP, tfwp: { lmiaStream: 'fast_track', lmiaStatus: LmiaStatus.Pending } }),
    ).toEqual({
      'tfwp.lmiaStream': [expect.stringContaining('must be one of high_wage, low_wage')],
      'employer.name': [expect.any(String)],
    });
    expect(
      Object.keys(errorsOf({ stream: TFWP, employerName: 'F', tfwp: { lmiaStream: 'high_wage' } })),
    ).toEqual(['tfwp.lmiaStatus']);
  });

  it('checks the LMIA number is 7 to 10 digits', () => {
    for (const ok of ['1234567', '1234567890']) {
      expect(
        columnsOf({ stream: TFWP, employerName: 'F', tfwp: { ...LMIA, lmiaNumber: ok } }).lmiaNumber,
      ).toBe(ok);
    }
    for (const bad of ['123456', '12345678901', 'A234567']) {
      expect(
        Object.keys(errorsOf({ stream: TFWP, employerName: 'F', tfwp: { ...LMIA, lmiaNumber: bad } })),
      ).toEqual(['tfwp.lmiaNumber']);
    }
  });

  it('defaults the LMIA expiry to the issue date plus the validity', () => {
    expect(
      columnsOf({ stream: TFWP, employerName: 'F', tfwp: { ...LMIA, lmiaIssuedOn: '2026-10-01' } }),
    ).toMatchObject({
      lmiaIssuedOn: '2026-10-01',
      lmiaExpiresOn: '2027-04-01',
      exemptionCode: null,
    });
    expect(columnsOf({ stream: TFWP, employerName: 'F', tfwp: LMIA }).lmiaExpiresOn).toBeNull();
    expect(
      columnsOf({
        stream: TFWP,
        employerName: 'F',
        tfwp: { ...LMIA, lmiaIssuedOn: '2026-10-01', lmiaExpiresOn: '2027-01-15' },
      }).lmiaExpiresOn,
    ).toBe('2027-01-15');
  });

  it('refuses an expiry before the issue date', () => {
    expect(
      Object.keys(
        errorsOf({
          stream: TFWP,
          employerName: 'F',
          tfwp: { ...LMIA, lmiaIssuedOn: '2026-10-01', lmiaExpiresOn: '2026-09-30' },
        }),
      ),
    ).toEqual(['tfwp.lmiaExpiresOn']);
  });

  it('moves a defaulted expiry with the issue date but keeps one entered by hand', () => {
    const defaulted = { lmiaIssuedOn: '2026-10-01', lmiaExpiresOn: '2027-04-01' };
    expect(lmiaExpiry({ lmiaIssuedOn: '2026-11-15' }, defaulted, 6)).toBe('2027-05-15');
    const byHand = { lmiaIssuedOn: '2026-10-01', lmiaExpiresOn: '2027-01-15' };
    expect(lmiaExpiry({ lmiaIssuedOn: '2026-11-15' }, byHand, 6)).toBe('2027-01-15');
    expect(lmiaExpiry({ lmiaNumber: '1234567' }, byHand, 6)).toBe('2027-01-15');
    expect(lmiaExpiry({ lmiaExpiresOn: null }, byHand, 6)).toBeNull();
    expect(lmiaExpiry({ lmiaIssuedOn: null }, defaulted, 6)).toBeNull();
  });
});
