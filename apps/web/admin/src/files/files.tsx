import {
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  SelectInput,
  Show,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useLocale,
  useTranslate,
  useDataProvider,
  Button,
} from 'react-admin';
import { Box, Grid, Stack, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import {
  APPLICATION_TYPES,
  choicesOf,
  DayText,
  FILE_STATUSES,
  LMIA_STATUSES,
  PROVINCES,
  STREAMS,
  StatusChip,
  StatusField,
  WAGE_PERIODS,
} from '../common/fields';
import { ApiSimpleForm } from '../common/ApiForm';
import { today } from '../common/today';
import { Section } from '../common/Section';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { fileDateWarnings } from './date-checks';
import { StaffInput } from '../common/StaffInput';
import { Timeline } from '../common/Timeline';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { FileDeadlines } from '../deadlines/FileDeadlines';
import { FileInvoices } from '../billing/FileInvoices';
import { ChecklistSummaryField } from '../documents/ChecklistSummary';
import { FileChecklist } from '../documents/FileChecklist';
import { AgreementPanel } from '../agreements/AgreementPanel';
import { IntakePanel } from '../intake/IntakePanel';
import { FileMessages } from '../messages/FileMessages';
import { UnreadMessagesField } from '../messages/UnreadMessagesField';
import { FileWarnings } from './FileWarnings';
import {
  codeStatusText,
  ExemptionCodeInput,
  NocInput,
  useExemptionCodes,
  useLmiaStreams,
  type ExemptionCode as ExemptionCodeInfo,
} from './pickers';
import { ExportListActions } from '../common/ExportCsvButton';
import { FileExportButton } from './FileExportButton';

/** Where a file stands on its service agreement (the API's FileAgreementState), as the list shows and filters it. */
const AGREEMENT_STATES = ['none', 'draft', 'sent', 'client_signed', 'signed', 'overridden'] as const;

function AgreementStateText({ state }: { state: (typeof AGREEMENT_STATES)[number] }) {
  const translate = useTranslate();
  return <>{translate(`pd.agreement.list_state.${state}`)}</>;
}

/** Provinces by name in the reader's language (pd.provinceName), e.g. "Québec". */
const provinceChoices = PROVINCES.map((id) => ({ id, name: `pd.provinceName.${id}` }));

/** LMIA streams named in the reader's language (pd.lmiaStreamName), the reference data's name otherwise. */
function useLmiaStreamChoices(streams: { id: string; name: string }[]): { id: string; name: string }[] {
  const translate = useTranslate();
  return streams.map((s) => ({ id: s.id, name: translate(`pd.lmiaStreamName.${s.id}`, { _: s.name }) }));
}

function LmiaStreamFilter(props: { source: string; alwaysOn?: boolean }) {
  const streams = useLmiaStreams();
  return <SelectInput {...props} choices={useLmiaStreamChoices(streams)} translateChoice={false} />;
}

const fileFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stream" source="stream" choices={STREAMS.map((id) => ({ id, name: id }))} alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(FILE_STATUSES, 'status')} alwaysOn />,
  <TextInput key="exemptionCode" source="exemptionCode" />,
  <LmiaStreamFilter key="lmiaStream" source="lmiaStream" />,
  <TextInput key="nocCode" source="nocCode" />,
  <SelectInput key="province" source="province" choices={provinceChoices} />,
  <StaffInput key="consultantId" source="consultantId" />,
  <SelectInput
    key="agreement"
    source="agreement"
    choices={choicesOf(AGREEMENT_STATES, 'agreement.list_state')}
  />,
];

