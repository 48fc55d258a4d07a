import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { errorsOf } from '../common/field-errors';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';

type TaxNumbers = Schemas['BillingSettingsDto'];

/**
 * The firm's GST/HST and QST numbers (GET/PUT /api/settings/billing), printed on every invoice: an invoice that
 * charges GST/HST (or QST) cannot be issued until the number is recorded. Admins, on the firm profile page.
 */
export function TaxNumbersSection() {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (key: string) => translate(`pd.invoice.${key}`);
  const { data, error } = useApi<TaxNumbers>('/api/settings/billing');
  // Filled from the recorded numbers: no field shows before they arrive, so a slow answer cannot wipe what an admin
  // has started to type (then saved as a blank number).
  const [form, setForm] = useState<{ gstHstNumber: string; qstNumber: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (data) {
      setForm({ gstHstNumber: data.gstHstNumber ?? '', qstNumber: data.qstNumber ?? '' });
    }
  }, [data]);

  async function save() {
    if (!form) {
      return;
    }
    setErrors({});
    try {
      await send(
        apiClient.PUT('/api/settings/billing', {
          body: { gstHstNumber: form.gstHstNumber.trim() || null, qstNumber: form.qstNumber.trim() || null },
        }),
      );
      notify(t('tax_numbers_saved'), { type: 'success' });
    } catch (e) {
      const found = errorsOf(e, translate);
      setErrors(Object.keys(found).length > 0 ? found : { form: (e as Error).message });
    }
  }

  return (
    <Section title={t('tax_numbers')}>
      {(error || errors.form) && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {errors.form ?? error?.message}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('tax_numbers_help')}
      </Typography>
      {form && (
        <Stack spacing={1}>
          {(['gstHstNumber', 'qstNumber'] as const).map((field) => (
            <TextField
              key={field}
              label={t(field === 'gstHstNumber' ? 'gst_hst_number' : 'qst_number')}
              value={form[field]}
              onChange={(event) => setForm({ ...form, [field]: event.target.value })}
              error={!!errors[field]}
              helperText={errors[field] ?? t(field === 'gstHstNumber' ? 'gst_hst_example' : 'qst_example')}
              slotProps={{ htmlInput: { maxLength: 30 } }}
              size="small"
              fullWidth
            />
          ))}
          <Box>
            <Button variant="contained" onClick={() => void save()}>
              {t('save_tax_numbers')}
            </Button>
          </Box>
        </Stack>
      )}
    </Section>
  );
}
