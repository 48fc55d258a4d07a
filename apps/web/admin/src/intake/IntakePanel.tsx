import {
  Alert,
  Box,
  Button,
  Checkbox,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocale, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import {
  isShown,
  type IntakeAnswers,
  type IntakeField,
  type IntakeForm,
  type IntakeGroupItem,
} from '@app/intake-forms';
import { Section } from '../common/Section';
import { errorsOf } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { send } from '../dataProvider';
import { ReasonDialog } from '../documents/ReasonDialog';
import { apiClient } from '../session';

type FileIntake = Schemas['FileIntakeResponse'];
type Lang = 'en' | 'fr';

const when = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function answerText(field: IntakeField, value: unknown, lang: Lang, yes: string, no: string): string {
  if (typeof value === 'boolean') {
    return value ? yes : no;
  }
  if (typeof value !== 'string' || value === '') {
    return '—';
  }
  if (field.type === 'select') {
    return field.options.find((option) => option.value === value)?.label[lang] ?? value;
  }
  return value;
}

/**
 * The client's intake questionnaire on the file page: where it stands, the answers by section, reopening it with
 * a reason, and confirming answers into the client record beside what the record holds now.
 */
export function IntakePanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang: Lang = useLocale() === 'fr' ? 'fr' : 'en';
  const { data, error, reload } = useApi<FileIntake>(
    record ? `/api/files/${String(record.id)}/intake` : null,
  );
  if (!record) {
    return null;
  }
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.intake.${key}`, args);
  const form = data?.form as unknown as IntakeForm | undefined;
  const answers = (data?.answers ?? {}) as IntakeAnswers;
  return (
    <Section title={t('title')}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && form && (
        <Stack spacing={2} data-testid="intake-panel">
          <Typography variant="body2">
            <strong>{t(`status.${data.status ?? 'none'}`)}</strong>
            {data.submittedAt && ` — ${t('submitted_at', { when: when(data.submittedAt) })}`}
          </Typography>
          {data.status === 'reopened' && data.reopenReason && (
            <Alert severity="info">{t('reopened_because', { reason: data.reopenReason })}</Alert>
          )}
          {data.status === 'submitted' && (
            <>
              <ConfirmFields fileId={String(record.id)} view={data} lang={lang} onDone={reload} />
              <ReopenButton fileId={String(record.id)} onDone={reload} />
            </>
          )}
          {data.status !== null && (
            <Box>
              {form.sections.map((section) => (
                <Box key={section.key} component="section" aria-label={section.title[lang]} sx={{ mb: 1 }}>
                  <Typography variant="subtitle2" component="h3">
                    {section.title[lang]}
                  </Typography>
                  <Box
                    component="dl"
                    sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 1fr' }}
                  >
                    {section.items
                      .filter((item) => isShown(item, answers))
                      .map((item) => (
                        <Box key={item.key} sx={{ display: 'contents' }}>
                          <Typography component="dt" variant="body2" color="text.secondary">
                            {item.label[lang]}
                          </Typography>
                          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                            {item.type === 'group'
                              ? ((answers[item.key] as IntakeGroupItem[] | undefined) ?? []).map(
                                  (entry, i) => (
                                    <span key={i} style={{ display: 'block' }}>
                                      {item.fields
                                        .filter((f) => entry[f.key] !== undefined && entry[f.key] !== null)
                                        .map((f) => answerText(f, entry[f.key], lang, t('yes'), t('no')))
                                        .join(' · ')}
                                    </span>
                                  ),
                                )
                              : answerText(item, answers[item.key], lang, t('yes'), t('no'))}
                          </Typography>
                        </Box>
                      ))}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
        </Stack>
      )}
    </Section>
  );
}

function ConfirmFields({
  fileId,
  view,
  lang,
  onDone,
}: {
  fileId: string;
  view: FileIntake;
  lang: Lang;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.intake.${key}`, args);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const offered = view.clientFields.filter((field) => field.answer !== null);
  if (offered.length === 0) {
    return null;
  }
  async function confirm() {
    try {
      await send(
        apiClient.POST('/api/files/{id}/intake/confirm', {
          params: { path: { id: fileId } },
          body: { fields: chosen as Schemas['ConfirmIntakeDto']['fields'] },
        }),
      );
      notify('pd.intake.confirmed', { type: 'success' });
      setChosen([]);
      setErrors({});
      onDone();
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <Box component="section" aria-label={t('confirm_title')}>
      <Typography variant="subtitle2" component="h3">
        {t('confirm_title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('field')}</TableCell>
            <TableCell>{t('answer')}</TableCell>
            <TableCell>{t('current')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {offered.map((field) => (
            <TableRow key={field.clientField}>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={chosen.includes(field.clientField)}
                  slotProps={{ input: { 'aria-label': t(`client_field.${field.clientField}`) } }}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked
                        ? [...chosen, field.clientField]
                        : chosen.filter((c) => c !== field.clientField),
                    )
                  }
                />
              </TableCell>
              <TableCell>
                {t(`client_field.${field.clientField}`)}
                {field.confirmed && ` (${t('already_confirmed')})`}
                {errors[field.clientField] && (
                  <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                    {errors[field.clientField]}
                  </Typography>
                )}
              </TableCell>
              <TableCell lang={lang}>{field.answer}</TableCell>
              <TableCell>{field.current ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {errors.fields && <Alert severity="error">{errors.fields}</Alert>}
      <Button
        variant="contained"
        sx={{ mt: 1 }}
        disabled={chosen.length === 0}
        onClick={() => void confirm()}
      >
        {t('confirm')}
      </Button>
    </Box>
  );
}

function ReopenButton({ fileId, onDone }: { fileId: string; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {translate('pd.intake.reopen')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('pd.intake.reopen_title')}
        help={translate('pd.intake.reopen_help')}
        confirmLabel={translate('pd.intake.reopen')}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          try {
            await send(
              apiClient.POST('/api/files/{id}/intake/reopen', {
                params: { path: { id: fileId } },
                body: { reason },
              }),
            );
            setOpen(false);
            onDone();
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
