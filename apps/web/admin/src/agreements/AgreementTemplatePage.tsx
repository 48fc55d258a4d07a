import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { Section } from '../common/Section';
import { errorsOf } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { send } from '../dataProvider';
import { apiClient } from '../session';

type Template = Schemas['AgreementTemplateResponse'];

/** The firm's service agreement template, EN and FR (GET/PUT /api/settings/agreement-template); admins only. */
export function AgreementTemplatePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.agreement_template.${key}`, args);
  const { data, error } = useApi<Template>('/api/settings/agreement-template');
  const [version, setVersion] = useState<number | null>(null);
  const [form, setForm] = useState<{ bodyEn: string; bodyFr: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (data) {
      setForm({ bodyEn: data.bodyEn, bodyFr: data.bodyFr });
      setVersion(data.version);
    }
  }, [data]);
  async function save() {
    if (!form) {
      return;
    }
    try {
      const saved = await send(apiClient.PUT('/api/settings/agreement-template', { body: form }));
      setVersion(saved.version);
      setErrors({});
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <>
      <Title title={t('title')} />
      <Section title={t('title')}>
        {error && <Alert severity="error">{error.message}</Alert>}
        {form && data && (
          <Stack spacing={2}>
            <Typography variant="body2">{t('help')}</Typography>
            <Typography variant="body2">{t('version', { version })}</Typography>
            {(['bodyEn', 'bodyFr'] as const).map((name) => (
              <TextField
                key={name}
                label={t(name)}
                value={form[name]}
                onChange={(event) => setForm({ ...form, [name]: event.target.value })}
                error={!!errors[name]}
                helperText={errors[name]}
                multiline
                minRows={12}
                maxRows={30}
                fullWidth
                slotProps={{ htmlInput: { spellCheck: true, style: { fontFamily: 'monospace' } } }}
              />
            ))}
            <Typography variant="subtitle2" component="h3">
              {t('fields')}
            </Typography>
            <Typography variant="body2" component="p" sx={{ fontFamily: 'monospace' }}>
              {data.mergeFields.map((f) => `{{${f}}}`).join('  ')}
            </Typography>
            <div>
              <Button variant="contained" onClick={() => void save()}>
                {t('save')}
              </Button>
            </div>
          </Stack>
        )}
      </Section>
    </>
  );
}
