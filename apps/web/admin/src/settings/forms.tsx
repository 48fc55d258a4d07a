import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { timeZones } from '../../../shared/time';
import { Section } from '../common/Section';
import { useStaff } from '../common/StaffInput';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { CalendarFeedSection } from './calendar-feed';
import { session } from '../session';

type FieldErrors = Record<string, string>;
const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};

type WeeklyRange = Schemas['WeeklyRangeDto'];

interface Availability {
  consultantId: string;
  isConfigured: boolean;
  isBookable: boolean;
  timezone: string;
  weekly: WeeklyRange[];
  bufferMinutes: number;
  minNoticeHours: number;
  maxDaysAhead: number;
  slotIntervalMinutes: number;
  videoLink: string | null;
  phoneNumber: string | null;
  officeAddress: string | null;
}

type PlaceKey = 'videoLink' | 'phoneNumber' | 'officeAddress';

/** A consultant's weekly hours and booking rules (PUT /api/consultants/:id/availability). */
export function AvailabilityPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const me = session.user;
  const staff = useStaff();
  const [consultantId, setConsultantId] = useState<string>(me?.id ?? '');
  const { data, error } = useApi<Availability>(
    consultantId ? `/api/consultants/${consultantId}/availability` : null,
  );
  const [form, setForm] = useState<Availability | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    setForm(data ?? null);
    setErrors({});
  }, [data]);
  const zones = timeZones(form?.timezone ?? '');
  const number = (key: 'bufferMinutes' | 'minNoticeHours' | 'maxDaysAhead' | 'slotIntervalMinutes') => (
    <MuiTextField
      type="number"
      label={translate(`pd.availability.${key}`)}
      value={form?.[key] ?? ''}
      onChange={(e) => form && setForm({ ...form, [key]: Number(e.target.value) })}
      error={!!errors[key]}
      helperText={errors[key] ?? ' '}
      size="small"
    />
  );
  const place = (key: PlaceKey, type: string) => (
    <MuiTextField
      type={type}
      label={translate(`pd.places.${key}`)}
      value={form?.[key] ?? ''}
      onChange={(e) => form && setForm({ ...form, [key]: e.target.value })}
      error={!!errors[key]}
      helperText={errors[key] ?? translate('pd.places.consultant_help')}
      size="small"
      fullWidth
      sx={{ mb: 1 }}
    />
  );
  async function save() {
    if (!form) {
      return;
    }
    try {
      const { timezone, weekly, bufferMinutes, minNoticeHours, maxDaysAhead, slotIntervalMinutes } = form;
      const places = {
        videoLink: form.videoLink?.trim() || null,
        phoneNumber: form.phoneNumber?.trim() || null,
        officeAddress: form.officeAddress?.trim() || null,
      };
      const body: Schemas['AvailabilityDto'] = {
        timezone,
        weekly,
        bufferMinutes,
        minNoticeHours,
        maxDaysAhead,
        slotIntervalMinutes,
        ...places,
      };
      // The document gives this answer no schema: it is the availability as GET answers it.
      const saved = (await send<unknown>(
        apiClient.PUT('/api/consultants/{id}/availability', { params: { path: { id: consultantId } }, body }),
      )) as Availability;
      setForm(saved);
      setErrors({});
      notify('pd.saved', { type: 'success' });
    } catch (e) {
      setErrors(errorsOf(e));
      notify((e as Error).message, { type: 'error' });
    }
  }
  const setRange = (index: number, change: Partial<WeeklyRange>) =>
    form && setForm({ ...form, weekly: form.weekly.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('pd.menu.availability')} />
      <Section title={translate('pd.menu.availability')}>
        {me?.role === 'admin' && (
          <MuiTextField
            select
            label={translate('pd.availability.consultant')}
            value={consultantId}
            onChange={(e) => setConsultantId(e.target.value)}
            size="small"
            sx={{ minWidth: 280, mb: 2 }}
          >
            {staff.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </MuiTextField>
        )}
        {error && <Alert severity="error">{error.message}</Alert>}
        {form && (
          <>
            {!form.isConfigured && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('pd.availability.not_configured')}
              </Alert>
            )}
            {!form.isBookable && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('pd.availability.not_bookable')}
              </Alert>
            )}
            <MuiTextField
              select
              label={translate('pd.availability.timezone')}
              value={form.timezone}
              onChange={(e) => setForm({ ...form, timezone: e.target.value })}
              error={!!errors.timezone}
              helperText={errors.timezone ?? ' '}
              size="small"
              sx={{ minWidth: 280 }}
            >
              {zones.map((z) => (
                <MenuItem key={z} value={z}>
                  {z}
                </MenuItem>
              ))}
            </MuiTextField>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
              {translate('pd.availability.weekly')}
            </Typography>
            {form.weekly.map((range, index) => (
              <Stack key={index} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
                <MuiTextField
                  select
                  label={translate('pd.availability.weekday')}
                  value={range.weekday}
                  onChange={(e) => setRange(index, { weekday: Number(e.target.value) })}
                  size="small"
                  sx={{ minWidth: 150 }}
                >
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <MenuItem key={d} value={d}>
                      {translate(`pd.weekday.${d}`)}
                    </MenuItem>
                  ))}
                </MuiTextField>
                {(['start', 'end'] as const).map((key) => (
                  <MuiTextField
                    key={key}
                    type="time"
                    label={translate(`pd.availability.${key}`)}
                    value={range[key]}
                    onChange={(e) => setRange(index, { [key]: e.target.value })}
                    error={!!errors[`weekly.${index}.${key}`] || !!errors[`weekly.${index}`]}
                    helperText={
                      errors[`weekly.${index}.${key}`] ??
                      (key === 'end' ? errors[`weekly.${index}`] : undefined) ??
                      ' '
                    }
                    size="small"
                    slotProps={{ inputLabel: { shrink: true } }}
                  />
                ))}
                <IconButton
                  aria-label={translate('pd.availability.remove')}
                  onClick={() => setForm({ ...form, weekly: form.weekly.filter((_, i) => i !== index) })}
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
            {errors.weekly && <Alert severity="error">{errors.weekly}</Alert>}
            <MuiButton
              sx={{ mt: 1, mb: 2 }}
              onClick={() =>
                setForm({ ...form, weekly: [...form.weekly, { weekday: 1, start: '09:00', end: '17:00' }] })
              }
            >
              {translate('pd.availability.add')}
            </MuiButton>
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
              {number('bufferMinutes')}
              {number('minNoticeHours')}
              {number('maxDaysAhead')}
              {number('slotIntervalMinutes')}
            </Stack>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 1, mb: 1 }}>
              {translate('pd.places.title')}
            </Typography>
            {place('videoLink', 'url')}
            {place('phoneNumber', 'tel')}
            {place('officeAddress', 'text')}
            <MuiButton variant="contained" onClick={() => void save()} sx={{ mt: 2 }}>
              {translate('ra.action.save')}
            </MuiButton>
          </>
        )}
      </Section>
      {form && <CalendarFeedSection consultantId={consultantId} />}
    </Box>
  );
}

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
      setErrors(errorsOf(e));
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

/** The booking page's address and the iframe snippet a firm pastes into its own website. */
export function BookingEmbedPage() {
  const translate = useTranslate();
  const url = `${window.location.origin}/book`;
  const snippet = `<iframe src="${url}" title="Book a consultation" style="width:100%;min-height:760px;border:0" loading="lazy"></iframe>`;
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('pd.menu.booking_page')} />
      <Section title={translate('pd.menu.booking_page')}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('pd.embed.link')}: <a href={url}>{url}</a>
        </Typography>
        <MuiTextField
          label={translate('pd.embed.snippet')}
          value={snippet}
          multiline
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'embed-snippet' } }}
        />
        <MuiButton sx={{ mt: 1 }} onClick={() => void navigator.clipboard?.writeText(snippet)}>
          {translate('pd.embed.copy')}
        </MuiButton>
      </Section>
    </Box>
  );
}

/** Opens the queue board: a short cookie for /admin/queues, then the board itself. */
export async function openQueues(): Promise<void> {
  await send(apiClient.POST('/api/auth/queues-session'));
  window.location.assign('/admin/queues');
}
