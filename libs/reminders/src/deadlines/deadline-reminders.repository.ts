import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '@app/database';
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
  constructor(private readonly dataSource: DataSource) {}

  /** Ids of open deadlines due on `since` or later, by id after `after`: one re-plan batch. */
  async listOpenIdsDueSince(since: string, after: string, limit: number): Promise<string[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .select('d.id', 'id')
      .where('d.completedAt IS NULL')
      .andWhere('d.dueOn >= :since', { since })
      .andWhere('d.id > :after', { after })
      .orderBy('d.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** The deadlines (of those that still exist) with their file's consultant, in the caller's transaction. */
  listForPlan(ids: string[], manager: EntityManager): Promise<DeadlineForPlan[]> {
    return manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .innerJoin('d.file', 'f')
      .select(['d.id AS id', 'd.kind AS kind', 'd.due_on::text AS "dueOn"', 'd.assignee_id AS "assigneeId"'])
      .addSelect(['d.completed_at AS "completedAt"', 'f.consultant_id AS "consultantId"'])
      .where('d.id IN (:...ids)', { ids })
      .getRawMany<DeadlineForPlan>();
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
    const values = [deadlineId, recipient];
    // The worker renders outside any transaction: a named statement, planned once per connection.
    const rows: DeadlineToRenderRow[] = manager.queryRunner?.isTransactionActive
      ? await manager.query(DEADLINE_TO_RENDER, values)
      : await preparedQuery<DeadlineToRenderRow>(manager.connection, DEADLINE_TO_RENDER, values);
    return rows.length > 0 ? deadlineToRenderFromRow(rows[0]) : null;
  }
}
