import { ReminderStatus } from '../entities/reminder.entity';
import { diffPlan } from './plan-diff';

const at = (iso: string) => new Date(iso);
const subject = { type: 'deadline', id: 'd1' };
const row = (
  id: string,
  offsetKey: string,
  status: ReminderStatus,
  sendAt = '2026-12-10T13:00:00Z',
  recipient = 'u1',
) => ({
  id,
  subjectType: 'deadline',
  subjectId: 'd1',
  offsetKey,
  recipient,
  sendAt: at(sendAt),
  status,
});

describe('diffPlan', () => {
  it('inserts the new, moves the scheduled, re-arms the cancelled, cancels the unplanned scheduled', () => {
    const diff = diffPlan(
      [
        {
          subject,
          plan: [
            { offsetKey: 'new', recipient: 'u1', sendAt: at('2026-12-01T13:00:00Z') },
            { offsetKey: 'moved', recipient: 'u1', sendAt: at('2026-12-11T13:00:00Z') },
            { offsetKey: 'same', recipient: 'u1', sendAt: at('2026-12-10T13:00:00Z') },
            { offsetKey: 'back', recipient: 'u1', sendAt: at('2026-12-12T13:00:00Z') },
          ],
        },
      ],
      [
        row('r-moved', 'moved', ReminderStatus.Scheduled),
        row('r-same', 'same', ReminderStatus.Scheduled),
        row('r-back', 'back', ReminderStatus.Cancelled),
        row('r-gone', 'gone', ReminderStatus.Scheduled),
      ],
    );
    expect(diff.insert.map((i) => i.offsetKey)).toEqual(['new']);
    expect(diff.move).toEqual([{ id: 'r-moved', sendAt: at('2026-12-11T13:00:00Z') }]);
    expect(diff.rearm).toEqual([{ id: 'r-back', sendAt: at('2026-12-12T13:00:00Z') }]);
    expect(diff.cancel).toEqual(['r-gone']);
  });

  it('never touches sent, sending or failed rows, in the plan or not', () => {
    const existing = [
      row('sent', 'a', ReminderStatus.Sent),
      row('sending', 'b', ReminderStatus.Sending),
      row('failed', 'c', ReminderStatus.Failed),
    ];
    const planned = existing.map((r) => ({
      offsetKey: r.offsetKey,
      recipient: 'u1',
      sendAt: at('2027-01-01T13:00:00Z'),
    }));
    expect(diffPlan([{ subject, plan: planned }], existing)).toEqual({
      insert: [],
      move: [],
      rearm: [],
      cancel: [],
    });
    expect(diffPlan([{ subject, plan: [] }], existing)).toEqual({
      insert: [],
      move: [],
      rearm: [],
      cancel: [],
    });
  });

  it('leaves the rows of subjects not being planned alone', () => {
    const other = { ...row('other', 'a', ReminderStatus.Scheduled), subjectId: 'd2' };
    expect(diffPlan([{ subject, plan: [] }], [other]).cancel).toEqual([]);
  });
});
