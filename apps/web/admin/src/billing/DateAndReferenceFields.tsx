import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The day money moved and its reference (e-transfer or cheque number): the last fields of a payment, a deposit and
 * a refund, with the API's refusals beside them.
 */
export function DateAndReferenceFields({
  dateLabel,
  date,
  onDate,
  reference,
  onReference,
  errors,
}: {
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
