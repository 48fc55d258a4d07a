import { FileStatus } from '../entities/work-permit-file.entity';
import { allowedTransitions, canTransition, keyDateStampedBy, transitionRefusal } from './file-status';

const S = FileStatus;

describe('file status workflow', () => {
  it.each([
    [S.Intake, S.Preparing],
    [S.Preparing, S.Submitted],
    [S.Submitted, S.BiometricsRequested],
    [S.Submitted, S.AdditionalInfoRequested],
    [S.BiometricsRequested, S.AdditionalInfoRequested],
    [S.AdditionalInfoRequested, S.BiometricsRequested],
    [S.BiometricsRequested, S.Submitted],
    [S.AdditionalInfoRequested, S.Submitted],
    [S.Submitted, S.Approved],
    [S.BiometricsRequested, S.Refused],
    [S.AdditionalInfoRequested, S.Approved],
    [S.Intake, S.Withdrawn],
    [S.Preparing, S.Withdrawn],
    [S.Submitted, S.Withdrawn],
    [S.Approved, S.Closed],
    [S.Refused, S.Closed],
    [S.Withdrawn, S.Closed],
  ])('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal(from, to)).toBeNull();
  });

  it.each([
    [S.Intake, S.Submitted],
    [S.Intake, S.Approved],
    [S.Preparing, S.BiometricsRequested],
    [S.Withdrawn, S.Submitted],
    [S.Approved, S.Refused],
    [S.Refused, S.Submitted],
    [S.Closed, S.Intake],
    [S.Submitted, S.Preparing],
    [S.Submitted, S.Submitted],
    [S.Intake, S.Closed],
  ])('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toEqual(expect.any(String));
  });

  it('names the refused move and the allowed ones', () => {
    expect(transitionRefusal(S.Withdrawn, S.Submitted)).toBe(
      'A withdrawn file cannot be submitted; it can only be closed (closed)',
    );
    expect(transitionRefusal(S.Intake, S.Approved)).toBe(
      'A file in intake cannot be approved; it can only be moved to preparation (preparing) or withdrawn (withdrawn)',
    );
    expect(transitionRefusal(S.Closed, S.Intake)).toBe(
      'A closed file cannot be moved back to intake; a closed file is final',
    );
    expect(transitionRefusal(S.Submitted, S.Submitted)).toMatch(
      /^A submitted file cannot be submitted again; it can only be/,
    );
  });

  it('lists the allowed moves, none from closed', () => {
    expect(allowedTransitions(S.Intake)).toEqual([S.Preparing, S.Withdrawn]);
    expect(allowedTransitions(S.Closed)).toEqual([]);
    for (const from of Object.values(S)) {
      for (const to of allowedTransitions(from)) {
        expect(canTransition(from, to)).toBe(true);
      }
    }
  });

  it('stamps submittedOn on submission and decisionOn on a decision', () => {
    expect(keyDateStampedBy(S.Submitted)).toBe('submittedOn');
    expect(keyDateStampedBy(S.Approved)).toBe('decisionOn');
    expect(keyDateStampedBy(S.Refused)).toBe('decisionOn');
    expect(keyDateStampedBy(S.Withdrawn)).toBeNull();
    expect(keyDateStampedBy(S.Closed)).toBeNull();
  });
});
