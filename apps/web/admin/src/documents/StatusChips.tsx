import { Chip, type ChipProps, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ChecklistStatus } from './types';

export type Tone = 'neutral' | 'waiting' | 'good' | 'bad' | 'waived';

/**
 * Chip colours with text that passes WCAG AA (4.5:1): MUI's own warning and info chips put white text on
 * orange and light blue (about 3:1), so those two tones get dark text on the light shade, or the dark shade.
 */
export function toneProps(tone: Tone): { color: ChipProps['color']; sx?: SxProps<Theme> } {
  switch (tone) {
    case 'waiting':
      return { color: 'default', sx: { bgcolor: 'warning.light', color: 'common.black' } };
    case 'waived':
      return { color: 'default', sx: { bgcolor: 'info.dark', color: 'common.white' } };
    case 'good':
      return { color: 'success' };
    case 'bad':
      return { color: 'error' };
    case 'neutral':
      return { color: 'default' };
  }
}

const ITEM_TONES: Record<ChecklistStatus, Tone> = {
  missing: 'neutral',
  uploaded: 'waiting',
  accepted: 'good',
  rejected: 'bad',
  waived: 'waived',
};

/** A checklist item's status: missing, uploaded (awaiting review), accepted, rejected, waived. */
export function ItemStatusChip({ status }: { status: ChecklistStatus }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={status === 'missing' ? 'outlined' : 'filled'}
      {...toneProps(ITEM_TONES[status] ?? 'neutral')}
      label={translate(`pd.documents.item_status.${status}`, { _: status })}
      data-status={status}
    />
  );
}

const DOCUMENT_TONES: Record<string, Tone> = {
  pending_review: 'waiting',
  accepted: 'good',
  rejected: 'bad',
};

/** A document's review status: awaiting review, accepted, rejected. */
export function DocumentStatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      {...toneProps(DOCUMENT_TONES[status] ?? 'neutral')}
      label={translate(`pd.documents.document_status.${status}`, { _: status })}
    />
  );
}
