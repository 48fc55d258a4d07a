import { clientDateWarnings, fileDateWarnings } from './date-checks';

const t = (key: string, args: Record<string, unknown> = {}) => `${key} ${JSON.stringify(args)}`;
const TODAY = '2026-12-05';

describe('fileDateWarnings', () => {
  it('warns about a past permit expiry, a passport expiring first and an LMIA expired before submission', () => {
    const warnings = fileDateWarnings(
      {
        stream: 'TFWP',
        permitExpiresOn: '2026-11-30',
        submittedOn: '2026-10-02',
        tfwp: { lmiaExpiresOn: '2026-10-01' },
      },
      undefined,
      '2026-06-01',
      TODAY,
      t,
    );
    expect(warnings.map((w) => w.split(' ')[0])).toEqual([
      'pd.checks.permit_past',
      'pd.checks.past',
      'pd.checks.lmia_after_submission',
      'pd.checks.passport_before_permit',
    ]);
  });

  it('says nothing of future dates, nor of a past date already stored', () => {
    const stored = { permitExpiresOn: '2026-11-30' };
    expect(fileDateWarnings({ ...stored, biometricsDueOn: '2027-01-04' }, stored, null, TODAY, t)).toEqual(
      [],
    );
    expect(
      fileDateWarnings({ stream: 'IMP', permitExpiresOn: '2028-01-01' }, undefined, '2029-01-01', TODAY, t),
    ).toEqual([]);
  });
});

describe('clientDateWarnings', () => {
  it('warns about a passport or status expiry entered in the past, unless the status loss is recorded', () => {
    expect(
      clientDateWarnings(
        { passportExpiresOn: '2026-01-01', statusExpiresOn: '2026-12-01' },
        {},
        TODAY,
        t,
      ).map((w) => w.split(' ')[0]),
    ).toEqual(['pd.checks.passport_past', 'pd.checks.status_past']);
    expect(
      clientDateWarnings({ statusExpiresOn: '2026-12-01', statusLostOn: '2026-12-02' }, {}, TODAY, t),
    ).toEqual([]);
  });
});
