/** The expiry deadline a document should have: on `dueOn`, titled `title`; null: none. */
export interface WantedDocumentDeadline {
  documentId: string;
  title: string;
  dueOn: string;
}

export interface ExistingDocumentDeadline {
  id: string;
  documentId: string | null;
  title: string;
  dueOn: string;
}

export interface DocumentDeadlinePlan {
  create: WantedDocumentDeadline | null;
  move: { id: string; from: string; to: string } | null;
  retitle: { id: string; from: string; to: string } | null;
  remove: ExistingDocumentDeadline[];
}

/**
 * What to do so that the versions of one kind of document on a file carry exactly the deadline wanted: the latest
 * version's, if it has an expiry; every other version's deadline (superseded, deleted, rejected) goes. Completion is
 * not touched, as for key dates.
 */
export function planDocumentDeadlineSync(
  wanted: WantedDocumentDeadline | null,
  existing: ExistingDocumentDeadline[],
): DocumentDeadlinePlan {
  const plan: DocumentDeadlinePlan = { create: null, move: null, retitle: null, remove: [] };
  const current = wanted ? existing.find((d) => d.documentId === wanted.documentId) : undefined;
  plan.remove = existing.filter((d) => d !== current);
  if (!wanted) {
    return plan;
  }
  if (!current) {
    plan.create = wanted;
    return plan;
  }
  if (current.dueOn !== wanted.dueOn) {
    plan.move = { id: current.id, from: current.dueOn, to: wanted.dueOn };
  }
  if (current.title !== wanted.title) {
    plan.retitle = { id: current.id, from: current.title, to: wanted.title };
  }
  return plan;
}
