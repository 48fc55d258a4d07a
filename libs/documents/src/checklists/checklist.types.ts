/**
 * Document checklists of work-permit files: the shape of libs/documents/data/checklists.json (read by
 * checklist-data.loader.ts) and of what deriveChecklist returns. The values match the work-permit file's
 * columns (stream, application_type, imp_permit_type, lmia_stream, exemption_code).
 */

export const CHECKLIST_STREAMS = ['TFWP', 'IMP'] as const;
export type ChecklistStream = (typeof CHECKLIST_STREAMS)[number];

export const CHECKLIST_APPLICATION_TYPES = [
  'initial',
  'extension',
  'change_of_conditions',
  'restoration',
] as const;
export type ChecklistApplicationType = (typeof CHECKLIST_APPLICATION_TYPES)[number];

export const CHECKLIST_IMP_PERMIT_TYPES = ['open', 'employer_specific'] as const;
export type ChecklistImpPermitType = (typeof CHECKLIST_IMP_PERMIT_TYPES)[number];

/** Where the application is made: IMM 5556 (inside Canada) or IMM 5488 (outside Canada). */
export const CHECKLIST_LOCATIONS = ['inside', 'outside'] as const;
export type ChecklistLocation = (typeof CHECKLIST_LOCATIONS)[number];

/** Order of the groups on a checklist: forms first, then identity, then the job, then the rest. */
export const CHECKLIST_GROUPS = ['forms', 'identity', 'job', 'supporting'] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];

export type ChecklistRequirement = 'required' | 'conditional';

/**
 * When an item belongs on a file. Every field given must match the file (AND); a field left out matches
 * any file. An item lists one or more of these (OR).
 */
export interface ChecklistCondition {
  streams?: ChecklistStream[];
  applicationTypes?: ChecklistApplicationType[];
  location?: ChecklistLocation;
  /** IMP exemption codes (C10, C16, T36...), as on the file. */
  exemptionCodes?: string[];
  /** LMIA stream ids of the reference data (high_wage, low_wage...). */
  lmiaStreams?: string[];
  impPermitTypes?: ChecklistImpPermitType[];
  hasAccompanyingFamily?: boolean;
  representedByPaidConsultant?: boolean;
}

/** A fact the file does not record, on which a conditional item depends; in words (EN/FR) and as a key. */
export interface ChecklistItemCondition {
  key: string;
  en: string;
  fr: string;
}

/**
 * How long a document stays good. `months_after`: `months` after the date named by `from` (the test, the
 * exam, the issue); `document_expiry`: the expiry printed on the document itself. `basis` says whether IRCC
 * sets the period or it is a firm default the firm may change.
 */
export interface ChecklistExpiryRule {
  rule: 'months_after' | 'document_expiry';
  months: number | null;
  from: 'test_date' | 'exam_date' | 'issue_date' | null;
  basis: 'ircc_rule' | 'firm_default' | 'document';
  note: string;
}

export type ChecklistSourceKind = 'ircc' | 'ircc_copy' | 'secondary';

export interface ChecklistSource {
  title: string;
  url: string;
  /** ircc: the canada.ca / cic.gc.ca page; ircc_copy: a public copy of an IRCC form or page; secondary. */
  kind: ChecklistSourceKind;
  note: string | null;
}

export interface ChecklistSourceRef {
  ref: string;
  checkedOn: string;
}

export interface ChecklistItemDefinition {
  key: string;
  group: ChecklistGroup;
  title: { en: string; fr: string };
  help: { en: string; fr: string };
  requirement: ChecklistRequirement;
  /** Set on conditional items only. */
  condition: ChecklistItemCondition | null;
  /** The files the item belongs on (any of); null: every file. */
  appliesWhen: ChecklistCondition[] | null;
  /** Files on which a conditional item is required all the same (any of); null: none. */
  requiredWhen: ChecklistCondition[] | null;
  expiry: ChecklistExpiryRule | null;
  sources: ChecklistSourceRef[];
  /** What the sources leave open or did not show, and what was decided. */
  sourceNote: string | null;
}

export interface ChecklistCatalogue {
  checkedOn: string;
  reviewBy: string;
  sources: Record<string, ChecklistSource>;
  items: ChecklistItemDefinition[];
}

/** The facts of a file the checklist depends on. */
export interface ChecklistInput {
  stream: ChecklistStream;
  applicationType: ChecklistApplicationType;
  /** IMM 5556 (inside) or IMM 5488 (outside); see appliesFromInsideCanada. */
  appliesFromInsideCanada: boolean;
  exemptionCode?: string | null;
  lmiaStream?: string | null;
  impPermitType?: ChecklistImpPermitType | null;
  hasAccompanyingFamily?: boolean;
  /** Whether a paid consultant of the firm represents the applicant (IMM 5476); default true. */
  representedByPaidConsultant?: boolean;
}

/** An item a firm adds to every file of a stream (or of both streams when `stream` is null). */
export interface FirmChecklistItem {
  key: string;
  stream: ChecklistStream | null;
  title: string;
  titleFr: string;
  help?: string | null;
  helpFr?: string | null;
  required: boolean;
}

export interface ChecklistItemSource {
  title: string;
  url: string;
  kind: ChecklistSourceKind;
  checkedOn: string;
}

/** One line of a file's checklist. */
export interface ChecklistItem {
  key: string;
  group: ChecklistGroup;
  origin: 'ircc' | 'firm';
  title: string;
  titleFr: string;
  help: string | null;
  helpFr: string | null;
  /** Whether the file is incomplete without it. */
  required: boolean;
  requirement: ChecklistRequirement;
  condition: ChecklistItemCondition | null;
  expiry: ChecklistExpiryRule | null;
  sources: ChecklistItemSource[];
  sourceNote: string | null;
}
