import {
  EditButton,
  Show,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useLocale,
  useTranslate,
  Button,
} from 'react-admin';
import { Box, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { DayText, StatusChip } from '../common/fields';
import { Section } from '../common/Section';
import { Timeline } from '../common/Timeline';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { FileDeadlines } from '../deadlines/FileDeadlines';
import { FileInvoices } from '../billing/FileInvoices';
import { FileChecklist } from '../documents/FileChecklist';
import { AgreementPanel } from '../agreements/AgreementPanel';
import { IntakePanel } from '../intake/IntakePanel';
import { FileMessages } from '../messages/FileMessages';
import { FileWarnings } from './FileWarnings';
import { nocTitleOf } from './pickers';
import { FileExportButton } from './FileExportButton';

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
