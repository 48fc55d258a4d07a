/** The checklist of a file, as GET /api/files/:id/checklist answers it. */
export type ChecklistStatus = 'missing' | 'uploaded' | 'accepted' | 'rejected' | 'waived';

export interface ChecklistSummary {
  requiredTotal: number;
  requiredComplete: number;
  awaitingReview: number;
  rejected: number;
}

export interface ChecklistItem {
  key: string;
  group: string;
  title: string;
  titleFr: string;
  help: string | null;
  helpFr: string | null;
  required: boolean;
  conditionText: string | null;
  conditionTextFr: string | null;
  custom: boolean;
  status: ChecklistStatus;
  documentId: string | null;
  version: number | null;
  reviewReason: string | null;
  waivedReason: string | null;
  waivedAt: string | null;
  sources: { title: string; url: string; checkedOn: string }[];
}

export interface Checklist {
  items: ChecklistItem[];
  summary: ChecklistSummary;
}
