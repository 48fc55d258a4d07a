import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { apiErrorOf, type Schemas } from '@app/api-client';
import { TaxNumbersSection } from '../billing/TaxNumbers';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { ApiError, apiClient, session } from '../session';
import { send } from '../dataProvider';
import { errorsOf } from '../common/field-errors';

type FirmProfile = Schemas['FirmProfileResponse'];
type Details = Pick<FirmProfile, 'name' | 'address' | 'phone' | 'publicEmail'>;
const FIELDS = ['name', 'address', 'phone', 'publicEmail'] as const;

/** The API's own limit (PUT /api/firm-profile/logo); checked here first so nobody waits for a refusal. */
const LOGO_MAX_BYTES = 200 * 1024;

const fieldErrorsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiError && error.body?.fields
    ? Object.fromEntries(Object.entries(error.body.fields).map(([k, v]) => [k, v.join(' ')]))
    : {};

/** The firm as clients see it on the booking page (GET/PUT /api/firm-profile, PUT/DELETE …/logo); admins only. */
export function FirmProfilePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { data, error } = useApi<FirmProfile>('/api/firm-profile');
  const [form, setForm] = useState<Record<keyof Details, string> | null>(null);
  const [logoUrl, setLogoUrl] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (data) {
      setForm(Object.fromEntries(FIELDS.map((f) => [f, data[f] ?? ''])) as Record<keyof Details, string>);
      setLogoUrl(data.logoUrl);
    }
  }, [data]);

  async function save() {
    if (!form) {
      return;
    }
    try {
      const saved = await send(
        apiClient.PUT('/api/firm-profile', {
          body: Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() || null])) as Details,
        }),
      );
      setForm(Object.fromEntries(FIELDS.map((f) => [f, saved[f] ?? ''])) as Record<keyof Details, string>);
      setErrors({});
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      setErrors(errorsOf(e));
      notify((e as Error).message, { type: 'error' });
    }
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) {
      return;
    }
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      setErrors({ logo: translate('pd.firm.logo_type') });
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors({ logo: translate('pd.firm.logo_too_large') });
      return;
    }
    try {
      const response = await fetch('/api/firm-profile/logo', {
        method: 'PUT',
        headers: { 'Content-Type': file.type, Authorization: `Bearer ${session.token ?? ''}` },
        body: file,
      });
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        throw apiErrorOf(response, json);
      }
      setLogoUrl((json as FirmProfile).logoUrl);
      setErrors({});
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      notify((e as Error).message, { type: 'error' });
    }
  }

  async function removeLogo() {
    try {
      const saved = await send(apiClient.DELETE('/api/firm-profile/logo'));
      setLogoUrl(saved.logoUrl);
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  const text = (field: keyof Details, props: { multiline?: boolean; type?: string } = {}) =>
    form && (
      <TextField
        label={translate(`pd.firm.${field}`)}
        name={field}
        value={form[field]}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        error={!!errors[field]}
        helperText={errors[field] ?? ' '}
        size="small"
        fullWidth
        minRows={props.multiline ? 2 : undefined}
        {...props}
      />
    );

  return (
    <Box sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate('pd.menu.firm_profile')} />
      <Section title={translate('pd.menu.firm_profile')}>
        {error && <Alert severity="error">{error.message}</Alert>}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('pd.firm.explain')}
        </Typography>
        {form && (
          <Stack spacing={1}>
            {text('name')}
            {text('address', { multiline: true })}
            {text('phone', { type: 'tel' })}
            {text('publicEmail', { type: 'email' })}
            <Box>
              <Button variant="contained" onClick={() => void save()}>
                {translate('ra.action.save')}
              </Button>
            </Box>
          </Stack>
        )}
      </Section>
      <Section title={translate('pd.firm.logo')}>
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          {logoUrl ? (
            <img
              src={logoUrl}
              alt={translate('pd.firm.logo_alt')}
              data-testid="firm-logo"
              style={{ maxHeight: 80, maxWidth: 240 }}
            />
          ) : (
            <Typography variant="body2">{translate('pd.firm.no_logo')}</Typography>
          )}
          <Typography variant="body2" color="text.secondary" id="logo-help">
            {translate('pd.firm.logo_help')}
          </Typography>
          {errors.logo && (
            <Alert severity="error" role="alert">
              {errors.logo}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" component="label">
              {translate('pd.firm.choose_logo')}
              <input
                hidden
                type="file"
                name="logo"
                accept="image/png,image/jpeg"
                aria-describedby="logo-help"
                onChange={(e) => void upload(e)}
              />
            </Button>
            {logoUrl && (
              <Button color="error" onClick={() => void removeLogo()}>
                {translate('pd.firm.remove_logo')}
              </Button>
            )}
          </Stack>
        </Stack>
      </Section>
      <TaxNumbersSection />
    </Box>
  );
}
