import type { Schemas } from '@app/api-client';

/** The checklist of a file, as GET /api/files/:id/checklist answers it. */
export type Checklist = Schemas['ChecklistResponse'];
export type ChecklistItem = Schemas['ChecklistItemResponse'];
export type ChecklistStatus = Schemas['ChecklistItemStatus'];
export type ChecklistSummary = Schemas['ChecklistSummaryResponse'];
export type FirmChecklistItem = Schemas['FirmChecklistItemResponse'];
