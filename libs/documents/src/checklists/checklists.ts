import { loadChecklistCatalogue } from './checklist-data.loader';
import type { ChecklistCatalogue, ChecklistInput, ChecklistItem, FirmChecklistItem } from './checklist.types';
import { deriveChecklistFrom } from './rules/derive-checklist';

let shipped: ChecklistCatalogue | undefined;

/** The catalogue shipped in libs/documents/data/checklists.json, read and checked once. */
export function shippedChecklistCatalogue(): ChecklistCatalogue {
  shipped ??= loadChecklistCatalogue();
  return shipped;
}

/**
 * The checklist of a file from the shipped catalogue, with the firm's items for the file's stream appended
 * (see deriveChecklistFrom for the order and the rule on duplicate keys).
 */
export function deriveChecklist(
  input: ChecklistInput,
  firmItems?: readonly FirmChecklistItem[],
): ChecklistItem[] {
  return deriveChecklistFrom(shippedChecklistCatalogue(), input, firmItems);
}
