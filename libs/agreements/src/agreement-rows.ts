import type { FileAgreementState } from '@app/work-permits';

/**
 * Where each file of `$1` (uuid[]) stands on its agreement, in one statement: a signed live agreement, else an
 * admin's override, else the live agreement's status, else `none` (the files list filter reads the same way).
 * A file has at most one live (not superseded) agreement: the partial unique index on agreements(file_id).
 */
export const AGREEMENT_STATES_OF_FILES = `SELECT f.id,
  CASE WHEN a.status = 'signed' THEN 'signed'
       WHEN o.file_id IS NOT NULL THEN 'overridden'
       ELSE coalesce(a.status::text, 'none') END AS state
FROM unnest($1::uuid[]) AS f(id)
LEFT JOIN agreements a ON a.file_id = f.id AND a.status <> 'superseded'
LEFT JOIN agreement_overrides o ON o.file_id = f.id`;

/** A row of AGREEMENT_STATES_OF_FILES. */
export interface AgreementStateRow {
  id: string;
  state: FileAgreementState;
}
