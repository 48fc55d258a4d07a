import { REMINDER_JOBS, ReminderJob } from '@app/reminders';
import { assertEveryJobHandled } from './reminder-jobs';
import { RemindersProcessor } from './reminders.processor';

describe('worker job handlers', () => {
  const handler = () => Promise.resolve();

  it('refuses to start when a job name has no handler', () => {
    expect(() => assertEveryJobHandled({ [ReminderJob.Send]: handler })).toThrow(
      /no handler for job\(s\) sweep-reminders/,
    );
    expect(() => assertEveryJobHandled({}, ['a', 'b'])).toThrow(/a, b/);
  });

  it('refuses handlers for names the queue does not know', () => {
    expect(() =>
      assertEveryJobHandled({ [ReminderJob.Send]: handler, [ReminderJob.Sweep]: handler, typo: handler }),
    ).toThrow(/typo/);
  });

  it('the reminders processor handles every job name', () => {
    const processor = new RemindersProcessor({} as never, {} as never, {} as never, {} as never, {} as never);
    expect(Object.keys(processor.handlers).sort()).toEqual([...REMINDER_JOBS].sort());
    expect(() => assertEveryJobHandled(processor.handlers)).not.toThrow();
  });
});
