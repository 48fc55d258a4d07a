import { Box, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';

export interface IrccPermitsIssued {
  source: string;
  requestedYear: number;
  year: number | null;
  isFallback: boolean;
  canada: Record<string, number | null> | null;
  province: { province: string; name: string; permits: Record<string, number | null> } | null;
}

/** A count in the reader's locale, or a dash when IRCC published none. */
export const count = (value: number | null | undefined, locale: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA');

/** IRCC's national permits issued for the year (or the latest published), for Canada and the chosen province. */
export function IrccPermitsIssuedPanel({
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
