import { ALL_RECORDS, type StaffScope } from '@app/shared';

export enum StaffRole {
  Admin = 'admin',
  Consultant = 'consultant',
  Assistant = 'assistant',
}

export const ALL_STAFF: StaffRole[] = [StaffRole.Admin, StaffRole.Consultant, StaffRole.Assistant];

/** The signed-in staff member, as guards attach it to the request. */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** The session the request was signed in with (absent while logging in). */
  sessionId?: string;
}

/** Which records a staff member may see: a consultant only what is assigned to them, everyone else all. */
export function scopeOfStaff(actor: Pick<StaffUser, 'id' | 'role'>): StaffScope {
  return actor.role === StaffRole.Consultant ? { consultantId: actor.id } : ALL_RECORDS;
}
