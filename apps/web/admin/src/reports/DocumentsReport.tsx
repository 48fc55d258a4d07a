import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';

interface ChecklistCompleteness {
  files: number;
  complete: number;
  filesAwaitingReview: number;
  filesWithRejected: number;
  requiredTotal: number;
  requiredComplete: number;
  awaitingReview: number;
  rejected: number;
}

/** How far the files in progress are with their documents: complete files, review backlog, rejections. */
export function DocumentsReport() {
  const translate = useTranslate();
  const { data } = useApi<ChecklistCompleteness>('/api/reports/documents');
  if (!data) {
    return null;
  }
  return (
    <Section title={translate('pd.reports.documents')}>
      <div data-testid="documents-report">
        <Typography variant="body2" sx={{ mb: 1 }} color="text.secondary">
          {translate('pd.reports.documents_scope')}
        </Typography>
        <Typography variant="body2">
          {translate('pd.reports.documents_files', { complete: data.complete, files: data.files })}
        </Typography>
        <Typography variant="body2">
          {translate('pd.reports.documents_required', {
            done: data.requiredComplete,
            total: data.requiredTotal,
          })}
        </Typography>
        <Typography variant="body2">
          {translate('pd.reports.documents_review', {
            count: data.awaitingReview,
            files: data.filesAwaitingReview,
          })}
        </Typography>
        <Typography variant="body2">
          {translate('pd.reports.documents_rejected', {
            count: data.rejected,
            files: data.filesWithRejected,
          })}
        </Typography>
      </div>
    </Section>
  );
}
