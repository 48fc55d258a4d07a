import type { Schemas } from '@app/api-client';
import {
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FunctionField,
  List,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  Show,
  TextField,
  TextInput,
  TopToolbar,
  useLocale,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  Button,
  email,
  required,
  Pagination,
} from 'react-admin';
import { Grid, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import AddIcon from '@mui/icons-material/Add';
import MailIcon from '@mui/icons-material/Mail';
import { useState } from 'react';
import { apiClient, send } from '../dataProvider';
import { errorsOf } from '../common/field-errors';
import {
  choicesOf,
  DayField,
  DayText,
  InstantField,
  intlLocale,
  STATUS_IN_CANADA,
  StatusField,
} from '../common/fields';
import { formatDateTime } from '../../../shared/time';
import { staffTimeZone } from '../session';
import { StaffInput } from '../common/StaffInput';
import { ClientAccount } from '../billing/ClientAccount';
import { Section } from '../common/Section';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { ApiSimpleForm } from '../common/ApiForm';
import { today } from '../common/today';
import { clientDateWarnings } from '../files/date-checks';
import { Timeline } from '../common/Timeline';
import { ExportListActions } from '../common/ExportCsvButton';

export const clientName = (record: { firstName?: string; lastName?: string; id?: unknown } | undefined) =>
  record ? `${record.firstName ?? ''} ${record.lastName ?? ''}`.trim() : '';

const clientFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <StaffInput key="consultantId" source="consultantId" />,
];

export function ClientList() {
  return (
    <List
      filters={clientFilters}
      sort={{ field: 'id', order: 'ASC' }}
      perPage={25}
      empty={false}
      actions={<ExportListActions path="/api/clients" />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sort={undefined}>
        <FunctionField label="resources.clients.fields.name" sortable={false} render={clientName} />
        <TextField source="email" sortable={false} emptyText="—" />
        <TextField source="phone" sortable={false} emptyText="—" />
        <FunctionField
          source="statusInCanada"
          sortable={false}
          render={(r: { statusInCanada: string }) => <StatusInCanadaText value={r.statusInCanada} />}
        />
        <DayField source="statusExpiresOn" />
        <FunctionField
          source="isProspect"
          sortable={false}
          render={(r: { isProspect: boolean }) => (r.isProspect ? <ProspectLabel /> : null)}
        />
      </Datagrid>
    </List>
  );
}

function ProspectLabel() {
  const translate = useTranslate();
  return <>{translate('pd.clients.prospect')}</>;
}

function StatusInCanadaText({ value }: { value: string }) {
  const translate = useTranslate();
  return <>{translate(`pd.statusInCanada.${value}`, { _: value })}</>;
}

function ClientForm({ isNew }: { isNew: boolean }) {
  const translate = useTranslate();
  return (
    <ApiSimpleForm
      toolbar={<SaveOnlyToolbar />}
      warnings={(values, previous) => clientDateWarnings(values, previous, today(), translate)}
      successMessage={(saved, t) =>
        t(isNew ? 'pd.notify.client_created' : 'pd.notify.client_saved', {
          name: `${String(saved.firstName)} ${String(saved.lastName)}`,
        })
      }
    >
      <Grid container columnSpacing={2} sx={{ maxWidth: 900 }}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="firstName" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="lastName" validate={required()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="email" type="email" validate={email()} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput source="phone" fullWidth helperText="+16045550123" />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateInput source="dateOfBirth" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextInput source="citizenship" fullWidth helperText="IN, PH, FR…" />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextInput source="countryOfResidence" fullWidth helperText="CA" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput
            source="statusInCanada"
            choices={choicesOf(STATUS_IN_CANADA, 'statusInCanada')}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateInput source="statusExpiresOn" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateInput
            source="statusAppliedOn"
            fullWidth
            helperText={translate('pd.clients.status_applied_help')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateInput source="statusLostOn" fullWidth helperText={translate('pd.clients.status_lost_help')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextInput source="passportNumber" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <DateInput source="passportExpiresOn" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <TextInput source="uci" fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput source="preferredLanguage" choices={choicesOf(['en', 'fr'], 'language')} fullWidth />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <StaffInput source="consultantId" />
        </Grid>
      </Grid>
    </ApiSimpleForm>
  );
}

export function ClientCreate() {
  return (
    <Create redirect="show">
      <ClientForm isNew />
    </Create>
  );
}

export function ClientEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <ClientForm isNew={false} />
    </Edit>
  );
}

function ClientShowActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <TopToolbar>
      <Button
        component={Link}
        to={`/files/create?source=${encodeURIComponent(JSON.stringify({ clientId: record.id }))}`}
        label={translate('pd.files.open')}
      >
        <AddIcon />
      </Button>
      <PortalInviteButton />
      <EditButton />
    </TopToolbar>
  );
}

