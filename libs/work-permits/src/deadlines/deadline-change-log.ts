import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { DeadlineEntity } from './deadline.entity';
import { changeOf, deadlineAuditEvent, type DeadlineAuditContext } from './deadline-changes';
import { DeadlineEvents, type DeadlineChange } from './deadline-events';
import { DeadlinesRepository } from './deadlines.repository';

/**
 * How a change to deadlines is written down, in the caller's transaction: an audit event per deadline on its file's
 * timeline, and the changes published to DeadlineEvents (reminders listen there).
 */
@Injectable()
export class DeadlineChangeLog {
  constructor(
    private readonly audit: AuditService,
    private readonly events: DeadlineEvents,
    private readonly deadlines: DeadlinesRepository,
  ) {}

  record(
    manager: EntityManager,
    context: DeadlineAuditContext,
    deadlineId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, deadlineAuditEvent(context, deadlineId, action, changes));
  }

  /**
   * Ends a sync: the deadlines it no longer wants are audited as removed (with what `audited` says of each), every
   * change is published while their rows still exist (listeners read them), then those rows are deleted.
   */
  async removeAndPublish(
    manager: EntityManager,
    context: DeadlineAuditContext,
    removed: DeadlineEntity[],
    changes: DeadlineChange[],
    audited: (deadline: DeadlineEntity) => Record<string, unknown>,
  ): Promise<void> {
    for (const deadline of removed) {
      await this.record(manager, context, deadline.id, 'deadline.removed', {
        ...audited(deadline),
        dueOn: [deadline.dueOn, null],
      });
      changes.push(changeOf(deadline, 'removed'));
    }
    await this.events.publish(manager, changes);
    if (removed.length > 0) {
      await this.deadlines.deleteMany(
        removed.map((d) => d.id),
        manager,
      );
    }
  }
}
