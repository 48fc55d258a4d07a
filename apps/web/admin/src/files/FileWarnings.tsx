import { Alert, Stack } from '@mui/material';
import type { Schemas } from '@app/api-client';
import { useRecordContext, useTranslate } from 'react-admin';

/** A file warning as the API sends it: a rule code, the values it is made of, and English words. */
export type FileWarning = Schemas['FileWarningResponse'];

type Translate = ReturnType<typeof useTranslate>;

/** The warning in the UI's language; an unknown code falls back to the API's English words. */
export function warningText(warning: FileWarning, translate: Translate): string {
  const p = warning.params ?? {};
  const t = (key: string, args: Record<string, unknown> = {}) =>
    translate(`pd.warnings.${key}`, { ...p, ...args });
  switch (warning.code) {
    case 'exemption_code_closed': {
      const text = t(p.status === 'retired' ? 'exemption_code_retired' : 'exemption_code_closed');
      return p.replacedBy ? `${text} ${t('replaced_by')}` : text;
    }
    case 'exemption_code_pilot_check':
    case 'exemption_code_restricted':
    case 'offer_number_may_be_needed':
    case 'low_wage_duration':
      return t(warning.code);
    case 'wage_stream_mismatch':
      return t('wage_stream_mismatch', {
        hourlyWage: Number(p.hourlyWage).toFixed(2),
        threshold: Number(p.threshold).toFixed(2),
        comparison: t(p.wageClass === 'high_wage' ? 'at_or_above' : 'below'),
        wageClass: t(`wage_class.${String(p.wageClass)}`),
        chosen: t(`wage_class.${String(p.chosen)}`),
      });
    case 'low_wage_refused_area':
      return t('low_wage_refused_area', { to: p.to ?? t('until_next_list') });
    default:
      return warning.message;
  }
}

/** What staff should check on the file (closed codes, offer number, wage vs stream, low-wage limits), in plain words. */
export function FileWarnings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const warnings = (record?.warnings as FileWarning[] | undefined) ?? [];
  if (warnings.length === 0) {
    return null;
  }
  return (
    <Stack
      spacing={1}
      sx={{ mb: 2 }}
      role="region"
      aria-label={translate('pd.files.warnings')}
      data-testid="file-warnings"
    >
      {warnings.map((warning, index) => (
        <Alert key={`${warning.code}-${index}`} severity="warning" data-warning={warning.code}>
          {warningText(warning, translate)}
        </Alert>
      ))}
    </Stack>
  );
}
