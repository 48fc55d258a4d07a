import { Alert } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { DayText } from '../common/fields';
import { apiClient, send } from '../dataProvider';

export interface PassportExpirySuggestion {
  current: string | null;
  proposed: string;
}

/** After a passport upload whose expiry differs from the client's record: one click updates the client. */
export function PassportSuggestion({
  clientId,
  suggestion,
  onDone,
}: {
  clientId: string;
  suggestion: PassportExpirySuggestion;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function update() {
    setBusy(true);
    try {
      await send(
        apiClient.PATCH('/api/clients/{id}', {
          params: { path: { id: clientId } },
          body: { passportExpiresOn: suggestion.proposed },
        }),
      );
      notify('pd.documents.passport_updated', { type: 'success' });
      onDone();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      setBusy(false);
    }
  }
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      data-testid="passport-suggestion"
      action={
        <>
          <Button label="pd.documents.passport_update" onClick={() => void update()} disabled={busy} />
          <Button label="pd.documents.dismiss" onClick={onDone} />
        </>
      }
    >
      {translate('pd.documents.passport_differs')} <DayText value={suggestion.proposed} relative={false} />
      {' — '}
      {translate('pd.documents.passport_on_record')}{' '}
      {suggestion.current ? <DayText value={suggestion.current} relative={false} /> : '—'}
    </Alert>
  );
}
