import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeadlineEntity } from '@app/work-permits';

/** What the daily digest reads of deadlines: a consultant's open ones due by a day. */
@Injectable()
export class DeadlineDigestsRepository {
  /**
   * The open deadlines due on or before `until` assigned to the user, or unassigned on their files, by day and
   * title; with their file and client's name. At most `limit` rows.
   */
  listOpenDueBy(
    userId: string,
    until: string,
    limit: number,
    manager: EntityManager,
  ): Promise<DeadlineEntity[]> {
    return manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .innerJoinAndSelect('d.file', 'f')
      .innerJoin('f.client', 'c')
      .addSelect(['c.id', 'c.firstName', 'c.lastName'])
      .where('d.completedAt IS NULL')
      .andWhere('d.dueOn <= :until', { until })
      .andWhere('(d.assigneeId = :user OR (d.assigneeId IS NULL AND f.consultantId = :user))', {
        user: userId,
      })
      .orderBy('d.dueOn', 'ASC')
      .addOrderBy('d.title', 'ASC') // a day's items read alphabetically
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** How many deadlines listOpenDueBy would list without its limit. */
  countOpenDueBy(userId: string, until: string, manager: EntityManager): Promise<number> {
    return manager
      .createQueryBuilder(DeadlineEntity, 'd')
      .innerJoin('d.file', 'f')
      .where('d.completedAt IS NULL')
      .andWhere('d.dueOn <= :until', { until })
      .andWhere('(d.assigneeId = :user OR (d.assigneeId IS NULL AND f.consultantId = :user))', {
        user: userId,
      })
      .getCount();
  }
}
