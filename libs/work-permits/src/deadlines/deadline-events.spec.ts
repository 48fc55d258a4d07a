import type { EntityManager } from 'typeorm';
import { DeadlineKind } from './deadline.entity';
import { DeadlineEvents, type DeadlineChange } from './deadline-events';

const manager = {} as EntityManager;
const change: DeadlineChange = {
  deadlineId: 'd1',
  fileId: 'f1',
  kind: DeadlineKind.Biometrics,
  change: 'created',
  dueOn: '2027-01-10',
  assigneeId: null,
};

describe('DeadlineEvents', () => {
  it('calls every listener in subscription order with the manager and the changes', async () => {
    const events = new DeadlineEvents();
    const calls: string[] = [];
    events.subscribe((m, changes) => {
      expect(m).toBe(manager);
      calls.push(`first:${changes.length}`);
    });
    events.subscribe(async () => {
      await Promise.resolve();
      calls.push('second');
    });
    await events.publish(manager, [change]);
    expect(calls).toEqual(['first:1', 'second']);
  });

  it('does not call listeners for an empty list, nor after they unsubscribe', async () => {
    const events = new DeadlineEvents();
    const seen: DeadlineChange[][] = [];
    const unsubscribe = events.subscribe((_, changes) => {
      seen.push(changes);
    });
    await events.publish(manager, []);
    unsubscribe();
    await events.publish(manager, [change]);
    expect(seen).toEqual([]);
  });

  it('lets a listener failure reach the publisher, so the transaction rolls back', async () => {
    const events = new DeadlineEvents();
    const after = jest.fn();
    events.subscribe(() => {
      throw new Error('reminders refused');
    });
    events.subscribe(after);
    await expect(events.publish(manager, [change])).rejects.toThrow('reminders refused');
    expect(after).not.toHaveBeenCalled();
  });
});