export function FileList() {
  return (
    <List filters={fileFilters} perPage={25} empty={false} actions={<ExportListActions path="/api/files" />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="fileNumber" sortable={false} />
        <FunctionField
          source="client"
          sortable={false}
          render={(r: { client: { firstName: string; lastName: string } }) =>
            `${r.client.firstName} ${r.client.lastName}`
          }
        />
        <TextField source="stream" sortable={false} />
        <StatusField source="status" />
        <FunctionField
          label="pd.files.code_or_lmia"
          render={(r: {
            imp?: { exemptionCode: string } | null;
            tfwp?: { lmiaStreamName: string | null } | null;
          }) => r.imp?.exemptionCode ?? r.tfwp?.lmiaStreamName ?? '—'}
        />
        <TextField source="nocCode" sortable={false} emptyText="—" />
        <TextField source="province" sortable={false} emptyText="—" />
        <FunctionField
          source="consultant"
          sortable={false}
          render={(r: { consultant: { name: string } | null }) => r.consultant?.name ?? '—'}
        />
        <ChecklistSummaryField label="pd.documents.column" />
        <FunctionField
          source="agreement"
          sortable={false}
          render={(r: { agreement: (typeof AGREEMENT_STATES)[number] }) => (
            <AgreementStateText state={r.agreement} />
          )}
        />
        <UnreadMessagesField source="unreadMessages" sortable={false} />
      </Datagrid>
    </List>
  );
}

const half = { xs: 12, sm: 6 } as const;
const third = { xs: 12, sm: 4 } as const;

function ImpFields() {
  const translate = useTranslate();
  const codes = useExemptionCodes();
  const code = useWatch({ name: 'imp.exemptionCode' }) as string | undefined;
  const chosenType = useWatch({ name: 'imp.permitType' }) as string | undefined;
  const info = codes.find((c) => c.code === code);
  const permitType = info?.permitType === 'varies' ? chosenType : info?.permitType;
  useClearOnCodeChange(code, info);
  return (
    <Section title={translate('pd.files.imp')}>
      <ExemptionCodeInput source="imp.exemptionCode" />
      {info && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="permit-type">
          {translate('resources.files.fields.imp.permitType')}:{' '}
          {translate(`pd.permitType.${info.permitType}`)}
          {codeStatusText(info, translate) && (
            <Typography component="span" variant="body2" color="warning.main" data-testid="code-status">
              {` — ${codeStatusText(info, translate)}`}
            </Typography>
          )}
        </Typography>
      )}
      {info?.permitType === 'varies' && (
        <SelectInput
          source="imp.permitType"
          choices={choicesOf(['open', 'employer_specific'], 'permitType')}
        />
      )}
      {permitType === 'employer_specific' && (
        <Grid container columnSpacing={2}>
          <Grid size={half}>
            <TextInput source="imp.offerOfEmploymentNumber" helperText="A1234567" fullWidth />
          </Grid>
          <Grid size={half}>
            <BooleanInput source="imp.complianceFeePaid" />
          </Grid>
        </Grid>
      )}
    </Section>
  );
}

/**
 * A newly chosen code decides the permit type: what the previous code needed (a permit type chosen for a code
 * that varies, an offer number and compliance fee for an employer-specific permit) is dropped when the new code
 * does not take it, so no hidden value is sent that the API must refuse.
 */
function useClearOnCodeChange(code: string | undefined, info: ExemptionCodeInfo | undefined) {
  const { setValue } = useFormContext();
  const first = useRef(code);
  useEffect(() => {
    if (code === first.current || !info) {
      return;
    }
    first.current = code;
    if (info.permitType !== 'varies') {
      setValue('imp.permitType', undefined);
    }
    if (info.permitType === 'open') {
      setValue('imp.offerOfEmploymentNumber', undefined);
      setValue('imp.complianceFeePaid', undefined);
    }
  }, [code, info, setValue]);
}

function TfwpFields() {
  const translate = useTranslate();
  const streams = useLmiaStreams();
  return (
    <Section title={translate('pd.files.tfwp')}>
      <Grid container columnSpacing={2}>
        <Grid size={half}>
          <SelectInput
            source="tfwp.lmiaStream"
            choices={useLmiaStreamChoices(streams)}
            translateChoice={false}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={half}>
          <SelectInput
            source="tfwp.lmiaStatus"
            choices={choicesOf(LMIA_STATUSES, 'lmiaStatus')}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={third}>
          <TextInput source="tfwp.lmiaNumber" fullWidth />
        </Grid>
        <Grid size={third}>
          <DateInput source="tfwp.lmiaIssuedOn" fullWidth />
        </Grid>
        <Grid size={third}>
          <DateInput source="tfwp.lmiaExpiresOn" fullWidth />
        </Grid>
      </Grid>
    </Section>
  );
}

function StreamFields() {
  const stream = useWatch({ name: 'stream' }) as string | undefined;
  if (stream === 'IMP') {
    return <ImpFields />;
  }
  if (stream === 'TFWP') {
    return <TfwpFields />;
  }
  return null;
}

