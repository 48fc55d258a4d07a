import { Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import { PROVINCE_CODES } from '@app/provinces';
import { download } from '../common/download';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { count, IrccPermitsIssuedPanel, type IrccPermitsIssued } from './IrccPermitsIssuedPanel';
import { query } from './report-query';

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

/** The firm's files by occupation and province for a year, beside IRCC's published figures, with a CSV. */
export function OccupationsReport() {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [province, setProvince] = useState('');
  const [stream, setStream] = useState('');
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

  const occ = occupations.data;
  return (
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
          {['', ...PROVINCE_CODES].map((p) => (
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
  );
}
