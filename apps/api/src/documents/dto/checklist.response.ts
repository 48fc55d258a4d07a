import { ApiProperty } from '@nestjs/swagger';
import {
  CHECKLIST_GROUPS,
  CHECKLIST_ITEM_STATUSES,
  type ChecklistGroup,
  type ChecklistItemStatus,
  type ChecklistSummary,
  type FileChecklist,
  type FileChecklistItem,
} from '@app/documents';

export class ChecklistSourceResponse {
  @ApiProperty() title: string;
  @ApiProperty() url: string;
  @ApiProperty({ format: 'date', description: 'When the source was last checked' }) checkedOn: string;
}

export class ChecklistSummaryResponse {
  @ApiProperty({ description: 'Required items' }) requiredTotal: number;
  @ApiProperty({ description: 'Required items accepted or waived' }) requiredComplete: number;
  @ApiProperty({ description: "Items whose newest document awaits review ('uploaded')" })
  awaitingReview: number;
  @ApiProperty({ description: 'Items whose newest document was rejected' }) rejected: number;

  static from(summary: ChecklistSummary): ChecklistSummaryResponse {
    return {
      requiredTotal: summary.requiredTotal,
      requiredComplete: summary.requiredComplete,
      awaitingReview: summary.awaitingReview,
      rejected: summary.rejected,
    };
  }
}

export class ChecklistItemResponse {
  @ApiProperty({ example: 'passport', description: "The documents' kind for this item" }) key: string;
  @ApiProperty({ enum: CHECKLIST_GROUPS, enumName: 'ChecklistGroup' }) group: ChecklistGroup;
  @ApiProperty() title: string;
  @ApiProperty() titleFr: string;
  @ApiProperty({ type: String, nullable: true }) help: string | null;
  @ApiProperty({ type: String, nullable: true }) helpFr: string | null;
  @ApiProperty({ description: 'Whether the file is incomplete without it' }) required: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'When a conditional item is needed (EN)' })
  conditionText: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When a conditional item is needed (FR)' })
  conditionTextFr: string | null;
  @ApiProperty({ description: "The firm's own item" }) custom: boolean;
  @ApiProperty({ enum: CHECKLIST_ITEM_STATUSES, enumName: 'ChecklistItemStatus' })
  status: ChecklistItemStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The newest live version' })
  documentId: string | null;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty({ type: String, nullable: true }) reviewReason: string | null;
  @ApiProperty({ type: String, nullable: true }) waivedReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) waivedAt: Date | null;
  @ApiProperty({ type: [ChecklistSourceResponse] }) sources: ChecklistSourceResponse[];

  static from(item: FileChecklistItem): ChecklistItemResponse {
    return {
      key: item.key,
      group: item.group,
      title: item.title,
      titleFr: item.titleFr,
      help: item.help,
      helpFr: item.helpFr,
      required: item.required,
      conditionText: item.conditionText,
      conditionTextFr: item.conditionTextFr,
      custom: item.custom,
      status: item.status,
      documentId: item.documentId,
      version: item.version,
      reviewReason: item.reviewReason,
      waivedReason: item.waivedReason,
      waivedAt: item.waivedAt,
      sources: item.sources.map((s) => ({ title: s.title, url: s.url, checkedOn: s.checkedOn })),
    };
  }
}

export class ChecklistResponse {
  @ApiProperty({ type: [ChecklistItemResponse] }) items: ChecklistItemResponse[];
  @ApiProperty({ type: ChecklistSummaryResponse }) summary: ChecklistSummaryResponse;

  static from(checklist: FileChecklist): ChecklistResponse {
    return {
      items: checklist.items.map((item) => ChecklistItemResponse.from(item)),
      summary: ChecklistSummaryResponse.from(checklist.summary),
    };
  }
}
