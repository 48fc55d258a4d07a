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
