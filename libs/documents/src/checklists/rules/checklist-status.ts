import type {
  ChecklistApplicationType,
  ChecklistGroup,
  ChecklistImpPermitType,
  ChecklistInput,
  ChecklistItem,
  ChecklistStream,
} from '../checklist.types';
import { appliesFromInsideCanada } from './derive-checklist';

/** Where a file stands on one checklist item. */
export const CHECKLIST_ITEM_STATUSES = ['missing', 'uploaded', 'accepted', 'rejected', 'waived'] as const;
export type ChecklistItemStatus = (typeof CHECKLIST_ITEM_STATUSES)[number];

/** The newest version of a kind on a file that is not deleted. */
export interface LatestDocument {
  id: string;
  kind: string;
  version: number;
  status: 'pending_review' | 'accepted' | 'rejected';
  reviewReason: string | null;
}

export interface ChecklistWaiver {
  key: string;
  reason: string;
  waivedAt: Date;
}

/** One line of a file's checklist with where the file stands on it. */
export interface FileChecklistItem {
  key: string;
  group: ChecklistGroup;
  title: string;
  titleFr: string;
  help: string | null;
  helpFr: string | null;
  required: boolean;
  conditionText: string | null;
  conditionTextFr: string | null;
  /** A firm's own item. */
  custom: boolean;
  status: ChecklistItemStatus;
  documentId: string | null;
  version: number | null;
  reviewReason: string | null;
  waivedReason: string | null;
  waivedAt: Date | null;
  sources: { title: string; url: string; checkedOn: string }[];
}

export interface ChecklistSummary {
  /** Required items. */
  requiredTotal: number;
  /** Required items accepted or waived. */
  requiredComplete: number;
  /** Items whose newest document awaits review. */
  awaitingReview: number;
  /** Items whose newest document was rejected. */
  rejected: number;
}

/** Waived if there is a waiver; else from the newest document: pending_review → uploaded; none → missing. */
export function checklistItemStatus(
  latest: Pick<LatestDocument, 'status'> | undefined,
  waived: boolean,
): ChecklistItemStatus {
  if (waived) return 'waived';
  if (!latest) return 'missing';
  return latest.status === 'pending_review' ? 'uploaded' : latest.status;
}

/** The file's checklist items with their status, in the checklist's order. */
export function fileChecklist(
  items: readonly ChecklistItem[],
  latest: readonly LatestDocument[],
  waivers: readonly ChecklistWaiver[],
): FileChecklistItem[] {
  const documents = new Map(latest.map((d) => [d.kind, d]));
  const waived = new Map(waivers.map((w) => [w.key, w]));
  return items.map((item) => {
    const document = documents.get(item.key);
    const waiver = waived.get(item.key);
    return {
      key: item.key,
      group: item.group,
      title: item.title,
      titleFr: item.titleFr,
      help: item.help,
      helpFr: item.helpFr,
      required: item.required,
      conditionText: item.condition?.en ?? null,
      conditionTextFr: item.condition?.fr ?? null,
      custom: item.origin === 'firm',
      status: checklistItemStatus(document, waiver !== undefined),
      documentId: document?.id ?? null,
      version: document?.version ?? null,
      reviewReason: document?.reviewReason ?? null,
      waivedReason: waiver?.reason ?? null,
      waivedAt: waiver?.waivedAt ?? null,
      sources: item.sources.map(({ title, url, checkedOn }) => ({ title, url, checkedOn })),
    };
  });
}

/**
 * Counts of a checklist: required items, those of them accepted or waived, items awaiting review and items
 * rejected (required or not).
 */
export function checklistSummary(
  items: readonly { required: boolean; status: ChecklistItemStatus }[],
): ChecklistSummary {
  const summary: ChecklistSummary = { requiredTotal: 0, requiredComplete: 0, awaitingReview: 0, rejected: 0 };
  for (const item of items) {
    if (item.required) {
      summary.requiredTotal++;
      if (item.status === 'accepted' || item.status === 'waived') summary.requiredComplete++;
    }
    if (item.status === 'uploaded') summary.awaitingReview++;
    if (item.status === 'rejected') summary.rejected++;
  }
  return summary;
}

/**
 * The summary of a checklist from the newest documents' statuses by kind and the waived keys, without building
 * the items (for lists of files).
 */
export function summarise(
  items: readonly Pick<ChecklistItem, 'key' | 'required'>[],
  latestStatus: ReadonlyMap<string, LatestDocument['status']>,
  waivedKeys: ReadonlySet<string>,
): ChecklistSummary {
  return checklistSummary(
    items.map((item) => {
      const status = latestStatus.get(item.key);
      return {
        required: item.required,
        status: checklistItemStatus(status ? { status } : undefined, waivedKeys.has(item.key)),
      };
    }),
  );
}

/** The facts of a work-permit file (and its client's status in Canada) a checklist is derived from. */
export function checklistInputOf(file: {
  stream: string;
  applicationType: string;
  exemptionCode: string | null;
  lmiaStream: string | null;
  impPermitType: string | null;
  statusInCanada?: string | null;
}): ChecklistInput {
  return {
    stream: file.stream as ChecklistStream,
    applicationType: file.applicationType as ChecklistApplicationType,
    appliesFromInsideCanada: appliesFromInsideCanada(file),
    exemptionCode: file.exemptionCode,
    lmiaStream: file.lmiaStream,
    impPermitType: file.impPermitType as ChecklistImpPermitType | null,
  };
}
