import { Box, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { Bars } from './Bars';
import { BillingReport } from './BillingReport';
import { DocumentsReport } from './DocumentsReport';
import { OccupationsReport } from './OccupationsReport';

export { Bars } from './Bars';
export { query } from './report-query';

interface Overview {
  filesByStream: { stream: string; total: number; byStatus: { status: string; files: number }[] }[];
  impByExemptionCode: {
    top: { code: string; title: string | null; files: number; open: number; employerSpecific: number }[];
    otherFiles: number;
  };
  tfwpByLmiaStream: { lmiaStream: string | null; name: string | null; files: number }[];
  deadlinesDue: { total: number; byKind: { kind: string; deadlines: number }[] };
  consultationsThisMonth: {
    month: string;
    total: number;
    byType: { typeId: string; name: string; total: number }[];
  };
  consultationsToFiles: { consultations: number; becameFiles: number };
}

/** Firm caseload reports: overview, top occupations by province beside IRCC's published figures, CSV, billing. */
export function ReportsPage() {
  const translate = useTranslate();
  const overview = useApi<Overview>('/api/reports/overview');

  const o = overview.data;
  return (
    <Box sx={{ mt: 2 }} data-testid="reports-page">
      <Title title={translate('pd.menu.reports')} />
      {o && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
          <Section title={translate('pd.reports.files_by_stream')}>
            <Bars
              label={translate('pd.reports.files_by_stream')}
              rows={o.filesByStream.map((s) => ({ key: s.stream, label: s.stream, value: s.total }))}
            />
          </Section>
          <Section title={translate('pd.reports.exemption_codes')}>
            <Bars
              label={translate('pd.reports.exemption_codes')}
              rows={o.impByExemptionCode.top.map((c) => ({
                key: c.code,
                label: `${c.code} ${c.title ?? ''}`.trim(),
                value: c.files,
              }))}
            />
          </Section>
          <Section title={translate('pd.reports.lmia_streams')}>
            <Bars
              label={translate('pd.reports.lmia_streams')}
              rows={o.tfwpByLmiaStream.map((s) => ({
                key: s.lmiaStream ?? '-',
                label: s.lmiaStream
                  ? translate(`pd.lmiaStreamName.${s.lmiaStream}`, { _: s.name ?? s.lmiaStream })
                  : '—',
                value: s.files,
              }))}
            />
          </Section>
          <Section title={translate('pd.reports.consultations')}>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('pd.reports.became_files', {
                files: o.consultationsToFiles.becameFiles,
                consultations: o.consultationsToFiles.consultations,
              })}
            </Typography>
            <Bars
              label={translate('pd.reports.consultations')}
              rows={o.consultationsThisMonth.byType.map((t) => ({
                key: t.typeId,
                label: t.name,
                value: t.total,
              }))}
            />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('pd.reports.deadlines_due', { smart_count: o.deadlinesDue.total })}
            </Typography>
          </Section>
          <DocumentsReport />
        </Box>
      )}
      <OccupationsReport />
      <BillingReport />
    </Box>
  );
}