export function FileForm({ isNew, clientFixed = false }: { isNew: boolean; clientFixed?: boolean }) {
  const translate = useTranslate();
  const locale = useLocale();
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  return (
    <ApiSimpleForm
      sx={{ maxWidth: 960 }}
      toolbar={<SaveOnlyToolbar />}
      warnings={async (values, previous) => {
        const clientId =
          (previous?.client as { id?: string } | undefined)?.id ?? (values.clientId as string | undefined);
        const client = clientId
          ? await dataProvider
              .getOne<{ id: string; passportExpiresOn: string | null }>('clients', { id: clientId })
              .catch(() => null)
          : null;
        const passport = client?.data.passportExpiresOn ?? null;
        return fileDateWarnings(values, previous, passport, today(), translate);
      }}
      successMessage={(saved, t) => {
        const message = t(isNew ? 'pd.notify.file_created' : 'pd.notify.file_saved', {
          fileNumber: String(saved.fileNumber),
        });
        const invite = saved.portalInvite as { invited: boolean; message: string | null } | null | undefined;
        if (!invite) {
          return message;
        }
        return `${message}. ${
          invite.invited
            ? t('pd.notify.portal_invited')
            : t('pd.notify.portal_not_invited', { reason: invite.message ?? '' })
        }`;
      }}
      errorAliases={FILE_ERROR_ALIASES}
    >
      {!isNew && (
        <Box sx={{ width: '100%' }}>
          <FileWarnings />
        </Box>
      )}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        {isNew && !clientFixed && (
          <Grid size={half}>
            <ReferenceInput source="clientId" reference="clients">
              <AutocompleteInput
                optionText={(c: { firstName: string; lastName: string; email?: string }) =>
                  `${c.firstName} ${c.lastName}${c.email ? ` <${c.email}>` : ''}`
                }
                filterToQuery={(q: string) => ({ q })}
                validate={required()}
                fullWidth
              />
            </ReferenceInput>
          </Grid>
        )}
        {isNew && clientFixed && (
          <Grid size={{ xs: 12 }}>
            <BooleanInput
              source="invitePortal"
              label="pd.consultations.invite_portal"
              helperText="pd.consultations.invite_portal_help"
              defaultValue
            />
          </Grid>
        )}
        {isNew && (
          <Grid size={half}>
            <SelectInput
              source="stream"
              choices={STREAMS.map((id) => ({ id, name: id }))}
              validate={required()}
              fullWidth
            />
          </Grid>
        )}
        <Grid size={half}>
          <SelectInput
            source="applicationType"
            choices={choicesOf(APPLICATION_TYPES, 'applicationType')}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={half}>
          <StaffInput source="consultantId" nameSource="consultant" />
        </Grid>
      </Grid>
      <Box sx={{ width: '100%' }}>
        <StreamFields />
      </Box>
      <Section title={translate('pd.files.job')}>
        <Grid container columnSpacing={2}>
          <Grid size={half}>
            <TextInput source="employer.name" fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="employer.businessNumber" fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="jobTitle" fullWidth />
          </Grid>
          <Grid size={half}>
            <NocInput source="nocCode" initialTitle={nocTitleOf(record, locale)} />
          </Grid>
          <Grid size={half}>
            <SelectInput source="province" choices={provinceChoices} fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="workLocation" helperText="pd.files.work_location_help" fullWidth />
          </Grid>
          <Grid size={half}>
            <NumberInput source="wage.amount" fullWidth />
          </Grid>
          <Grid size={half}>
            <SelectInput source="wage.period" choices={choicesOf(WAGE_PERIODS, 'wagePeriod')} fullWidth />
          </Grid>
        </Grid>
      </Section>
      <Section title={translate('pd.files.key_dates')}>
        <Grid container columnSpacing={2}>
          {[
            'submittedOn',
            'biometricsLetterOn',
            'biometricsDueOn',
            'medicalLetterOn',
            'medicalDueOn',
            'pflLetterOn',
            'pflResponseDueOn',
            'decisionOn',
            'permitExpiresOn',
          ].map((source) => (
            <Grid key={source} size={third}>
              <DateInput source={source} fullWidth />
            </Grid>
          ))}
          <Grid size={third}>
            <TextInput source="irccApplicationNumber" fullWidth />
          </Grid>
        </Grid>
      </Section>
    </ApiSimpleForm>
  );
}

/** API paths with no input of their own, and the input that shows their errors. */
const FILE_ERROR_ALIASES = {
  imp: 'imp.exemptionCode',
  'imp.permitType': 'imp.exemptionCode',
  'imp.complianceFeePaid': 'imp.exemptionCode',
  'imp.offerOfEmploymentNumber': 'imp.exemptionCode',
  tfwp: 'tfwp.lmiaStream',
  clientId: 'clientId',
};

export function FileCreate() {
  return (
    <Create redirect="show">
      <FileForm isNew />
    </Create>
  );
}

export function FileEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <FileForm isNew={false} />
    </Edit>
  );
}

