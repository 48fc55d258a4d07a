import { FileStatus } from '../entities/work-permit-file.entity';

/**
 * The status workflow of a file:
 * intake → preparing → submitted → (biometrics_requested | additional_info_requested)* → approved | refused |
 * withdrawn → closed. A file may be withdrawn at any point before a decision, and an answered request goes
 * back to submitted. Closed is final.
 */
const NEXT: Record<FileStatus, readonly FileStatus[]> = {
  [FileStatus.Intake]: [FileStatus.Preparing, FileStatus.Withdrawn],
  [FileStatus.Preparing]: [FileStatus.Submitted, FileStatus.Withdrawn],
  [FileStatus.Submitted]: [
    FileStatus.BiometricsRequested,
    FileStatus.AdditionalInfoRequested,
    FileStatus.Approved,
    FileStatus.Refused,
    FileStatus.Withdrawn,
  ],
  [FileStatus.BiometricsRequested]: [
    FileStatus.Submitted,
    FileStatus.AdditionalInfoRequested,
    FileStatus.Approved,
    FileStatus.Refused,
    FileStatus.Withdrawn,
  ],
  [FileStatus.AdditionalInfoRequested]: [
    FileStatus.Submitted,
    FileStatus.BiometricsRequested,
    FileStatus.Approved,
    FileStatus.Refused,
    FileStatus.Withdrawn,
  ],
  [FileStatus.Approved]: [FileStatus.Closed],
  [FileStatus.Refused]: [FileStatus.Closed],
  [FileStatus.Withdrawn]: [FileStatus.Closed],
  [FileStatus.Closed]: [],
};

/** "A withdrawn file", "A file in preparation": the subject of a refusal message. */
const AS_SUBJECT: Record<FileStatus, string> = {
  [FileStatus.Intake]: 'A file in intake',
  [FileStatus.Preparing]: 'A file in preparation',
  [FileStatus.Submitted]: 'A submitted file',
  [FileStatus.BiometricsRequested]: 'A file awaiting biometrics',
  [FileStatus.AdditionalInfoRequested]: 'A file awaiting additional information',
  [FileStatus.Approved]: 'An approved file',
  [FileStatus.Refused]: 'A refused file',
  [FileStatus.Withdrawn]: 'A withdrawn file',
  [FileStatus.Closed]: 'A closed file',
};

/** "submitted", "moved to preparation": what the move does to a file. */
const AS_MOVE: Record<FileStatus, string> = {
  [FileStatus.Intake]: 'moved back to intake',
  [FileStatus.Preparing]: 'moved to preparation',
  [FileStatus.Submitted]: 'submitted',
  [FileStatus.BiometricsRequested]: 'marked as awaiting biometrics',
  [FileStatus.AdditionalInfoRequested]: 'marked as awaiting additional information',
  [FileStatus.Approved]: 'approved',
  [FileStatus.Refused]: 'refused',
  [FileStatus.Withdrawn]: 'withdrawn',
  [FileStatus.Closed]: 'closed',
};

/** The statuses a file in `from` may move to, in workflow order. */
export function allowedTransitions(from: FileStatus): FileStatus[] {
  return [...NEXT[from]];
}

export function canTransition(from: FileStatus, to: FileStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Why a move is refused, naming the moves that are allowed; null when the move is allowed.
 * e.g. "A withdrawn file cannot be submitted; it can only be closed".
 */
export function transitionRefusal(from: FileStatus, to: FileStatus): string | null {
  if (canTransition(from, to)) {
    return null;
  }
  const allowed = NEXT[from];
  const reason = `${AS_SUBJECT[from]} cannot be ${AS_MOVE[to]}${from === to ? ' again' : ''}`;
  if (allowed.length === 0) {
    return `${reason}; a closed file is final`;
  }
  const moves = allowed.map((s) => `${AS_MOVE[s]} (${s})`);
  return `${reason}; it can only be ${joinOr(moves)}`;
}

/** Moving to a status stamps the key date that records it, when not already set. */
export function keyDateStampedBy(to: FileStatus): 'submittedOn' | 'decisionOn' | null {
  switch (to) {
    case FileStatus.Submitted:
      return 'submittedOn';
    case FileStatus.Approved:
    case FileStatus.Refused:
      return 'decisionOn';
    default:
      return null;
  }
}

function joinOr(items: string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
