import { Box, Chip, Grid, IconButton, Paper, Stack, Typography } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { useEffect, useState } from 'react';
import {
  Button,
  Create,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  SelectInput,
  Show,
  Title,
  TopToolbar,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import {
  addDays,
  dayOf,
  formatDate,
  formatDay,
  formatTime,
  minuteOfDay,
  mondayOf,
  startOfDay,
  zonedParts,
} from '../../../shared/time';
import { choicesOf, InstantField, InstantText, intlLocale, StatusChip, StatusField } from '../common/fields';
import { Section } from '../common/Section';
import { StaffInput } from '../common/StaffInput';
import type { Schemas } from '@app/api-client';
import { apiClient, listAll, send } from '../dataProvider';
import { FileForm } from '../files/files';
import { staffTimeZone } from '../session';

export type Consultation = Schemas['ConsultationResponse'];

const STATUSES = ['booked', 'completed', 'no_show', 'cancelled'] as const;

const consultationFilters = [
  <SelectInput key="status" source="status" choices={choicesOf(STATUSES, 'status')} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <StaffInput key="consultantId" source="consultantId" />,
];

function ListActions() {
  return (
    <TopToolbar>
      <Button component={Link} to="/consultations/calendar" label="pd.consultations.week" />
    </TopToolbar>
  );
}

const clientName = (c: Consultation) => `${c.client.firstName} ${c.client.lastName}`;

export function ConsultationList() {
  return (
    <List filters={consultationFilters} actions={<ListActions />} perPage={50} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <InstantField source="startsAt" />
        <FunctionField source="client" sortable={false} render={clientName} />
        <FunctionField
          source="type"
          sortable={false}
          render={(c: Consultation) => <TypeName type={c.type} />}
        />
        <FunctionField source="consultant" sortable={false} render={(c: Consultation) => c.consultant.name} />
        <StatusField source="status" />
        <FunctionField
          source="isUrgent"
          sortable={false}
          render={(c: Consultation) => (c.isUrgent ? <UrgentChip /> : null)}
        />
      </Datagrid>
    </List>
  );
}

export function TypeName({ type }: { type: { name: string; nameFr: string } }) {
  return <>{useLocale() === 'fr' ? type.nameFr : type.name}</>;
}

export function UrgentChip() {
  const translate = useTranslate();
  return (
    <Chip size="small" color="warning" icon={<WarningIcon />} label={translate('pd.consultations.urgent')} />
  );
}

/** Mark completed or no-show, cancel, convert into a file. */
export function ConsultationActions({ consultation }: { consultation: Consultation }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const started = new Date(consultation.startsAt).getTime() <= Date.now();
  async function setStatus(status: 'completed' | 'no_show' | 'cancelled') {
    try {
      await send(
        apiClient.PATCH('/api/consultations/{id}', {
          params: { path: { id: consultation.id } },
          body: { status },
        }),
      );
      notify('pd.consultations.saved', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  }
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {consultation.status !== 'cancelled' && started && consultation.status !== 'completed' && (
        <Button
          variant="outlined"
          label="pd.consultations.mark_completed"
          onClick={() => void setStatus('completed')}
        />
      )}
      {consultation.status !== 'cancelled' && started && consultation.status !== 'no_show' && (
        <Button
          variant="outlined"
          label="pd.consultations.mark_no_show"
          onClick={() => void setStatus('no_show')}
        />
      )}
      {consultation.status === 'booked' && !started && (
        <Button
          variant="outlined"
          label="pd.consultations.cancel"
          onClick={() => void setStatus('cancelled')}
        />
      )}
      {consultation.fileId ? (
        <Button
          component={Link}
          to={`/files/${consultation.fileId}/show`}
          label="pd.consultations.open_file"
        />
      ) : (
        consultation.status !== 'cancelled' && (
          <Button
            component={Link}
            to={`/consultations/${consultation.id}/convert`}
            variant="contained"
            label="pd.consultations.convert"
          />
        )
      )}
    </Stack>
  );
}

function ConsultationDetails() {
  const c = useRecordContext<Consultation>();
  const translate = useTranslate();
  if (!c) {
    return null;
  }
  const row = (label: string, value: React.ReactNode) => (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {value ?? '—'}
      </Typography>
    </Grid>
  );
  const yesNo = (v: boolean | undefined) => (v === undefined ? '—' : translate(v ? 'pd.yes' : 'pd.no'));
  return (
    <Section
      title={`${clientName(c)} — ${c.type.name}`}
      action={<StatusChip value={c.status} size="medium" />}
    >
      {c.awaitingConfirmationUntil && (
        <Typography role="status" color="warning.dark" sx={{ mb: 1 }} data-testid="awaiting-confirmation">
          {translate('pd.consultations.awaiting_confirmation')}{' '}
          <InstantText value={c.awaitingConfirmationUntil} />
        </Typography>
      )}
      <Box sx={{ mb: 2 }}>
        <ConsultationActions consultation={c} />
      </Box>
      <Grid container spacing={1}>
        {row('resources.consultations.fields.startsAt', <InstantText value={c.startsAt} />)}
        {row('resources.consultations.fields.consultant', c.consultant.name)}
        {row('resources.consultations.fields.mode', translate(`pd.mode.${c.mode}`, { _: c.mode }))}
        {row(
          'resources.consultations.fields.client',
          <Link to={`/clients/${c.client.id}/show`}>{clientName(c)}</Link>,
        )}
        {row('resources.clients.fields.email', c.client.email)}
        {row('resources.clients.fields.phone', c.client.phone)}
        {row('resources.consultations.fields.clientTimezone', c.clientTimezone)}
        {row('resources.consultations.fields.topic', c.topic)}
        {row('resources.consultations.fields.isUrgent', c.isUrgent ? <UrgentChip /> : translate('pd.no'))}
        {row('pd.prescreen.hasJobOffer', yesNo(c.prescreen?.hasJobOffer))}
        {row(
          'pd.prescreen.lmia',
          c.prescreen?.lmia ? translate(`pd.prescreen.lmia_${c.prescreen.lmia}`) : '—',
        )}
        {row('pd.prescreen.insideCanada', yesNo(c.prescreen?.insideCanada))}
        {row('pd.prescreen.permitExpiresOn', c.prescreen?.permitExpiresOn)}
      </Grid>
    </Section>
  );
}

export function ConsultationShow() {
  return (
    <Show actions={false} sx={{ '& .RaShow-card': { background: 'transparent', boxShadow: 'none' } }}>
      <ConsultationDetails />
    </Show>
  );
}

/** A consultation turned into a draft file for its client (POST /api/consultations/:id/convert). */
export function ConsultationConvert() {
  const { id } = useParams();
  const translate = useTranslate();
  return (
    <Create
      resource="files"
      redirect="show"
      title={translate('pd.consultations.convert')}
      transform={(data: Record<string, unknown>) => ({ ...data, convertFrom: id })}
    >
      <FileForm isNew clientFixed />
    </Create>
  );
}

const HOUR_PX = 72;

/** 'YYYY-MM-DDTHH:mm' of an instant in a zone: what the calendar places an event at. */
function localStamp(instant: string, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${dayOf(instant, zone)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** A week of consultations laid out by the hour, in the staff member's time zone. */
export function ConsultationCalendar() {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const zone = staffTimeZone();
  const today = dayOf(new Date(), zone);
  const [monday, setMonday] = useState(mondayOf(today));
  const [items, setItems] = useState<Consultation[]>([]);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  useEffect(() => {
    let live = true;
    const from = startOfDay(monday, zone).toISOString();
    const to = startOfDay(addDays(monday, 7), zone).toISOString();
    void listAll<Consultation>('/api/consultations', { from, to }).then(
      (found) => live && setItems(found.filter((c) => c.status !== 'cancelled')),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [monday, zone]);
  const minutes = items.flatMap((c) => [
    minuteOfDay(c.startsAt, zone),
    minuteOfDay(c.endsAt, zone) || 24 * 60,
  ]);
  const firstHour = Math.min(8, ...minutes.map((m) => Math.floor(m / 60)));
  const lastHour = Math.max(18, ...minutes.map((m) => Math.ceil(m / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('pd.consultations.week')} />
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <IconButton
          aria-label={translate('pd.calendar.previous_week')}
          onClick={() => setMonday(addDays(monday, -7))}
        >
          <ChevronLeft />
        </IconButton>
        <Typography variant="h6" component="h2">
          {formatDate(monday, locale)} – {formatDate(addDays(monday, 6), locale)}
        </Typography>
        <IconButton
          aria-label={translate('pd.calendar.next_week')}
          onClick={() => setMonday(addDays(monday, 7))}
        >
          <ChevronRight />
        </IconButton>
        <Button label="pd.calendar.today" onClick={() => setMonday(mondayOf(today))} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate('pd.calendar.times_in', { zone })}
        </Typography>
        <Button component={Link} to="/consultations" label="pd.consultations.list" />
      </Stack>
      <Paper
        variant="outlined"
        sx={{ display: 'grid', gridTemplateColumns: `56px repeat(7, minmax(110px, 1fr))`, overflowX: 'auto' }}
      >
        <Box />
        {days.map((day) => (
          <Typography
            key={day}
            variant="subtitle2"
            component="h3"
            sx={{
              p: 1,
              textAlign: 'center',
              borderLeft: 1,
              borderColor: 'divider',
              fontWeight: day === today ? 700 : 500,
            }}
          >
            {formatDay(day, locale, 'short')}
          </Typography>
        ))}
        <Box sx={{ position: 'relative' }}>
          {hours.map((h) => (
            <Typography
              key={h}
              variant="caption"
              component="div"
              sx={{ height: HOUR_PX, pr: 0.5, textAlign: 'right', borderTop: 1, borderColor: 'divider' }}
            >
              {`${String(h).padStart(2, '0')}:00`}
            </Typography>
          ))}
        </Box>
        {days.map((day) => (
          <Box
            key={day}
            role="list"
            aria-label={formatDay(day, locale, 'long')}
            sx={{
              position: 'relative',
              borderLeft: 1,
              borderColor: 'divider',
              height: hours.length * HOUR_PX,
            }}
          >
            {hours.map((h) => (
              <Box
                key={h}
                sx={{
                  position: 'absolute',
                  top: (h - firstHour) * HOUR_PX,
                  left: 0,
                  right: 0,
                  borderTop: 1,
                  borderColor: 'divider',
                }}
              />
            ))}
            {items
              .filter((c) => dayOf(c.startsAt, zone) === day)
              .map((c) => {
                const start = minuteOfDay(c.startsAt, zone);
                const end = Math.max(start + 15, minuteOfDay(c.endsAt, zone) || 24 * 60);
                return (
                  <Box
                    key={c.id}
                    role="listitem"
                    component={Link}
                    to={`/consultations/${c.id}/show`}
                    data-testid="calendar-event"
                    data-start={localStamp(c.startsAt, zone)}
                    sx={{
                      position: 'absolute',
                      top: ((start - firstHour * 60) / 60) * HOUR_PX,
                      height: Math.max(((end - start) / 60) * HOUR_PX - 2, 34),
                      left: 2,
                      right: 2,
                      overflow: 'hidden',
                      borderRadius: 1,
                      px: 0.5,
                      fontSize: 12,
                      lineHeight: 1.35,
                      zIndex: 1,
                      textDecoration: 'none',
                      color: c.status === 'booked' ? 'primary.contrastText' : 'text.primary',
                      bgcolor:
                        c.status === 'booked' ? (c.isUrgent ? 'warning.dark' : 'primary.main') : 'grey.300',
                    }}
                  >
                    <strong>
                      {formatTime(c.startsAt, zone, locale)}–{formatTime(c.endsAt, zone, locale)}
                    </strong>{' '}
                    {clientName(c)}
                    <br />
                    {c.type.name}
                  </Box>
                );
              })}
          </Box>
        ))}
      </Paper>
    </Box>
  );
}
