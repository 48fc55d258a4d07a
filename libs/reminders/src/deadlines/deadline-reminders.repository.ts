import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQueryIn } from '@app/database';
import { DeadlineEntity } from '@app/work-permits';
import {
  DEADLINE_TO_RENDER,
  deadlineToRenderFromRow,
  type DeadlineForPlan,
  type DeadlineToRender,
  type DeadlineToRenderRow,
} from './deadline-reminder-rows';

/** What deadline reminders read of deadlines (planning, re-planning, rendering), each one statement. */
@Injectable()
export class DeadlineRemindersRepository {
  /**
   * One re-plan batch, in the caller's transaction: open deadlines due on `since` or later, by id after `after`,
   * with their file's consultant (as listForPlan).
   */
  listOpenForPlan(
    since: string,
    after: string,
    limit: number,
    manager: EntityManager,
  ): Promise<DeadlineForPlan[]> {
    return this.forPlan(manager)
      .where('d.completedAt IS NULL')
      .andWhere('d.dueOn >= :since', { since })
      .andWhere('d.id > :after', { after })
      .orderBy('d.id', 'ASC')
      .limit(limit)
      .getRawMany<DeadlineForPlan>();
  }

  /** The deadlines (of those that still exist) with their file's consultant, in the caller's transaction. */
  listForPlan(ids: string[], manager: EntityManager): Promise<DeadlineForPlan[]> {
    return this.forPlan(manager).where('d.id = ANY(:ids)', { ids }).getRawMany<DeadlineForPlan>();
  }

  private forPlan(manager: EntityManager) {
    return manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .innerJoin('d.file', 'f')
      .select(['d.id AS id', 'd.kind AS kind', 'd.due_on::text AS "dueOn"', 'd.assignee_id AS "assigneeId"'])
      .addSelect(['d.completed_at AS "completedAt"', 'f.consultant_id AS "consultantId"']);
  }

  /**
   * In one query: the deadline with its file number and client name, the recipient (a user id) and the name of
   * whoever the deadline is assigned to (for escalations). Null when the deadline does not exist.
   */
  async findForRender(
    deadlineId: string,
    recipient: string,
    manager: EntityManager,
  ): Promise<DeadlineToRender | null> {
    // The worker renders outside any transaction: a named statement, planned once per connection.
    const rows = await preparedQueryIn<DeadlineToRenderRow>(manager, DEADLINE_TO_RENDER, [
      deadlineId,
      recipient,
    ]);
    return rows.length > 0 ? deadlineToRenderFromRow(rows[0]) : null;
  }
}
