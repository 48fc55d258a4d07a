import type { AuditEventInput } from '@app/audit';
import type { DeadlineEntity } from './deadline.entity';
import type { DeadlineChange, DeadlineChangeType } from './deadline-events';

/** Who changed a deadline, and the file (and client) whose timeline shows it. */
export interface DeadlineAuditContext {
  actorId: string | null;
  fileId: string;
  clientId: string | null;
}

/** The audit event of a change to a deadline, on its file's timeline. */
export function deadlineAuditEvent(
  context: DeadlineAuditContext,
  deadlineId: string,
  action: string,
  changes: Record<string, unknown>,
): AuditEventInput {
  return {
    ...context,
    action,
    subjectType: 'deadline',
    subjectId: deadlineId,
    changes,
  };
}

/** The change published to DeadlineEvents, with the deadline as it is after the change. */
export function changeOf(deadline: DeadlineEntity, change: DeadlineChangeType): DeadlineChange {
  return {
    deadlineId: deadline.id,
    fileId: deadline.fileId,
    kind: deadline.kind,
    change,
    dueOn: deadline.dueOn,
    assigneeId: deadline.assigneeId,
  };
}
