import { StaffRole } from '@app/auth';

/** What the assignee rule needs to know about a staff member. */
export interface AssigneeCandidate {
  id: string;
  role: StaffRole;
  isActive: boolean;
}

/** Said to whoever names someone else: the 400 on `assigneeId` carries it. */
export const WHO_MAY_BE_ASSIGNED =
  "assigneeId must be an active staff member who may see this file: the file's consultant, an assistant or an admin";

/**
 * Whether a staff member may be assigned a deadline of a file. An assignee sees the deadline with the client's
 * name, so only staff who may see the file qualify: its consultant, any assistant, any admin. Another
 * consultant never does (they see only their own files). The same rule holds whoever assigns.
 */
export function mayBeAssigned(
  candidate: AssigneeCandidate | null,
  file: { consultantId: string | null },
): boolean {
  if (!candidate || !candidate.isActive) {
    return false;
  }
  return (
    candidate.role === StaffRole.Admin ||
    candidate.role === StaffRole.Assistant ||
    candidate.id === file.consultantId
  );
}
