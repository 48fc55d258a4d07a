import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ChecklistStatus } from './types';

const ITEM_COLORS: Record<ChecklistStatus, ChipProps['color']> = {
  missing: 'default',
  uploaded: 'warning',
  accepted: 'success',
  rejected: 'error',
  waived: 'info',
};

/** A checklist item's status: missing, uploaded (awaiting review), accepted, rejected, waived. */
export function ItemStatusChip({ status }: { status: ChecklistStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'missing' ? 'outlined' : 'filled'}
      color={ITEM_COLORS[status] ?? 'default'}
      label={translate(`pd.documents.item_status.${status}`, { _: status })}
      data-status={status}
    />
  );
}

const DOCUMENT_COLORS: Record<string, ChipProps['color']> = {
  pending_review: 'warning',
  accepted: 'success',
  rejected: 'error',
};

/** A document's review status: awaiting review, accepted, rejected. */
export function DocumentStatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={DOCUMENT_COLORS[status] ?? 'default'}
      label={translate(`pd.documents.document_status.${status}`, { _: status })}
    />
  );
}
