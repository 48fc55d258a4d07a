import type { ChecklistInput, ChecklistStream, FirmChecklistItem } from './checklists/checklist.types';
import { deriveChecklist, shippedChecklistCatalogue } from './checklists/checklists';
import { selectChecklistItems, type SelectedChecklistItem } from './checklists/rules/derive-checklist';
import {
  checklistInputOf,
  summarise,
  type ChecklistSummary,
  type LatestDocument,
} from './checklists/rules/checklist-status';

/**
 * The statements a list of files runs for its checklist counts, their rows, and the counting, with no NestJS or
 * TypeORM import: the API's repository and the bare benchmark server run the same text.
 */

/** The firm's checklist items, oldest first (the order they are appended to checklists). */
export const FIRM_CHECKLIST_ITEMS = `SELECT key, stream, title, title_fr, help, help_fr, required
FROM firm_checklist_items ORDER BY created_at, id`;

export interface FirmChecklistItemRow {
  key: string;
  stream: ChecklistStream | 'ANY';
  title: string;
  title_fr: string;
  help: string | null;
  help_fr: string | null;
  required: boolean;
}

export function firmChecklistItemFromRow(row: FirmChecklistItemRow): FirmChecklistItem {
  return {
    key: row.key,
    stream: row.stream === 'ANY' ? null : row.stream,
    title: row.title,
    titleFr: row.title_fr,
    help: row.help,
    helpFr: row.help_fr,
    required: row.required,
  };
}

/**
 * For each of the files ($1, uuid[]), the newest live document's status per kind (by the (file_id, kind, version)
 * key) and the waived keys (status null), in one statement.
 */
export const CHECKLIST_STATUSES_OF_FILES = `SELECT file_id, kind AS key, status FROM (
  SELECT DISTINCT ON (file_id, kind) file_id, kind, status
  FROM documents WHERE file_id = ANY($1::uuid[]) AND deleted_at IS NULL
  ORDER BY file_id, kind, version DESC) d
UNION ALL
SELECT file_id, key, NULL FROM checklist_waivers WHERE file_id = ANY($1::uuid[])`;

export interface ChecklistStatusRow {
  file_id: string;
  key: string;
  /** Null for a waiver. */
  status: LatestDocument['status'] | null;
}

/** The facts of a file its checklist depends on, as the file read queries load them. */
export interface ChecklistFileFacts {
  id: string;
  stream: string;
  applicationType: string;
  exemptionCode: string | null;
  lmiaStream: string | null;
  impPermitType: string | null;
  client?: { statusInCanada?: string | null } | null;
}

/** Each file's checklist counts, by file id: the derivation in memory from the two statements' rows. */
export function checklistSummariesOf(
  files: readonly ChecklistFileFacts[],
  firm: readonly FirmChecklistItem[],
  rows: readonly ChecklistStatusRow[],
): Map<string, ChecklistSummary> {
  const latest = new Map<string, Map<string, LatestDocument['status']>>();
  const waived = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.status === null) {
      waived.set(row.file_id, (waived.get(row.file_id) ?? new Set<string>()).add(row.key));
    } else {
      const kinds = latest.get(row.file_id) ?? new Map<string, LatestDocument['status']>();
      latest.set(row.file_id, kinds.set(row.key, row.status));
    }
  }
  const itemsOf = countedItemsByShape(firm);
  return new Map(
    files.map((file) => [
      file.id,
      summarise(
        itemsOf(file),
        latest.get(file.id) ?? new Map<string, LatestDocument['status']>(),
        waived.get(file.id) ?? new Set<string>(),
      ),
    ]),
  );
}

/**
 * What a count needs of a file's checklist (each item's key and whether it is required), chosen once per checklist
 * shape: files of a page that share their facts (stream, application type, exemption code...) share it. Writing out
 * each file's whole checklist (titles, help, sources) only to count it was most of a files page's work and garbage.
 */
function countedItemsByShape(firm: readonly FirmChecklistItem[]) {
  const byShape = new Map<string, SelectedChecklistItem[]>();
  return (file: ChecklistFileFacts) => {
    const input = checklistInputOfFile(file);
    // Every field of the input, in the fixed order checklistInputOf writes them.
    const shape = JSON.stringify(input);
    let items = byShape.get(shape);
    if (!items) {
      items = selectChecklistItems(shippedChecklistCatalogue(), input, firm);
      byShape.set(shape, items);
    }
    return items;
  };
}

function checklistInputOfFile(file: ChecklistFileFacts): ChecklistInput {
  return checklistInputOf({ ...file, statusInCanada: file.client?.statusInCanada ?? null });
}

/** The file's checklist items (catalogue and firm), without statuses. */
export function checklistItemsOf(file: ChecklistFileFacts, firm: readonly FirmChecklistItem[]) {
  return deriveChecklist(checklistInputOfFile(file), firm);
}
