import { Box, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { intlLocale } from '../common/fields';
import { useApi } from '../common/useApi';
import { centsOf, dollarsOf, moneyText } from './money';

type LineKind = Schemas['InvoiceLineKind'];
type GovernmentFee = Schemas['GovernmentFeeResponse'];

/** One line as staff type it: the amount in dollars, the quantity as text until it is sent. */
export interface LineDraft {
  key: number;
  kind: LineKind;
  description: string;
  quantity: string;
  amount: string;
}

let nextKey = 1;

export function newLine(
  kind: LineKind,
  description = '',
  cents: number | null = null,
  locale = 'en',
): LineDraft {
  nextKey += 1;
  return {
    key: nextKey,
    kind,
    description,
    quantity: '1',
    amount: cents === null ? '' : dollarsOf(cents, locale),
  };
}

export function linesOf(lines: Schemas['InvoiceLineResponse'][], locale: string): LineDraft[] {
  return lines.map((line) => ({
    ...newLine(line.kind, line.description, line.unitCents, locale),
    quantity: String(line.quantity),
  }));
}

/**
 * The lines as the API takes them (integer cents), or the errors by API path (`lines.0.unitCents`) of the ones
 * that are not amounts, so they show beside their field before anything is sent.
 */
export function linesToSend(
  lines: LineDraft[],
  translate: (key: string) => string,
): { lines: Schemas['InvoiceLineDto'][]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out = lines.map((line, index) => {
    const unitCents = centsOf(line.amount);
    const quantity = Number(line.quantity);
    if (unitCents === null) {
      errors[`lines.${index}.unitCents`] = translate('pd.invoice.amount_invalid');
    }
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) {
      errors[`lines.${index}.quantity`] = translate('pd.invoice.quantity_invalid');
    }
    if (line.description.trim() === '') {
      errors[`lines.${index}.description`] = translate('pd.invoice.description_required');
    }
    return { kind: line.kind, description: line.description.trim(), quantity, unitCents: unitCents ?? 0 };
  });
  if (lines.length === 0) {
    errors.lines = translate('pd.invoice.lines_required');
  }
  return { lines: out, errors };
}

/**
 * The invoice's lines: professional fees (taxed) typed by hand, government fees (disbursements, never taxed) picked
 * from the fees in force today; each with its quantity and unit amount in dollars, and its errors beside it.
 */
export function InvoiceLinesInput({
  lines,
  errors,
  onChange,
}: {
  lines: LineDraft[];
  errors: Record<string, string>;
  onChange: (lines: LineDraft[]) => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const { data: fees } = useApi<{ items: GovernmentFee[] }>('/api/reference/government-fees');
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.invoice.${key}`, args);
  const change = (key: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const addFee = (feeKey: string) => {
    const fee = fees?.items.find((f) => f.key === feeKey);
    if (fee) {
      onChange([
        ...lines,
        newLine('disbursement', locale === 'fr' ? fee.nameFr : fee.name, fee.cents, locale),
      ]);
    }
  };

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
        {t('lines')}
      </Typography>
      {errors.lines && (
        <Typography color="error" variant="body2" role="alert" sx={{ mb: 1 }}>
          {errors.lines}
        </Typography>
      )}
      <Stack spacing={1.5}>
        {lines.map((line, index) => {
          const n = index + 1;
          const error = (field: string) => errors[`lines.${index}.${field}`];
          return (
            <Stack
              key={line.key}
              direction={{ xs: 'column', md: 'row' }}
              spacing={1}
              sx={{ alignItems: 'flex-start' }}
              data-testid="invoice-line"
              aria-label={t('line_n', { n })}
              role="group"
            >
              <TextField
                select
                label={t('line_kind', { n })}
                value={line.kind}
                onChange={(event) => change(line.key, { kind: event.target.value as LineKind })}
                error={!!error('kind')}
                helperText={error('kind') ?? t(`kind_help.${line.kind}`)}
                sx={{ width: 210, flexShrink: 0 }}
                size="small"
              >
                <MenuItem value="professional_fee">{t('kinds.professional_fee')}</MenuItem>
                <MenuItem value="disbursement">{t('kinds.disbursement')}</MenuItem>
              </TextField>
              <TextField
                label={t('line_description', { n })}
                value={line.description}
                onChange={(event) => change(line.key, { description: event.target.value })}
                error={!!error('description')}
                helperText={error('description') ?? ' '}
                slotProps={{ htmlInput: { maxLength: 500 } }}
                sx={{ flex: 1, minWidth: 200 }}
                size="small"
              />
              <TextField
                label={t('line_quantity', { n })}
                value={line.quantity}
                onChange={(event) => change(line.key, { quantity: event.target.value })}
                error={!!error('quantity')}
                helperText={error('quantity') ?? ' '}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                sx={{ width: 150, flexShrink: 0 }}
                size="small"
              />
              <TextField
                label={t('line_amount', { n })}
                value={line.amount}
                onChange={(event) => change(line.key, { amount: event.target.value })}
                error={!!error('unitCents')}
                helperText={error('unitCents') ?? t('amount_help')}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                sx={{ width: 210, flexShrink: 0 }}
                size="small"
              />
              <IconButton
                aria-label={t('remove_line', { n })}
                onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1, alignItems: 'flex-start' }}>
        <Button
          label="pd.invoice.add_fee"
          variant="outlined"
          onClick={() => onChange([...lines, newLine('professional_fee')])}
        />
        <TextField
          select
          label={t('add_government_fee')}
          value=""
          onChange={(event) => addFee(event.target.value)}
          helperText={t('government_fee_help')}
          sx={{ minWidth: 320 }}
          size="small"
        >
          {(fees?.items ?? []).map((fee) => (
            <MenuItem key={fee.key} value={fee.key}>
              {`${locale === 'fr' ? fee.nameFr : fee.name} (${fee.authority}) — ${moneyText(fee.cents, intlLocale(locale))}`}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </Box>
  );
}
