import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decodeKeysetCursor, toPage, type Page } from '@app/shared';
import { AuditRepository, type TimelineSubject } from './audit.repository';
import { currentRequestOrigin } from './request-origin';
import { timelineEventFromRow, type TimelineEvent } from './timeline-rows';

export interface AuditEventInput {
  /** The staff member who acted; null for the public, the system, and a client in the portal. */
  actorId: string | null;
  /** The client who acted in the client portal (then `actorId` is null). */
  actorClientId?: string | null;
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
  constructor(private readonly events: AuditRepository) {}

  /** Records an event with the caller's transaction, so it exists exactly when the change does. */
  async record(manager: EntityManager, event: AuditEventInput): Promise<void> {
    const origin = currentRequestOrigin();
    await this.events.insert(
      {
        actorId: event.actorId,
        actorClientId: event.actorClientId ?? null,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        fileId: event.fileId ?? null,
        clientId: event.clientId ?? null,
        changes: event.changes ?? {},
        ipAddress: origin?.ipAddress ?? null,
        userAgent: origin?.userAgent ?? null,
      },
      manager,
    );
  }

  /** Newest first, keyset-paginated. */
  async timeline(
    filter: TimelineSubject,
    page: { limit: number; cursor?: string },
  ): Promise<Page<TimelineEvent>> {
    const after = decodeKeysetCursor(page.cursor, ['integer']);
    const rows = await this.events.timeline(filter, page.limit, after?.[0]);
    return toPage(rows, page.limit, (e) => [e.seq], timelineEventFromRow);
  }
}
