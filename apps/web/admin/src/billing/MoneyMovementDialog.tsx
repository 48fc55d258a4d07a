import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { errorsOf } from '../common/field-errors';
import { today } from '../common/today';
import { centsOf } from './money';

/** Money moving (a payment, a deposit, a refund) as the API takes it. */
export interface MoneyMovement<M extends string> {
  amountCents: number;
  method: M;
  receivedOn: string;
  reference: string | null;
}

/**
 * The dialog of money moving: the amount in dollars, how it moved (the first method by default), the day (today by
 * default) and its reference (e-transfer or cheque number), each with the API's refusal beside it. `onSubmit` sends
 * it; `amountRefusal` turns a refusal's code (more than is owing, more than the account holds) into the message shown
 * under the amount.
 */
export function MoneyMovementDialog<M extends string>({
  open,
  titleId,
  title,
  amountLabel,
  amountHelp,
  initialAmount = '',
  methodLabel,
  methods,
  dateLabel,
  actionLabel,
  onClose,
  onSubmit,
  amountRefusal,
}: {
  open: boolean;
  titleId: string;
  title: string;
  amountLabel: string;
  amountHelp: string;
  initialAmount?: string;
  methodLabel: string;
  methods: { value: M; label: string }[];
  dateLabel: string;
  /** A translation key, as react-admin's Button takes it. */
  actionLabel: string;
  onClose: () => void;
  onSubmit: (movement: MoneyMovement<M>) => Promise<void>;
  amountRefusal: (code: string | undefined) => string | undefined;
}) {
  const translate = useTranslate();
  const firstMethod = methods[0].value;
  const [amount, setAmount] = useState(initialAmount);
  const [method, setMethod] = useState<M>(firstMethod);
  const [receivedOn, setReceivedOn] = useState(today());
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setAmount(initialAmount);
      setMethod(firstMethod);
      setReceivedOn(today());
      setReference('');
      setErrors({});
    }
  }, [open, initialAmount, firstMethod]);

  async function submit() {
    const amountCents = centsOf(amount);
    if (amountCents === null || amountCents === 0) {
      setErrors({ amountCents: translate('pd.invoice.amount_invalid') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await onSubmit({ amountCents, method, receivedOn, reference: reference.trim() || null });
    } catch (error) {
      const found = errorsOf(error, translate);
      const refusal = amountRefusal((error as { body?: { code?: string } }).body?.code);
      if (refusal) {
        found.amountCents = refusal;
      }
      setErrors(Object.keys(found).length > 0 ? found : { form: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextField
            label={amountLabel}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={!!errors.amountCents}
            helperText={errors.amountCents ?? amountHelp}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            autoFocus
          />
          <TextField
            select
            label={methodLabel}
            value={method}
            onChange={(event) => setMethod(event.target.value as M)}
            error={!!errors.method}
            helperText={errors.method ?? ' '}
          >
            {methods.map((m) => (
              <MenuItem key={m.value} value={m.value}>
                {m.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="date"
            label={dateLabel}
            value={receivedOn}
            onChange={(event) => setReceivedOn(event.target.value)}
            error={!!errors.receivedOn}
            helperText={errors.receivedOn ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('pd.invoice.reference')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={!!errors.reference}
            helperText={errors.reference ?? translate('pd.invoice.reference_help')}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label={actionLabel} variant="contained" onClick={() => void submit()} disabled={busy} />
      </DialogActions>
    </Dialog>
  );
}
