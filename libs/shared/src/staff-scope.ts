/**
 * Which records a staff member may see. Consultants see what is assigned to them; admins and assistants see
 * everything. Services take this and repositories turn it into a WHERE clause, so scope is never forgotten.
 */
export interface StaffScope {
  /** Set for consultants: only records assigned to this user. Undefined: all records. */
  consultantId?: string;
}

export const ALL_RECORDS: StaffScope = {};

/** Whether a record assigned to `consultantId` is one the scope may see. */
export function isWithinScope(scope: StaffScope, record: { consultantId: string | null }): boolean {
  return scope.consultantId === undefined || record.consultantId === scope.consultantId;
}

/** A query builder's `andWhere`, as much of it as scoping needs (TypeORM's SelectQueryBuilder fits). */
interface Filterable {
  andWhere(condition: string, parameters: Record<string, unknown>): unknown;
}

/** Limits a query builder to the scope: `column` is the property path of the record's consultant (`c.consultantId`). */
export function applyScope<Q extends Filterable>(qb: Q, column: string, scope: StaffScope): Q {
  if (scope.consultantId !== undefined) {
    qb.andWhere(`${column} = :scopeConsultantId`, { scopeConsultantId: scope.consultantId });
  }
  return qb;
}
