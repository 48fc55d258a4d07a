import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { toneProps } from './StatusChips';
import type { ChecklistSummary } from './types';

/** "14 of 17 required", and how many documents wait for review or were rejected: chips on the file page. */
export function ChecklistSummaryChips({ summary }: { summary: ChecklistSummary | null | undefined }) {
  const translate = useTranslate();
  if (!summary) {
    return null;
  }
  const complete = summary.requiredComplete >= summary.requiredTotal;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="checklist-summary">
      <Chip
        size="small"
        {...toneProps(complete ? 'good' : 'neutral')}
        label={translate('pd.documents.summary.required', {
          complete: summary.requiredComplete,
          total: summary.requiredTotal,
        })}
      />
      {summary.awaitingReview > 0 && (
        <Chip
          size="small"
          {...toneProps('waiting')}
          label={translate('pd.documents.summary.awaiting', { smart_count: summary.awaitingReview })}
        />
      )}
      {summary.rejected > 0 && (
        <Chip
          size="small"
          {...toneProps('bad')}
          label={translate('pd.documents.summary.rejected', { smart_count: summary.rejected })}
        />
      )}
    </Stack>
  );
}

/** The same counts as one short line, for a list row: "14 of 17 required · 2 awaiting review". */
export function ChecklistSummaryText({ summary }: { summary: ChecklistSummary | null | undefined }) {
  const translate = useTranslate();
  if (!summary) {
    return <>—</>;
  }
  const parts = [
    translate('pd.documents.summary.required', {
      complete: summary.requiredComplete,
      total: summary.requiredTotal,
    }),
  ];
  if (summary.awaitingReview > 0) {
    parts.push(translate('pd.documents.summary.awaiting', { smart_count: summary.awaitingReview }));
  }
  if (summary.rejected > 0) {
    parts.push(translate('pd.documents.summary.rejected', { smart_count: summary.rejected }));
  }
  return <span data-testid="checklist-summary-text">{parts.join(' · ')}</span>;
}

/** The list column: the row's checklist counts (files list items carry `checklist`). */
export function ChecklistSummaryField(_props: { label?: string }) {
  const record = useRecordContext();
  return <ChecklistSummaryText summary={record?.checklist as ChecklistSummary | undefined} />;
}
