import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The fields of money moving (a payment, a deposit, a refund): the amount in dollars, how it moved, the day and its
 * reference (e-transfer or cheque number), each with the API's refusal beside it.
 */
export function MoneyMovementFields<M extends string>({
  amountLabel,
  amountHelp,
  amount,
  onAmount,
  methodLabel,
  methods,
  method,
  onMethod,
  dateLabel,
  date,
  onDate,
  reference,
  onReference,
  errors,
}: {
  amountLabel: string;
  amountHelp: string;
  amount: string;
  onAmount: (amount: string) => void;
  methodLabel: string;
  methods: { value: M; label: string }[];
  method: M;
  onMethod: (method: M) => void;
  dateLabel: string;
  date: string;
  onDate: (date: string) => void;
  reference: string;
  onReference: (reference: string) => void;
  errors: Record<string, string>;
}) {
  const translate = useTranslate();
  return (
    <>
      <TextField
        label={amountLabel}
        value={amount}
        onChange={(event) => onAmount(event.target.value)}
        error={!!errors.amountCents}
        helperText={errors.amountCents ?? amountHelp}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        autoFocus
      />
      <TextField
        select
        label={methodLabel}
        value={method}
        onChange={(event) => onMethod(event.target.value as M)}
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
        value={date}
        onChange={(event) => onDate(event.target.value)}
        error={!!errors.receivedOn}
        helperText={errors.receivedOn ?? ' '}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label={translate('pd.invoice.reference')}
        value={reference}
        onChange={(event) => onReference(event.target.value)}
        error={!!errors.reference}
        helperText={errors.reference ?? translate('pd.invoice.reference_help')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </>
  );
}
