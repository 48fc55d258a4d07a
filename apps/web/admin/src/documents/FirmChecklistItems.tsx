import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import { Button, Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';
import { itemTitle } from './labels';
import type { FirmChecklistItem } from './types';

type Draft = Pick<FirmChecklistItem, 'stream' | 'key' | 'title' | 'titleFr' | 'required'> & {
  id?: string;
  help: string;
  helpFr: string;
};

const STREAM_CHOICES = ['ANY', 'TFWP', 'IMP'] as const;
const EMPTY: Draft = { stream: 'ANY', key: '', title: '', titleFr: '', help: '', helpFr: '', required: true };

type FieldErrors = Record<string, string>;
const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};

/** The firm's own checklist items, per stream: they appear on the checklist of every file of that stream. */
export function FirmChecklistItemsPage() {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const { data, error, reload } = useApi<{ items: FirmChecklistItem[] }>('/api/settings/checklist-items');
  const items = data?.items ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function save() {
    if (!draft) {
      return;
    }
    const texts = {
      title: draft.title.trim(),
      titleFr: draft.titleFr.trim(),
      help: draft.help.trim() || null,
      helpFr: draft.helpFr.trim() || null,
      required: draft.required,
    };
    try {
      if (draft.id) {
        await send(
          apiClient.PATCH('/api/settings/checklist-items/{id}', {
            params: { path: { id: draft.id } },
            body: texts,
          }),
        );
      } else {
        await send(
          apiClient.POST('/api/settings/checklist-items', {
            body: { ...texts, stream: draft.stream, key: draft.key.trim() },
          }),
        );
      }
      notify('pd.saved', { type: 'success' });
      setDraft(null);
      reload();
    } catch (e) {
      setErrors(errorsOf(e));
      notify((e as Error).message, { type: 'error' });
    }
  }

  async function remove(item: FirmChecklistItem) {
    if (!window.confirm(translate('pd.firm_items.confirm_delete', { title: itemTitle(item, locale) }))) {
      return;
    }
    try {
      await send(
        apiClient.DELETE('/api/settings/checklist-items/{id}', { params: { path: { id: item.id } } }),
      );
      notify('pd.firm_items.deleted', { type: 'success' });
      reload();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  const edit = (item: FirmChecklistItem) => {
    setErrors({});
    setDraft({ ...item, help: item.help ?? '', helpFr: item.helpFr ?? '' });
  };
  const text = (key: 'key' | 'title' | 'titleFr' | 'help' | 'helpFr', multiline = false) =>
    draft && (
      <MuiTextField
        label={translate(`pd.firm_items.${key}`)}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        error={!!errors[key]}
        helperText={errors[key] || (key === 'key' ? translate('pd.firm_items.key_help') : ' ')}
        disabled={key === 'key' && !!draft.id}
        multiline={multiline}
        fullWidth
      />
    );

  return (
    <>
      <Title title={translate('pd.menu.checklist_items')} />
      <Section
        title={translate('pd.firm_items.heading')}
        action={
          <Button
            label="pd.firm_items.add"
            onClick={() => {
              setErrors({});
              setDraft({ ...EMPTY });
            }}
          />
        }
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('pd.firm_items.explain')}
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && items.length === 0 && <Empty text={translate('pd.firm_items.none')} />}
        {items.length > 0 && (
          <Table size="small" data-testid="firm-items">
            <TableHead>
              <TableRow>
                <TableCell>{translate('pd.firm_items.stream')}</TableCell>
                <TableCell>{translate('pd.firm_items.key')}</TableCell>
                <TableCell>{translate('pd.firm_items.title')}</TableCell>
                <TableCell>{translate('pd.firm_items.titleFr')}</TableCell>
                <TableCell>{translate('pd.firm_items.required')}</TableCell>
                <TableCell>
                  <span className="visually-hidden">{translate('pd.actions')}</span>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{translate(`pd.firm_items.streams.${item.stream}`)}</TableCell>
                  <TableCell>
                    <code>{item.key}</code>
                  </TableCell>
                  <TableCell>{item.title}</TableCell>
                  <TableCell lang="fr">{item.titleFr}</TableCell>
                  <TableCell>{translate(item.required ? 'pd.yes' : 'pd.no')}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip
                      title={translate('pd.firm_items.edit_named', { title: itemTitle(item, locale) })}
                    >
                      <IconButton
                        size="small"
                        aria-label={translate('pd.firm_items.edit_named', { title: itemTitle(item, locale) })}
                        onClick={() => edit(item)}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip
                      title={translate('pd.firm_items.delete_named', { title: itemTitle(item, locale) })}
                    >
                      <IconButton
                        size="small"
                        aria-label={translate('pd.firm_items.delete_named', {
                          title: itemTitle(item, locale),
                        })}
                        onClick={() => void remove(item)}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Dialog
        open={draft !== null}
        onClose={() => setDraft(null)}
        maxWidth="sm"
        fullWidth
        aria-labelledby="firm-item"
      >
        <DialogTitle id="firm-item">
          {translate(draft?.id ? 'pd.firm_items.edit' : 'pd.firm_items.add')}
        </DialogTitle>
        <DialogContent>
          {draft && (
            <Stack spacing={1} sx={{ mt: 1 }}>
              <MuiTextField
                select
                label={translate('pd.firm_items.stream')}
                value={draft.stream}
                onChange={(event) => setDraft({ ...draft, stream: event.target.value as Draft['stream'] })}
                error={!!errors.stream}
                helperText={errors.stream || ' '}
                disabled={!!draft.id}
                fullWidth
              >
                {STREAM_CHOICES.map((stream) => (
                  <MenuItem key={stream} value={stream}>
                    {translate(`pd.firm_items.streams.${stream}`)}
                  </MenuItem>
                ))}
              </MuiTextField>
              {text('key')}
              {text('title')}
              {text('titleFr')}
              {text('help', true)}
              {text('helpFr', true)}
              <FormControlLabel
                control={
                  <Checkbox
                    checked={draft.required}
                    onChange={(event) => setDraft({ ...draft, required: event.target.checked })}
                  />
                }
                label={translate('pd.firm_items.required_help')}
              />
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setDraft(null)} />
          <Button label="ra.action.save" variant="contained" onClick={() => void save()} />
        </DialogActions>
      </Dialog>
    </>
  );
}
