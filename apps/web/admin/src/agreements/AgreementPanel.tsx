import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import MarkdownIt from 'markdown-it';
import { useMemo, useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { Section } from '../common/Section';
import { errorsOf } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { send } from '../dataProvider';
import { downloadDocument } from '../documents/api';
import { ReasonDialog } from '../documents/ReasonDialog';
import { apiClient } from '../session';
import { DraftForm } from './DraftForm';

type FileAgreement = Schemas['FileAgreementResponse'];
type Agreement = Schemas['AgreementResponse'];
type Preconditions = Schemas['AgreementPreconditionsDto'];

const PRIOR = ['none', 'completed', 'terminated', 'concurrent'] as const;

/** Markdown as HTML with raw HTML disabled: the agreement text can never inject markup into the page. */
const markdown = new MarkdownIt({ html: false, linkify: false });

const when = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/** The file's CICC service agreement: preconditions, draft, preview, send, countersign, PDF, override. */
export function AgreementPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data, error, reload } = useApi<FileAgreement>(
    record ? `/api/files/${String(record.id)}/agreement` : null,
  );
  if (!record) {
    return null;
  }
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.agreement.${key}`, args);
  const current = data?.current ?? null;
  return (
    <Section title={t('title')}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Stack spacing={2}>
          <Typography variant="body2">
            <strong>{t(`status.${current?.status ?? 'none'}`)}</strong>
            {' — '}
            {data.mayLeaveIntake ? t('may_leave') : t('intro')}
          </Typography>
          {data.override && (
            <Alert severity="info">
              {t('overridden', { when: when(data.override.recordedAt), reason: data.override.reason })}
            </Alert>
          )}
          <PreconditionsForm fileId={String(record.id)} view={data} onSaved={reload} />
          {current && <CurrentAgreement agreement={current} onChanged={reload} />}
          <DraftForm fileId={String(record.id)} hasCurrent={current !== null} onDone={reload} />
          <OverrideButton fileId={String(record.id)} onDone={reload} />
          {data.history.filter((a) => a.id !== current?.id).length > 0 && (
            <Box component="section" aria-label={t('history')}>
              <Typography variant="subtitle2" component="h3">
                {t('history')}
              </Typography>
              <ul>
                {data.history
                  .filter((a) => a.id !== current?.id)
                  .map((a) => (
                    <li key={a.id}>
                      {t('version_line', { version: a.version, status: t(`status.${a.status}`) })}
                    </li>
                  ))}
              </ul>
            </Box>
          )}
        </Stack>
      )}
    </Section>
  );
}

function PreconditionsForm({
  fileId,
  view,
  onSaved,
}: {
  fileId: string;
  view: FileAgreement;
  onSaved: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.agreement.${key}`, args);
  const saved = view.preconditions;
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [form, setForm] = useState<Record<string, string>>({});
  function start() {
    setForm({
      identityMethod: saved?.identityMethod ?? '',
      identityConfirmedAt: saved ? when(saved.identityConfirmedAt) : new Date().toISOString().slice(0, 16),
      homeAddress: saved?.homeAddress ?? '',
      phone: saved?.phone ?? '',
      email: saved?.email ?? '',
      businessContact: saved?.businessContact ?? '',
      priorRepresentation: saved?.priorRepresentation ?? 'none',
      priorRepresentationNotes: saved?.priorRepresentationNotes ?? '',
    });
    setErrors({});
    setOpen(true);
  }
  async function save() {
    const at = form.identityConfirmedAt ? new Date(form.identityConfirmedAt) : null;
    const body: Preconditions = {
      identityMethod: form.identityMethod,
      identityConfirmedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : '',
      homeAddress: form.homeAddress,
      phone: form.phone || null,
      email: form.email || null,
      businessContact: form.businessContact || null,
      priorRepresentation: form.priorRepresentation as Preconditions['priorRepresentation'],
      priorRepresentationNotes: form.priorRepresentationNotes || null,
    };
    try {
      await send(
        apiClient.PUT('/api/files/{id}/agreement-preconditions', { params: { path: { id: fileId } }, body }),
      );
      notify('pd.agreement.preconditions_saved', { type: 'success' });
      setOpen(false);
      onSaved();
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }
  const field = (name: string, extra: { multiline?: boolean; type?: string; help?: string } = {}) => (
    <TextField
      key={name}
      label={t(name)}
      value={form[name] ?? ''}
      onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      error={!!errors[name]}
      helperText={errors[name] ?? extra.help}
      multiline={extra.multiline}
      minRows={extra.multiline ? 2 : undefined}
      type={extra.type}
      slotProps={extra.type ? { inputLabel: { shrink: true } } : undefined}
      fullWidth
    />
  );
  return (
    <Box component="section" aria-label={t('preconditions')}>
      <Typography variant="subtitle2" component="h3">
        {t('preconditions')}
      </Typography>
      <Typography variant="body2">
        {saved
          ? t('preconditions_recorded', {
              how: saved.identityMethod,
              when: when(saved.identityConfirmedAt),
              prior: t(`prior.${saved.priorRepresentation}`),
            })
          : t('preconditions_missing')}
      </Typography>
      {!open && (
        <Button size="small" onClick={start}>
          {t('save_preconditions')}
        </Button>
      )}
      {open && (
        <Stack spacing={1.5} sx={{ mt: 1, maxWidth: 640 }}>
          {field('identityMethod', { help: t('identityMethod_help') })}
          {field('identityConfirmedAt', { type: 'datetime-local' })}
          {field('homeAddress', { multiline: true })}
          {field('phone')}
          {field('email')}
          {field('businessContact')}
          <TextField
            select
            label={t('priorRepresentation')}
            value={form.priorRepresentation}
            onChange={(event) => setForm({ ...form, priorRepresentation: event.target.value })}
            error={!!errors.priorRepresentation}
            helperText={errors.priorRepresentation}
          >
            {PRIOR.map((value) => (
              <MenuItem key={value} value={value}>
                {t(`prior.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          {field('priorRepresentationNotes', { multiline: true })}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void save()}>
              {t('save_preconditions')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
          </Stack>
        </Stack>
      )}
    </Box>
  );
}

function CurrentAgreement({ agreement, onChanged }: { agreement: Agreement; onChanged: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string | null>();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.agreement.${key}`, args);
  const html = useMemo(() => markdown.render(agreement.body), [agreement.body]);
  async function step(path: '/api/agreements/{id}/send' | '/api/agreements/{id}/countersign', done: string) {
    try {
      await send(apiClient.POST(path, { params: { path: { id: agreement.id } } }));
      notify(done, { type: 'success' });
      onChanged();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <Box
      component="section"
      aria-label={t('preview', { version: agreement.version, language: agreement.language })}
    >
      <Typography variant="subtitle2" component="h3">
        {t('preview', {
          version: agreement.version,
          language: translate(`pd.language.${agreement.language}`),
        })}
      </Typography>
      <Box
        sx={{
          border: 1,
          borderColor: 'divider',
          p: 2,
          maxHeight: 360,
          overflow: 'auto',
          bgcolor: 'background.paper',
        }}
        tabIndex={0}
        // markdown-it with html disabled escapes any HTML in the text
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <Typography variant="caption" component="p" sx={{ wordBreak: 'break-all' }}>
        {t('fingerprint', { sha: agreement.bodySha256 })}
      </Typography>
      {agreement.clientSignedAt && (
        <Typography variant="body2">
          {t('client_signed_by', { name: agreement.clientTypedName, when: when(agreement.clientSignedAt) })}
        </Typography>
      )}
      {agreement.countersignedAt && (
        <Typography variant="body2">
          {t('countersigned_by', {
            name: agreement.countersignerName,
            when: when(agreement.countersignedAt),
          })}
        </Typography>
      )}
      {agreement.pdfSha256 && (
        <Typography variant="caption" component="p" sx={{ wordBreak: 'break-all' }}>
          {t('pdf_fingerprint', { sha: agreement.pdfSha256 })}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
        {agreement.status === 'draft' && (
          <Button
            variant="contained"
            onClick={() => void step('/api/agreements/{id}/send', 'pd.agreement.sent')}
          >
            {t('send')}
          </Button>
        )}
        {agreement.status === 'client_signed' &&
          (permissions === 'admin' || permissions === 'consultant') && (
            <Button
              variant="contained"
              onClick={() => void step('/api/agreements/{id}/countersign', 'pd.agreement.countersigned')}
            >
              {t('countersign')}
            </Button>
          )}
        {agreement.documentId && (
          <Button
            onClick={() =>
              void downloadDocument({
                id: agreement.documentId as string,
                originalName: `service-agreement-v${agreement.version}.pdf`,
              }).catch((e: Error) => notify(e.message, { type: 'error' }))
            }
          >
            {t('download')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}

function OverrideButton({ fileId, onDone }: { fileId: string; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string | null>();
  const [open, setOpen] = useState(false);
  if (permissions !== 'admin') {
    return null;
  }
  return (
    <Box>
      <Button size="small" onClick={() => setOpen(true)}>
        {translate('pd.agreement.override')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('pd.agreement.override_title')}
        help={translate('pd.agreement.override_help')}
        confirmLabel={translate('pd.agreement.override_confirm')}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          try {
            await send(
              apiClient.POST('/api/files/{id}/agreement-override', {
                params: { path: { id: fileId } },
                body: { reason },
              }),
            );
            setOpen(false);
            onDone();
            refresh();
            return null;
          } catch (e) {
            notify((e as Error).message, { type: 'error' });
            return errorsOf(e, translate);
          }
        }}
      />
    </Box>
  );
}
