import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { BillingReport } from './BillingReport';
import { DocumentsReport } from './DocumentsReport';
import { download } from '../common/download';

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

interface Occupations {
  year: number;
  occupations: {
    nocCode: string;
    title: string | null;
    teer: number | null;
    province: string | null;
    files: number;
  }[];
  byProvince: {
    province: string | null;
    name: string;
    files: Record<string, number>;
    irccHoldersOnDec31: Record<string, number | null> | null;
    irccPermitsIssued: Record<string, number | null> | null;
  }[];
  ircc: { counts: string; source: string; year: number | null; latestPublishedYear: number };
  irccPermitsIssued: IrccPermitsIssued;
}

interface IrccPermitsIssued {
  source: string;
  requestedYear: number;
  year: number | null;
  isFallback: boolean;
  canada: Record<string, number | null> | null;
  province: { province: string; name: string; permits: Record<string, number | null> } | null;
}

const count = (value: number | null | undefined, locale: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA');

/** IRCC's national permits issued for the year (or the latest published), for Canada and the chosen province. */
function IrccPermitsIssuedPanel({
  issued,
  firmFiles,
}: {
  issued: IrccPermitsIssued;
  firmFiles: Record<string, number> | null;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const rows = [
    ...(issued.province
      ? [
          {
            key: issued.province.province,
            label: translate(`pd.provinceName.${issued.province.province}`, { _: issued.province.name }),
            permits: issued.province.permits,
          },
        ]
      : []),
    ...(issued.canada ? [{ key: 'CA', label: translate('pd.reports.canada'), permits: issued.canada }] : []),
  ];
  return (
    <Box sx={{ mb: 2 }} data-testid="ircc-permits-issued">
      <Typography variant="h6" component="h3">
        {translate('pd.reports.ircc_issued')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {issued.year === null
          ? translate('pd.reports.ircc_issued_none')
          : issued.isFallback
            ? translate('pd.reports.ircc_issued_fallback', {
                requested: issued.requestedYear,
                year: issued.year,
              })
            : translate('pd.reports.ircc_issued_year', { year: issued.year })}
      </Typography>
      {rows.length > 0 && (
        <Box
          component="table"
          sx={{ width: '100%', borderCollapse: 'collapse', '& td, & th': { p: 0.5, textAlign: 'right' } }}
        >
          <thead>
            <tr>
              <th style={{ textAlign: 'left' }}>{translate('pd.reports.province')}</th>
              <th>{translate('pd.reports.ircc_issued_tfwp')}</th>
              <th>{translate('pd.reports.ircc_issued_imp')}</th>
              {firmFiles && <th>{translate('pd.reports.firm_files')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td style={{ textAlign: 'left' }}>{row.label}</td>
                <td>{count(row.permits.TFWP, locale)}</td>
                <td>{count(row.permits.IMP, locale)}</td>
                {firmFiles && (
                  <td>{row.key === 'CA' ? '' : `TFWP ${firmFiles.TFWP ?? 0} · IMP ${firmFiles.IMP ?? 0}`}</td>
                )}
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('pd.reports.ircc_issued_note')} {translate('pd.reports.source')}:{' '}
        <a href={issued.source} target="_blank" rel="noreferrer">
          {issued.source}
        </a>
      </Typography>
    </Box>
  );
}

/**
 * The top occupations, one row per occupation and province, the province in its own column, so a NOC code that
 * appears twice is plainly two provinces.
 */
function OccupationsTable({
  occupations,
  provinces,
}: {
  occupations: Occupations['occupations'];
  provinces: Occupations['byProvince'];
}) {
  const translate = useTranslate();
  const names = new Map(
    provinces.map((p) => [p.province, translate(`pd.provinceName.${p.province}`, { _: p.name })]),
  );
  const max = Math.max(1, ...occupations.map((r) => r.files));
  if (occupations.length === 0) {
    return <Empty text="—" />;
  }
  return (
    // Wider than a phone: scrolls in its own box, which the keyboard can reach (the table inside carries the name).
    <Box sx={{ overflowX: 'auto' }} tabIndex={0}>
      <Box
        component="table"
        aria-label={translate('pd.reports.occupations')}
        sx={{
          width: '100%',
          borderCollapse: 'collapse',
          '& td, & th': { p: 0.5, textAlign: 'left', verticalAlign: 'top' },
          '& th': { borderBottom: 1, borderColor: 'divider' },
        }}
      >
        <thead>
          <tr>
            <th>{translate('pd.reports.noc')}</th>
            <th>{translate('pd.reports.occupation')}</th>
            <th>{translate('pd.reports.province')}</th>
            <th style={{ textAlign: 'right' }}>{translate('pd.reports.files')}</th>
            <th aria-hidden style={{ width: '25%' }} />
          </tr>
        </thead>
        <tbody>
          {occupations.map((r) => (
            <tr key={`${r.nocCode}-${r.province ?? ''}`}>
              <td>{r.nocCode}</td>
              <td>{r.title ?? '—'}</td>
              <td>
                {r.province
                  ? `${names.get(r.province) ?? r.province} (${r.province})`
                  : translate('pd.reports.no_province')}
              </td>
              <td style={{ textAlign: 'right' }}>{r.files}</td>
              <td aria-hidden>
                <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, height: 12, mt: 0.5 }}>
                  <Box
                    sx={{
                      bgcolor: 'primary.main',
                      borderRadius: 1,
                      height: 12,
                      width: `${(r.files / max) * 100}%`,
                    }}
                  />
                </Box>
              </td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

const PROVINCES = ['', 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

/** A horizontal bar chart in plain HTML: each bar's width is its share of the largest value. */
export function Bars({
  label,
  rows,
  format = String,
}: {
  label: string;
  rows: { key: string; label: string; value: number }[];
  /** How a value is written beside its bar (money, say); the number as it is by default. */
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (rows.length === 0) {
    return <Empty text="—" />;
  }
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {rows.map((row) => (
        <Box
          component="li"
          key={row.key}
          sx={{
            display: 'grid',
            gridTemplateColumns: '14rem 1fr minmax(3rem, max-content)',
            gap: 1,
            alignItems: 'center',
            mb: 0.5,
          }}
        >
          <Typography variant="body2" noWrap title={row.label}>
            {row.label}
          </Typography>
          <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, height: 14 }} aria-hidden>
            <Box
              sx={{
                bgcolor: 'primary.main',
                borderRadius: 1,
                height: 14,
                width: `${(row.value / max) * 100}%`,
              }}
            />
          </Box>
          <Typography variant="body2" sx={{ textAlign: 'right' }}>
            {format(row.value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

export function query(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Firm caseload reports: overview, top occupations by province beside IRCC's published figures, CSV. */
export function ReportsPage() {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [province, setProvince] = useState('');
  const [stream, setStream] = useState('');
  const overview = useApi<Overview>('/api/reports/overview');
  const params = { year, province, stream };
  const occupations = useApi<Occupations>(
    /^\d{4}$/.test(year) ? `/api/reports/occupations${query(params)}` : null,
  );

  const downloadOccupationsCsv = async () => {
    const fallback = `occupations-${year}${province ? `-${province.toLowerCase()}` : ''}.csv`;
    await download(
      `/api/reports/occupations${query({ ...params, format: 'csv' })}`,
      fallback,
      'text/csv',
    ).catch(() => notify(translate('pd.reports.csv_failed'), { type: 'error' }));
  };

  const o = overview.data;
  const occ = occupations.data;
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
      <Section
        title={translate('pd.reports.occupations')}
        action={
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => void downloadOccupationsCsv()}>
            CSV
          </Button>
        }
      >
        <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <TextField
            label={translate('pd.reports.year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            size="small"
            sx={{ width: 120 }}
          />
          <TextField
            select
            label={translate('pd.reports.province')}
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            size="small"
            sx={{ width: 180 }}
          >
            {PROVINCES.map((p) => (
              <MenuItem key={p || 'all'} value={p}>
                {p ? translate(`pd.provinceName.${p}`, { _: p }) : translate('pd.reports.all')}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('pd.reports.stream')}
            value={stream}
            onChange={(e) => setStream(e.target.value)}
            size="small"
            sx={{ width: 180 }}
          >
            {['', 'TFWP', 'IMP'].map((s) => (
              <MenuItem key={s || 'all'} value={s}>
                {s || translate('pd.reports.all')}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {occupations.error && <Empty text={occupations.error.message} />}
        {occ && (
          <>
            <IrccPermitsIssuedPanel
              issued={occ.irccPermitsIssued}
              firmFiles={
                occ.irccPermitsIssued.province
                  ? (occ.byProvince.find((p) => p.province === occ.irccPermitsIssued.province?.province)
                      ?.files ?? { TFWP: 0, IMP: 0 })
                  : null
              }
            />
            <OccupationsTable occupations={occ.occupations.slice(0, 15)} provinces={occ.byProvince} />
            <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
              {translate('pd.reports.by_province')}
            </Typography>
            {/* Seven columns are wider than a phone: the table scrolls in its own box, reachable by keyboard. */}
            <Box
              sx={{ overflowX: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={translate('pd.reports.by_province')}
            >
              <Box
                component="table"
                sx={{
                  width: '100%',
                  borderCollapse: 'collapse',
                  '& td, & th': { p: 0.5, textAlign: 'right' },
                }}
              >
                <thead>
                  <tr>
                    <th style={{ textAlign: 'left' }}>{translate('pd.reports.province')}</th>
                    <th>TFWP</th>
                    <th>IMP</th>
                    <th>{translate('pd.reports.ircc_tfwp')}</th>
                    <th>{translate('pd.reports.ircc_imp')}</th>
                    <th>{translate('pd.reports.ircc_issued_tfwp')}</th>
                    <th>{translate('pd.reports.ircc_issued_imp')}</th>
                  </tr>
                </thead>
                <tbody>
                  {occ.byProvince.map((p) => (
                    <tr key={p.province ?? 'none'}>
                      <td style={{ textAlign: 'left' }}>
                        {p.province
                          ? translate(`pd.provinceName.${p.province}`, { _: p.name })
                          : translate('pd.reports.no_province')}
                      </td>
                      <td>{p.files.TFWP ?? 0}</td>
                      <td>{p.files.IMP ?? 0}</td>
                      <td>{p.irccHoldersOnDec31?.TFWP ?? '—'}</td>
                      <td>{p.irccHoldersOnDec31?.IMP ?? '—'}</td>
                      <td>{count(p.irccPermitsIssued?.TFWP, locale)}</td>
                      <td>{count(p.irccPermitsIssued?.IMP, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </Box>
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('pd.reports.ircc_holders_note', { _: occ.ircc.counts })}
            </Typography>
          </>
        )}
      </Section>
      <BillingReport />
    </Box>
  );
}
