import { Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { errorsOf } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { apiCall, send } from '../dataProvider';
import { apiClient } from '../session';

type FeeTerms = Schemas['DraftFeeTermsResponse'];

const FEE_TERMS = ['professionalFees', 'irccFees', 'paymentSchedule'] as const;
const TERMS = ['servicesDescription', ...FEE_TERMS] as const;

/**
 * A new draft of the file's agreement. Picking a fee-schedule service fills the fee sections with its text in the
 * client's language; a section left as filled is drawn from the service, a section changed overrides it.
 */
export function DraftForm({
  fileId,
  hasCurrent,
  onDone,
}: {
  fileId: string;
  hasCurrent: boolean;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const french = useLocale() === 'fr';
  const t = (key: string) => translate(`pd.agreement.${key}`);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serviceId, setServiceId] = useState('');
  const [filled, setFilled] = useState<FeeTerms | null>(null);
  const schedule = useApi<Schemas['FeeScheduleResponse']>(open ? '/api/fee-schedule' : null);
  const services = (schedule.data?.items ?? []).filter((s) => s.active);

  async function pick(id: string) {
    setServiceId(id);
    // Until the service's terms arrive, the sections are not yet filled from it (the help text says so).
    setFilled(null);
    if (id === '') {
      return;
    }
    try {
      const terms = await apiCall<FeeTerms>(
        `/api/files/${fileId}/agreement/fee-terms?feeScheduleServiceId=${encodeURIComponent(id)}`,
      );
      setFilled(terms);
      setForm({ ...form, ...Object.fromEntries(FEE_TERMS.map((k) => [k, terms[k]])) });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  async function make() {
    // A fee section still as the service filled it is drawn from the service; a changed one overrides it.
    const written = (name: (typeof FEE_TERMS)[number]) =>
      filled && form[name] === filled[name] ? null : (form[name] ?? '');
    try {
      await send(
        apiClient.POST('/api/files/{id}/agreement', {
          params: { path: { id: fileId } },
          body: {
            servicesDescription: form.servicesDescription ?? '',
            feeScheduleServiceId: serviceId || null,
            professionalFees: written('professionalFees'),
            irccFees: written('irccFees'),
            paymentSchedule: written('paymentSchedule'),
          },
        }),
      );
      notify('pd.agreement.drafted', { type: 'success' });
      setOpen(false);
      onDone();
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }

  if (!open) {
    return (
      <Box>
        <Button size="small" onClick={() => setOpen(true)}>
          {hasCurrent ? t('new_version') : t('make_draft')}
        </Button>
      </Box>
    );
  }
  return (
    <Stack spacing={1.5} sx={{ maxWidth: 640 }} component="form" aria-label={t('make_draft')}>
      <TextField
        select
        label={t('fee_service')}
        value={serviceId}
        onChange={(event) => void pick(event.target.value)}
        error={!!errors.feeScheduleServiceId}
        helperText={
          errors.feeScheduleServiceId ?? t(serviceId && filled ? 'fee_service_filled' : 'fee_service_help')
        }
        fullWidth
      >
        <MenuItem value="">{t('fee_service_none')}</MenuItem>
        {services.map((service) => (
          <MenuItem key={service.id} value={service.id}>
            {french ? service.nameFr : service.name}
          </MenuItem>
        ))}
      </TextField>
      {TERMS.map((name) => (
        <TextField
          key={name}
          label={t(name)}
          value={form[name] ?? ''}
          onChange={(event) => setForm({ ...form, [name]: event.target.value })}
          error={!!errors[name]}
          helperText={errors[name]}
          multiline
          minRows={2}
          fullWidth
        />
      ))}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void make()}>
          {hasCurrent ? t('new_version') : t('make_draft')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
      </Stack>
    </Stack>
  );
}
