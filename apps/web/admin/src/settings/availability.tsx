import {
  Alert,
  Box,
  Button as MuiButton,
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
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { apiClient, listAll, send } from '../dataProvider';
import { CalendarFeedSection } from './calendar-feed';
import { session, type StaffUser } from '../session';
import { errorsOf, type FieldErrors } from '../common/field-errors';

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
  const staff = useBookableStaff();
  const [chosen, setChosen] = useState<string | null>(null);
  // Opens on the signed-in person when they take bookings, else on the first consultant who does.
  const consultantId =
    chosen ??
    (me?.role !== 'admin' || me.isBookable
      ? (me?.id ?? '')
      : (staff.find((p) => p.isBookable)?.id ?? (staff.length > 0 ? me.id : '')));
  const setConsultantId = setChosen;
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
      setErrors(errorsOf(e, translate));
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
                {p.isBookable ? p.name : `${p.name} — ${translate('pd.availability.takes_no_bookings')}`}
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
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
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

interface Bookable {
  id: string;
  name: string;
  isBookable: boolean;
}

/**
 * Whose hours an admin may open: active staff, those who take bookings first (by name), then the others. Other
 * roles see only themselves, which is all the API lets them change.
 */
function useBookableStaff(): Bookable[] {
  const [people, setPeople] = useState<Bookable[]>([]);
  useEffect(() => {
    const me = session.user;
    if (me?.role !== 'admin') {
      setPeople(me ? [{ id: me.id, name: me.name, isBookable: me.isBookable }] : []);
      return;
    }
    let live = true;
    void listAll<StaffUser>('/api/users')
      .then((users) =>
        users
          .filter((u) => u.isActive)
          .map((u) => ({ id: u.id, name: u.name, isBookable: u.isBookable }))
          .sort((a, b) => Number(b.isBookable) - Number(a.isBookable) || a.name.localeCompare(b.name)),
      )
      .catch(() => [{ id: me.id, name: me.name, isBookable: me.isBookable }])
      .then((list) => live && setPeople(list));
    return () => {
      live = false;
    };
  }, []);
  return people;
}
