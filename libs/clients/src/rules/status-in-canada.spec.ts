import { StatusInCanada } from '../entities/client.entity';
import {
  restorationDeadline,
  statusDateProblems,
  statusDeadlineOn,
  statusHasExpiry,
  type StatusDates,
} from './status-in-canada';

const none: StatusDates = { statusExpiresOn: null, statusAppliedOn: null, statusLostOn: null };
const dates = (d: Partial<StatusDates>): StatusDates => ({ ...none, ...d });

describe('status in Canada', () => {
  it('knows which statuses end on a date', () => {
    expect(Object.values(StatusInCanada).filter(statusHasExpiry).sort()).toEqual([
      'maintained_status',
      'student',
      'trp_holder',
      'visitor',
      'visitor_record',
      'worker',
    ]);
  });

  describe('maintained status (R183(5))', () => {
    it('needs the date the extension was applied for and the expiry of the status it extends', () => {
      expect(Object.keys(statusDateProblems(StatusInCanada.MaintainedStatus, none)).sort()).toEqual([
        'statusAppliedOn',
        'statusExpiresOn',
      ]);
      expect(
        statusDateProblems(
          StatusInCanada.MaintainedStatus,
          dates({ statusExpiresOn: '2026-12-31', statusAppliedOn: '2026-12-31' }),
        ),
      ).toEqual({});
    });

    it('is refused when the extension was applied for after the status expired: only restoration remains', () => {
      const problems = statusDateProblems(
        StatusInCanada.MaintainedStatus,
        dates({ statusExpiresOn: '2026-11-30', statusAppliedOn: '2026-12-01' }),
      );
      expect(problems.statusAppliedOn?.[0]).toContain('only restoration is possible');
    });

    it('gives no status deadline: the status lasts until the decision', () => {
      expect(
        statusDeadlineOn(
          StatusInCanada.MaintainedStatus,
          dates({ statusExpiresOn: '2026-11-30', statusAppliedOn: '2026-11-01' }),
        ),
      ).toBeNull();
    });
  });

  describe('restoration (R182)', () => {
    it('needs the day status was lost, and gives the last day to apply, 90 days later', () => {
      expect(statusDateProblems(StatusInCanada.Restoration, none).statusLostOn?.[0]).toContain('is needed');
      expect(restorationDeadline('2026-11-30')).toBe('2027-02-28');
      expect(statusDeadlineOn(StatusInCanada.Restoration, dates({ statusLostOn: '2026-11-30' }))).toBe(
        '2027-02-28',
      );
    });

    it('has no deadline once restoration was applied for, which must be within the 90 days', () => {
      expect(
        statusDeadlineOn(
          StatusInCanada.Restoration,
          dates({ statusLostOn: '2026-11-30', statusAppliedOn: '2027-01-10' }),
        ),
      ).toBeNull();
      expect(
        statusDateProblems(
          StatusInCanada.Restoration,
          dates({ statusLostOn: '2026-11-30', statusAppliedOn: '2027-03-01' }),
        ).statusAppliedOn?.[0],
      ).toContain('within 90 days of losing status (by 2027-02-28)');
      expect(
        statusDateProblems(
          StatusInCanada.Restoration,
          dates({ statusLostOn: '2026-11-30', statusAppliedOn: '2026-11-01' }),
        ).statusAppliedOn?.[0],
      ).toContain('cannot be before statusLostOn');
    });

    it('takes no expiry', () => {
      expect(
        statusDateProblems(
          StatusInCanada.Restoration,
          dates({ statusLostOn: '2026-11-30', statusExpiresOn: '2027-01-01' }),
        ),
      ).toEqual({ statusExpiresOn: ['statusExpiresOn does not apply to status restoration'] });
    });
  });

  it('needs the expiry of a TRP and of a visitor record, and makes it the status deadline', () => {
    for (const status of [StatusInCanada.TrpHolder, StatusInCanada.VisitorRecord]) {
      expect(statusDateProblems(status, none).statusExpiresOn?.[0]).toContain('is needed');
      expect(statusDeadlineOn(status, dates({ statusExpiresOn: '2027-05-01' }))).toBe('2027-05-01');
    }
  });

  it('records a refugee claim date, with no expiry and no status deadline', () => {
    expect(
      statusDateProblems(StatusInCanada.RefugeeClaimant, dates({ statusAppliedOn: '2026-06-01' })),
    ).toEqual({});
    expect(
      statusDateProblems(StatusInCanada.RefugeeClaimant, dates({ statusExpiresOn: '2027-01-01' })),
    ).toHaveProperty('statusExpiresOn');
    expect(
      statusDeadlineOn(StatusInCanada.RefugeeClaimant, dates({ statusAppliedOn: '2026-06-01' })),
    ).toBeNull();
  });

  it('keeps worker, student and visitor expiry optional, and nothing for permanent residents', () => {
    expect(statusDateProblems(StatusInCanada.Worker, none)).toEqual({});
    expect(statusDeadlineOn(StatusInCanada.Worker, dates({ statusExpiresOn: '2027-01-31' }))).toBe(
      '2027-01-31',
    );
    expect(
      statusDateProblems(StatusInCanada.PermanentResident, dates({ statusAppliedOn: '2026-01-01' })),
    ).toHaveProperty('statusAppliedOn');
  });
});
