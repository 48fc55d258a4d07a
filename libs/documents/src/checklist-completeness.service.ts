import { Injectable } from '@nestjs/common';
import type { StaffScope } from '@app/shared';
import { FileStatus, WorkPermitFilesService } from '@app/work-permits';
import { FileChecklistsService } from './file-checklists.service';

/** The files whose documents are still being gathered: before submission, or answering a request for more. */
export const GATHERING_STATUSES = [
  FileStatus.Intake,
  FileStatus.Preparing,
  FileStatus.AdditionalInfoRequested,
] as const;

const PAGE = 200;

/** Checklist completeness over the files whose documents are still being gathered, for the reports. */
export interface ChecklistCompleteness {
  statuses: FileStatus[];
  /** Files in those statuses the reader may see. */
  files: number;
  /** Of them, files with every required item accepted or waived. */
  complete: number;
  /** Files with at least one document awaiting review. */
  filesAwaitingReview: number;
  /** Files with at least one rejected document (the client has to send it again). */
  filesWithRejected: number;
  /** Required items over those files, and how many of them are accepted or waived. */
  requiredTotal: number;
  requiredComplete: number;
  /** Items awaiting review and rejected, over those files. */
  awaitingReview: number;
  rejected: number;
}

@Injectable()
export class ChecklistCompletenessService {
  constructor(
    private readonly files: WorkPermitFilesService,
    private readonly checklists: FileChecklistsService,
  ) {}

  /** Reads the files a page at a time (two statements a page for their checklists), never one file at a time. */
  async ofGatheringFiles(scope: StaffScope): Promise<ChecklistCompleteness> {
    const total: ChecklistCompleteness = {
      statuses: [...GATHERING_STATUSES],
      files: 0,
      complete: 0,
      filesAwaitingReview: 0,
      filesWithRejected: 0,
      requiredTotal: 0,
      requiredComplete: 0,
      awaitingReview: 0,
      rejected: 0,
    };
    for (const status of GATHERING_STATUSES) {
      let cursor: string | undefined;
      do {
        const page = await this.files.list({ status, limit: PAGE, cursor }, scope);
        const summaries = await this.checklists.summariesOf(page.items);
        for (const summary of summaries.values()) {
          total.files += 1;
          total.complete += summary.requiredComplete === summary.requiredTotal ? 1 : 0;
          total.filesAwaitingReview += summary.awaitingReview > 0 ? 1 : 0;
          total.filesWithRejected += summary.rejected > 0 ? 1 : 0;
          total.requiredTotal += summary.requiredTotal;
          total.requiredComplete += summary.requiredComplete;
          total.awaitingReview += summary.awaitingReview;
          total.rejected += summary.rejected;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return total;
  }
}