/** Emails the client a portal sign-in link (a first invitation, or a new link); hidden for archived clients. */
function PortalInviteButton() {
  const record = useRecordContext<Schemas['ClientResponse']>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);
  if (!record || record.archivedAt || !record.email) {
    return null;
  }
  const invite = async () => {
    setSending(true);
    try {
      await send(apiClient.POST('/api/clients/{id}/portal-invite', { params: { path: { id: record.id } } }));
      notify(translate('pd.clients.portal_invited_notice', { email: record.email }), { type: 'success' });
      refresh();
    } catch (e) {
      notify(Object.values(errorsOf(e, translate)).join(' ') || (e as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Button
      onClick={() => void invite()}
      disabled={sending}
      label={translate(record.portal ? 'pd.clients.portal_invite_again' : 'pd.clients.portal_invite')}
    >
      <MailIcon />
    </Button>
  );
}

/** "Invited 4 Mar 2027, last signed in …", or "Not invited yet". */
function portalStatus(
  portal: Schemas['ClientResponse']['portal'],
  translate: (key: string, options?: object) => string,
  at: (value: string) => string,
): string {
  if (!portal) {
    return translate('pd.clients.portal_not_invited');
  }
  const invited = translate('pd.clients.portal_invited', { at: at(portal.invitedAt) });
  const signedIn = portal.lastSignInAt
    ? translate('pd.clients.portal_last_sign_in', { at: at(portal.lastSignInAt) })
    : translate('pd.clients.portal_never_signed_in');
  return `${invited}, ${signedIn}`;
}

function ClientDetails() {
  const record = useRecordContext<Schemas['ClientResponse']>();
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  if (!record) {
    return null;
  }
  const rows: [string, React.ReactNode][] = [
    ['email', record.email],
    ['phone', record.phone],
    ['dateOfBirth', record.dateOfBirth && <DayText value={record.dateOfBirth} relative={false} />],
    ['citizenship', record.citizenship],
    ['countryOfResidence', record.countryOfResidence],
    ['statusInCanada', translate(`pd.statusInCanada.${record.statusInCanada}`, { _: record.statusInCanada })],
    ['statusExpiresOn', record.statusExpiresOn && <DayText value={record.statusExpiresOn} />],
    ['statusAppliedOn', record.statusAppliedOn && <DayText value={record.statusAppliedOn} />],
    ['statusLostOn', record.statusLostOn && <DayText value={record.statusLostOn} />],
    ['passportNumber', record.passportNumber],
    ['passportExpiresOn', record.passportExpiresOn && <DayText value={record.passportExpiresOn} />],
    ['uci', record.uci],
    [
      'preferredLanguage',
      translate(`pd.language.${record.preferredLanguage}`, { _: record.preferredLanguage }),
    ],
  ];
  const at = (value: string) => formatDateTime(value, staffTimeZone(), locale);
  const portal = record.portal !== undefined ? portalStatus(record.portal, translate, at) : null;
  return (
    <Section title={clientName(record)}>
      <Grid container spacing={1}>
        {rows.map(([field, value]) => (
          <Grid key={field} size={{ xs: 12, sm: 6, md: 4 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              {translate(`resources.clients.fields.${field}`)}
            </Typography>
            <Typography variant="body2">{value || '—'}</Typography>
          </Grid>
        ))}
        {portal && (
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('pd.clients.portal')}
            </Typography>
            <Typography variant="body2" data-testid="portal-status">
              {portal}
            </Typography>
          </Grid>
        )}
      </Grid>
    </Section>
  );
}

function ClientFiles() {
  const translate = useTranslate();
  return (
    <Section title={translate('resources.files.name', { smart_count: 2 })}>
      <ReferenceManyField reference="files" target="clientId" perPage={10} pagination={<Pagination />}>
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography variant="body2">{translate('pd.files.none')}</Typography>}
        >
          <TextField source="fileNumber" sortable={false} />
          <TextField source="stream" sortable={false} />
          <StatusField source="status" />
          <DayField source="permitExpiresOn" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}

function ClientConsultations() {
  const translate = useTranslate();
  return (
    <Section title={translate('resources.consultations.name', { smart_count: 2 })}>
      <ReferenceManyField reference="consultations" target="clientId" perPage={10}>
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<Typography variant="body2">{translate('pd.consultations.none')}</Typography>}
        >
          <InstantField source="startsAt" />
          <FunctionField
            source="type"
            sortable={false}
            render={(r: { type?: { name?: string } }) => r.type?.name ?? '—'}
          />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}

function ClientTimeline() {
  const record = useRecordContext();
  return record ? <Timeline path={`/api/clients/${String(record.id)}`} /> : null;
}

export function ClientShow() {
  return (
    <Show
      actions={<ClientShowActions />}
      sx={{ '& .RaShow-card': { background: 'transparent', boxShadow: 'none' } }}
    >
      <ClientDetails />
      <ClientFiles />
      <ClientConsultations />
      <ClientAccount />
      <ClientTimeline />
    </Show>
  );
}
