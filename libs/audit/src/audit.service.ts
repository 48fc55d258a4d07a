import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { decodeCursor, toPage, type Page } from '@app/shared';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  fileId?: string | null;
  clientId?: string | null;
  changes?: Record<string, unknown>;
}

/** Only values that differ, as `{ field: [before, after] }`; dates compared by value. */
export function diffFields<T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, next] of Object.entries(after)) {
    const previous = (before as Record<string, unknown>)[key];
    if (next !== undefined && JSON.stringify(previous) !== JSON.stringify(next)) {
      changes[key] = [previous ?? null, next];
    }
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Records an event with the caller's transaction, so it exists exactly when the change does. */
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    await manager.save(
      manager.create(AuditEventEntity, {
        actorId: event.actorId,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        fileId: event.fileId ?? null,
        clientId: event.clientId ?? null,
        changes: event.changes ?? {},
      }),
    );
  }

  /** Newest first, keyset-paginated. */
  async timeline(
    filter: { fileId: string } | { clientId: string },
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEventEntity>> {
    const after = decodeCursor(page.cursor, 1);
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.seq', 'DESC')
      .limit(page.limit + 1);
    if ('fileId' in filter) {
      qb.where('e.fileId = :fileId', { fileId: filter.fileId });
    } else {
      qb.where('e.clientId = :clientId', { clientId: filter.clientId });
    }
    if (after) {
      qb.andWhere('e.seq < :seq', { seq: after[0] });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      page.limit,
      (e) => [e.seq],
      (e) => e,
    );
  }
}
