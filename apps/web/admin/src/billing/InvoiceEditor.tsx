import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { PROVINCE_CODES, type ProvinceCode } from '@app/provinces';
import { errorsOf } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';
import { InvoiceLinesInput, linesOf, linesToSend, newLine, type LineDraft } from './InvoiceLinesInput';

type Invoice = Schemas['InvoiceResponse'];

/** What the form shows, as the API names it: the errors land beside the field of the same path. */
interface Place {
  country: string;
  province: string;
  zeroRatedConfirmed: boolean;
  notes: string;
}

/**
 * Drafts a new invoice for a file, or changes a draft: its lines, the client's place of supply (their province in
 * Canada; outside Canada, the consultant confirms the fees are zero-rated) and notes. The API taxes it on save.
 */
export function InvoiceEditor({
  open,
  fileId,
  clientId,
  draft,
  onClose,
  onSaved,
}: {
  open: boolean;
  fileId: string;
  clientId: string;
  /** The draft to change; none: a new invoice. */
  draft?: Invoice;
  onClose: () => void;
  onSaved: (invoice: Invoice) => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.invoice.${key}`, args);
  const { data: client } = useApi<Schemas['ClientResponse']>(
    open && !draft ? `/api/clients/${clientId}` : null,
  );
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [place, setPlace] = useState<Place>({
    country: 'CA',
    province: '',
    zeroRatedConfirmed: false,
    notes: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) {
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(false);
    if (draft) {
      setLines(linesOf(draft.lines, locale));
      setPlace({
        country: draft.country,
        province: draft.province ?? '',
        zeroRatedConfirmed: draft.zeroRatedConfirmed,
        notes: draft.notes ?? '',
      });
    } else {
      setLines([newLine('professional_fee')]);
      setPlace({ country: 'CA', province: '', zeroRatedConfirmed: false, notes: '' });
    }
    // A dialog opened again starts from the draft (or a blank invoice), not from what was typed before; a change of
    // language alone does not reset it.
  }, [open, draft]);

  useEffect(() => {
    if (open && !draft && client?.countryOfResidence) {
      setPlace((p) => ({ ...p, country: client.countryOfResidence ?? 'CA' }));
    }
  }, [open, draft, client]);

  const inCanada = place.country === 'CA';

  async function save() {
    const sent = linesToSend(lines, translate);
    if (Object.keys(sent.errors).length > 0) {
      setErrors(sent.errors);
      return;
    }
    const body = {
      lines: sent.lines,
      country: place.country,
      province: inCanada ? (place.province as ProvinceCode) || null : null,
      zeroRatedConfirmed: !inCanada && place.zeroRatedConfirmed,
      notes: place.notes.trim() || null,
    };
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const saved = draft
        ? await send(apiClient.PATCH('/api/invoices/{id}', { params: { path: { id: draft.id } }, body }))
        : await send(apiClient.POST('/api/files/{id}/invoices', { params: { path: { id: fileId } }, body }));
      onSaved(saved);
    } catch (error) {
      const found = errorsOf(error, translate);
      setErrors(found);
      if (Object.keys(found).length === 0) {
        setFailure((error as Error).message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="invoice-editor-title">
      <DialogTitle id="invoice-editor-title">{t(draft ? 'edit_title' : 'new_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={t('country')}
              value={place.country}
              onChange={(event) =>
                setPlace({ ...place, country: event.target.value.toUpperCase().slice(0, 2) })
              }
              error={!!errors.country}
              helperText={errors.country ?? t('country_help')}
              sx={{ width: 200 }}
              size="small"
            />
            {inCanada && (
              <TextField
                select
                label={t('province')}
                value={place.province}
                onChange={(event) => setPlace({ ...place, province: event.target.value })}
                error={!!errors.province}
                helperText={errors.province ?? t('province_help')}
                sx={{ minWidth: 260 }}
                size="small"
                required
              >
                {PROVINCE_CODES.map((code) => (
                  <MenuItem key={code} value={code}>
                    {`${code} — ${translate(`pd.provinceName.${code}`)}`}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
          {!inCanada && (
            <Alert severity="warning" data-testid="zero-rating">
              {t('zero_rating_explain')}
              <FormControlLabel
                sx={{ display: 'flex', mt: 1 }}
                control={
                  <Checkbox
                    checked={place.zeroRatedConfirmed}
                    onChange={(event) => setPlace({ ...place, zeroRatedConfirmed: event.target.checked })}
                  />
                }
                label={t('zero_rating_confirm')}
              />
              {errors.zeroRatedConfirmed && (
                <FormHelperText error>{errors.zeroRatedConfirmed}</FormHelperText>
              )}
            </Alert>
          )}
          <InvoiceLinesInput lines={lines} errors={errors} onChange={setLines} />
          <TextField
            label={t('notes')}
            value={place.notes}
            onChange={(event) => setPlace({ ...place, notes: event.target.value })}
            error={!!errors.notes}
            helperText={errors.notes ?? t('notes_help')}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
            multiline
            minRows={2}
            size="small"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label={draft ? 'pd.invoice.save_draft' : 'pd.invoice.create_draft'}
          variant="contained"
          onClick={() => void save()}
          disabled={busy}
        />
      </DialogActions>
    </Dialog>
  );
}
