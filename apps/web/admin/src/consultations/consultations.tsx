import { Box, Chip, Grid, Stack, Typography } from '@mui/material';
import WarningIcon from '@mui/icons-material/WarningAmber';
import {
  Button,
  Create,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  SelectInput,
  Show,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { choicesOf, InstantField, InstantText, StatusChip, StatusField } from '../common/fields';
import { Section } from '../common/Section';
import { StaffInput } from '../common/StaffInput';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { FileForm } from '../files/FileForm';
import { ExportListActions } from '../common/ExportCsvButton';

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
    <ExportListActions path="/api/consultations">
      <Button component={Link} to="/consultations/calendar" label="pd.consultations.week" />
    </ExportListActions>
  );
}

export const clientName = (c: Consultation) => `${c.client.firstName} ${c.client.lastName}`;

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
  const translate = useTranslate();
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
      notify(translate('pd.notify.consultation_saved', { name: clientName(consultation) }), {
        type: 'success',
      });
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
