import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from './deadline.entity';

export type DeadlineChangeType = 'created' | 'moved' | 'reassigned' | 'completed' | 'reopened' | 'removed';

/** What happened to one deadline, as its state is after the change (for `removed`: as it was). */
export interface DeadlineChange {
  deadlineId: string;
  fileId: string;
  kind: DeadlineKind;
  change: DeadlineChangeType;
  dueOn: string;
  assigneeId: string | null;
}

/**
 * Called inside the transaction that changes the deadlines, with its manager: whatever a listener writes
 * commits or rolls back with the change, and a listener that throws undoes the whole change.
 */
export type DeadlineChangeListener = (
  manager: EntityManager,
  changes: DeadlineChange[],
) => Promise<void> | void;

/** Where features that follow deadlines (reminders) subscribe; the deadlines service publishes every change. */
@Injectable()
export class DeadlineEvents {
  private readonly listeners: DeadlineChangeListener[] = [];

  /** Returns a function that unsubscribes the listener. */
  subscribe(listener: DeadlineChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) {
        this.listeners.splice(index, 1);
      }
    };
  }

  async publish(manager: EntityManager, changes: DeadlineChange[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    for (const listener of [...this.listeners]) {
      await listener(manager, changes);
    }
  }
}
