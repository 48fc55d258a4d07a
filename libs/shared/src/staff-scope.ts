/**
 * Which records a staff member may see. Consultants see what is assigned to them; admins and assistants see
 * everything. Services take this and repositories turn it into a WHERE clause, so scope is never forgotten.
 */
export interface StaffScope {
  /** Set for consultants: only records assigned to this user. Undefined: all records. */
  consultantId?: string;
}

export const ALL_RECORDS: StaffScope = {};
