import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { errorsOf, type FieldErrors } from '../common/field-errors';

const KINDS = [
  'permit_expiry',
  'lmia_expiry',
  'biometrics',
  'medical',
  'pfl_response',
  'document_request',
  'passport_expiry',
  'status_expiry',
  'custom',
];

interface ReminderSettings {
  sendHour: number;
  offsets: Record<string, number[]>;
  notifyAssistants: boolean;
  escalateOverdue: boolean;
  dailyDigest: boolean;
  timeZone: string;
}

/** When reminders go out (GET/PUT /api/settings/reminders). */
export function ReminderSettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { data, error } = useApi<ReminderSettings>('/api/settings/reminders');
  const [form, setForm] = useState<
    (Omit<ReminderSettings, 'offsets'> & { offsets: Record<string, string> }) | null
  >(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (data) {
      setForm({
        ...data,
        offsets: Object.fromEntries(KINDS.map((k) => [k, (data.offsets[k] ?? []).join(', ')])),
      });
    }
  }, [data]);
  async function save() {
    if (!form) {
      return;
    }
    const offsets = Object.fromEntries(
      KINDS.map((k) => [
        k,
        form.offsets[k]
          .split(/[ ,;]+/)
          .filter(Boolean)
          .map(Number),
      ]),
    ) as Schemas['ReminderOffsetsDto'];
    try {
      await send(
        apiClient.PUT('/api/settings/reminders', {
          body: {
            sendHour: form.sendHour,
            offsets,
            notifyAssistants: form.notifyAssistants,
            escalateOverdue: form.escalateOverdue,
            dailyDigest: form.dailyDigest,
          },
        }),
      );
      setErrors({});
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }
  const check = (key: 'notifyAssistants' | 'escalateOverdue' | 'dailyDigest') =>
    form && (
      <FormControlLabel
        control={
          <Checkbox checked={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
        }
        label={translate(`pd.reminderSettings.${key}`)}
      />
    );
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('pd.menu.reminder_settings')} />
      <Section title={translate('pd.menu.reminder_settings')}>
        {error && <Alert severity="error">{error.message}</Alert>}
        {form && (
          <Stack spacing={1}>
            <MuiTextField
              type="number"
              label={translate('pd.reminderSettings.sendHour', { zone: form.timeZone })}
              value={form.sendHour}
              onChange={(e) => setForm({ ...form, sendHour: Number(e.target.value) })}
              error={!!errors.sendHour}
              helperText={errors.sendHour ?? ' '}
              size="small"
              sx={{ maxWidth: 360 }}
            />
            <Typography variant="subtitle1" component="h3">
              {translate('pd.reminderSettings.offsets')}
            </Typography>
            {KINDS.map((kind) => (
              <MuiTextField
                key={kind}
                label={translate(`pd.deadlineKind.${kind}`)}
                value={form.offsets[kind]}
                onChange={(e) => setForm({ ...form, offsets: { ...form.offsets, [kind]: e.target.value } })}
                error={!!errors[`offsets.${kind}`]}
                helperText={errors[`offsets.${kind}`] ?? ' '}
                size="small"
                sx={{ maxWidth: 480 }}
              />
            ))}
            {check('notifyAssistants')}
            {check('escalateOverdue')}
            {check('dailyDigest')}
            <Box>
              <MuiButton variant="contained" onClick={() => void save()}>
                {translate('ra.action.save')}
              </MuiButton>
            </Box>
          </Stack>
        )}
      </Section>
    </Box>
  );
}
