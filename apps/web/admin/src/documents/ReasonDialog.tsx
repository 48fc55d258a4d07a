import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useTranslate } from 'react-admin';

const MAX_REASON = 500;

/** Asks for the reason of a rejection or a waiver (1 to 500 characters); the client sees a rejection's reason. */
export function ReasonDialog({
  open,
  title,
  help,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  help: string;
  confirmLabel: string;
  /** Resolves with the API's field errors, if any. */
  onConfirm: (reason: string) => Promise<Record<string, string> | null>;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setError('');
      setBusy(false);
    }
  }, [open]);
  async function confirm() {
    const text = reason.trim();
    if (text === '') {
      setError(translate('pd.documents.reason_required'));
      return;
    }
    setBusy(true);
    const errors = await onConfirm(text);
    setBusy(false);
    if (errors) {
      setError(errors.reason ?? Object.values(errors)[0] ?? '');
    }
  }
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="reason-dialog">
      <DialogTitle id="reason-dialog">{title}</DialogTitle>
      <DialogContent>
        <MuiTextField
          label={translate('pd.documents.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={!!error}
          helperText={error || help}
          slotProps={{ htmlInput: { maxLength: MAX_REASON } }}
          multiline
          minRows={2}
          fullWidth
          autoFocus
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label={confirmLabel} variant="contained" onClick={() => void confirm()} disabled={busy} />
      </DialogActions>
    </Dialog>
  );
}