/** One button per legal next status (the file's allowedTransitions). */
export function StatusButtons() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) {
    return null;
  }
  const moves = (record.allowedTransitions as string[]) ?? [];
  async function move(to: string) {
    try {
      await send(
        apiClient.POST('/api/files/{id}/transitions', {
          params: { path: { id: String(record!.id) } },
          body: { to: to as Schemas['FileStatus'] },
        }),
      );
      notify('pd.files.moved', { type: 'success', messageArgs: { status: translate(`pd.status.${to}`) } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  }
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ flexWrap: 'wrap' }}
      role="group"
      aria-label={translate('pd.files.moves')}
    >
      {moves.map((to) => (
        <Button
          key={to}
          variant="outlined"
          label={translate('pd.files.move_to', { status: translate(`pd.status.${to}`) })}
          onClick={() => void move(to)}
        />
      ))}
    </Stack>
  );
}

function FileHeader() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useLocale();
  if (!record) {
    return null;
  }
  const client = record.client as { id: string; firstName: string; lastName: string };
  const imp = record.imp as {
    exemptionCode: string;
    codeTitle: string | null;
    permitType: string | null;
  } | null;
  const tfwp = record.tfwp as {
    lmiaStream: string | null;
    lmiaStreamName: string | null;
    lmiaStatus: string | null;
    lmiaNumber: string | null;
  } | null;
  const row = (label: string, value: React.ReactNode) => (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {value || '—'}
      </Typography>
    </Grid>
  );
  const f = (name: string) => translate(`resources.files.fields.${name}`);
  return (
    <Section
      title={`${String(record.fileNumber)} — ${client.firstName} ${client.lastName}`}
      action={<StatusChip value={record.status as string} size="medium" />}
    >
      <FileWarnings />
      <Box sx={{ mb: 2 }}>
        <StatusButtons />
      </Box>
      <Grid container spacing={1}>
        {row(
          f('client'),
          <Link to={`/clients/${client.id}/show`}>{`${client.firstName} ${client.lastName}`}</Link>,
        )}
        {row(f('stream'), String(record.stream))}
        {row(f('applicationType'), translate(`pd.applicationType.${String(record.applicationType)}`))}
        {imp && row(f('imp.exemptionCode'), `${imp.exemptionCode} — ${imp.codeTitle ?? ''}`)}
        {imp && row(f('imp.permitType'), imp.permitType ? translate(`pd.permitType.${imp.permitType}`) : '—')}
        {tfwp &&
          row(
            f('tfwp.lmiaStream'),
            translate(`pd.lmiaStreamName.${String(tfwp.lmiaStream)}`, { _: tfwp.lmiaStreamName ?? '—' }),
          )}
        {tfwp &&
          row(f('tfwp.lmiaStatus'), tfwp.lmiaStatus ? translate(`pd.lmiaStatus.${tfwp.lmiaStatus}`) : '—')}
        {row(f('employer.name'), (record.employer as { name: string | null } | null)?.name)}
        {row(f('jobTitle'), record.jobTitle as string)}
        {row(
          f('nocCode'),
          record.nocCode ? `${String(record.nocCode)} — ${nocTitleOf(record, locale) ?? ''}` : null,
        )}
        {row(f('province'), record.province as string)}
        {row(f('workLocation'), record.workLocation as string)}
        {row(f('consultant'), (record.consultant as { name: string } | null)?.name)}
        {row(f('permitExpiresOn'), <DayText value={record.permitExpiresOn as string} />)}
        {row(f('submittedOn'), <DayText value={record.submittedOn as string} />)}
      </Grid>
    </Section>
  );
}

function FileShowActions() {
  return (
    <TopToolbar>
      <FileExportButton />
      <EditButton />
    </TopToolbar>
  );
}

function FileTimeline() {
  const record = useRecordContext();
  return record ? <Timeline path={`/api/files/${String(record.id)}`} /> : null;
}

export function FileShow() {
  return (
    <Show
      actions={<FileShowActions />}
      sx={{ '& .RaShow-card': { background: 'transparent', boxShadow: 'none' } }}
    >
      <FileHeader />
      <AgreementPanel />
      <IntakePanel />
      <FileMessages />
      <FileChecklist />
      <FileDeadlines />
      <FileInvoices />
      <FileTimeline />
    </Show>
  );
}

/** The file's NOC title in the UI's language: the CNP 2021 title in French where the reference data has it. */
function nocTitleOf(record: Record<string, unknown> | undefined, locale: string): string | undefined {
  const fr = record?.nocTitleFr as string | null | undefined;
  return (locale === 'fr' && fr ? fr : (record?.nocTitle as string | null | undefined)) ?? undefined;
}
