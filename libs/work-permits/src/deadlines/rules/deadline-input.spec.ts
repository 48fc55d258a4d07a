import { DeadlineKind, DeadlineSource, type DeadlineEntity } from '../deadline.entity';
import {
  deadlineChangeErrors,
  dueOnOfNewDeadline,
  newDeadlineErrors,
  planDeadlineUpdate,
} from './deadline-input';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const NO_KEY_DATES = {
  permitExpiresOn: null,
  biometricsDueOn: '2026-12-01',
  medicalDueOn: null,
  pflResponseDueOn: null,
  lmiaExpiresOn: null,
};

function deadline(overrides: Partial<DeadlineEntity> = {}): DeadlineEntity {
  return {
    id: 'd1',
    fileId: 'f1',
    kind: DeadlineKind.Custom,
    source: DeadlineSource.Manual,
    title: 'Call the employer',
    notes: null,
    dueOn: '2026-12-10',
    assigneeId: 'u1',
    completedAt: null,
    completedById: null,
    ...overrides,
  } as DeadlineEntity;
}

describe('newDeadlineErrors', () => {
  it('accepts a custom deadline with a title and a day', () => {
    expect(newDeadlineErrors({ dueOn: '2026-12-10' }, DeadlineKind.Custom, 'Call')).toEqual({});
    expect(
      newDeadlineErrors({ dueOn: '2026-12-10' }, DeadlineKind.DocumentExpiry, 'Medical exam').kind,
    ).toHaveLength(1);
  });

  it('refuses key-date kinds, a custom deadline without a title and a bad day, naming each field', () => {
    expect(newDeadlineErrors({ dueOn: '10/12/2026' }, DeadlineKind.Biometrics, null)).toEqual({
      kind: ["biometrics deadlines follow the file's biometricsDueOn; set that date on the file instead"],
      dueOn: ['dueOn must be a date written YYYY-MM-DD'],
    });
    expect(newDeadlineErrors({ dueOn: '2026-12-10' }, DeadlineKind.Custom, null)).toEqual({
      title: ['title is required for a custom deadline'],
    });
  });
});

describe('deadlineChangeErrors', () => {
  it('refuses moving the status deadline, which follows the client', () => {
    const status = deadline({ kind: DeadlineKind.StatusExpiry, source: DeadlineSource.KeyDate });
    expect(deadlineChangeErrors({ dueOn: '2027-01-01' }, status).dueOn).toHaveLength(1);
    expect(deadlineChangeErrors({ dueOn: status.dueOn }, status)).toEqual({});
  });

  it('refuses moving a document expiry deadline, which follows the document', () => {
    const expiry = deadline({ kind: DeadlineKind.DocumentExpiry, source: DeadlineSource.Document });
    expect(deadlineChangeErrors({ dueOn: '2027-01-01' }, expiry).dueOn).toHaveLength(1);
    expect(deadlineChangeErrors({ completed: true }, expiry)).toEqual({});
  });

  it('refuses an empty title', () => {
    expect(deadlineChangeErrors({ title: '  ' }, deadline())).toEqual({ title: ['title must not be empty'] });
  });
});

describe('planDeadlineUpdate', () => {
  it('plans nothing when nothing changes', () => {
    const plan = planDeadlineUpdate({ title: 'Call the employer' }, deadline(), NO_KEY_DATES, NOW, 'u2');
    expect(plan.audited).toEqual({});
    expect(plan.action).toBe('deadline.updated');
  });

  it('moves a key-date deadline together with the file date it follows', () => {
    const biometrics = deadline({
      kind: DeadlineKind.Biometrics,
      source: DeadlineSource.KeyDate,
      dueOn: '2026-12-01',
    });
    const plan = planDeadlineUpdate({ dueOn: '2026-12-15' }, biometrics, NO_KEY_DATES, NOW, 'u2');
    expect(plan.patch).toEqual({ dueOn: '2026-12-15' });
    expect(plan.fileKeyDate).toEqual({ field: 'biometricsDueOn', to: '2026-12-15' });
    expect(plan.audited).toEqual({
      dueOn: ['2026-12-01', '2026-12-15'],
      biometricsDueOn: ['2026-12-01', '2026-12-15'],
    });
    expect(plan.action).toBe('deadline.moved');
  });

  it('completes at `now` by the actor, and names the change after the completion', () => {
    const plan = planDeadlineUpdate(
      { completed: true, assigneeId: 'u3' },
      deadline(),
      NO_KEY_DATES,
      NOW,
      'u2',
    );
    expect(plan.patch).toEqual({ assigneeId: 'u3', completedAt: NOW, completedById: 'u2' });
    expect(plan.published).toEqual(['reassigned', 'completed']);
    expect(plan.action).toBe('deadline.completed');
  });

  it('reopens a completed deadline', () => {
    const done = deadline({ completedAt: NOW, completedById: 'u2' });
    const plan = planDeadlineUpdate({ completed: false }, done, NO_KEY_DATES, NOW, 'u2');
    expect(plan.patch).toEqual({ completedAt: null, completedById: null });
    expect(plan.audited).toEqual({ completedAt: [NOW.toISOString(), null] });
    expect(plan.action).toBe('deadline.reopened');
  });
});

describe('dueOnOfNewDeadline', () => {
  const periods = [
    { deadlineKind: 'status_expiry', name: 'Apply to restore temporary resident status', firmDays: 90 },
    { deadlineKind: 'document_request', name: 'Send documents IRCC requested', firmDays: null },
  ];

  it('counts the firm period from the letter, unless a due date is given', () => {
    expect(dueOnOfNewDeadline({ letterOn: '2026-12-01' }, DeadlineKind.StatusExpiry, periods)).toEqual({
      dueOn: '2027-03-01',
      errors: {},
    });
    expect(
      dueOnOfNewDeadline({ letterOn: '2026-12-01', dueOn: '2026-12-20' }, DeadlineKind.StatusExpiry, periods),
    ).toEqual({ dueOn: '2026-12-20', errors: {} });
  });

  it('names the field to give when the due date cannot be known', () => {
    const keys = (input: { dueOn?: string; letterOn?: string }, kind: DeadlineKind) =>
      Object.keys(dueOnOfNewDeadline(input, kind, periods).errors);
    expect(keys({ letterOn: '2026-12-01' }, DeadlineKind.DocumentRequest)).toEqual(['dueOn']);
    expect(keys({ letterOn: '2026-12-01' }, DeadlineKind.Custom)).toEqual(['letterOn']);
    expect(keys({}, DeadlineKind.Custom)).toEqual(['dueOn']);
    expect(keys({ letterOn: '2026-12-05', dueOn: '2026-12-01' }, DeadlineKind.DocumentRequest)).toEqual([
      'dueOn',
    ]);
    expect(keys({ letterOn: '1/12/2026' }, DeadlineKind.StatusExpiry)).toEqual(['letterOn']);
  });
});
