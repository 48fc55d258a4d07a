import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField as MuiTextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';
import { errorsOf } from '../common/field-errors';

export type Deadline = Schemas['DeadlineResponse'];

/** Complete (or reopen) and reschedule one deadline. */
export function DeadlineActions({ deadline, onChange }: { deadline: Deadline; onChange?: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(deadline.dueOn);
  const [error, setError] = useState<string | null>(null);

  async function patch(body: Schemas['UpdateDeadlineDto']): Promise<boolean> {
    try {
      const saved = await send(
        apiClient.PATCH('/api/deadlines/{id}', { params: { path: { id: deadline.id } }, body }),
      );
      notify(translate('pd.notify.deadline_saved', { title: saved.title }), { type: 'success' });
      onChange?.();
      refresh();
      return true;
    } catch (e) {
      const found = errorsOf(e, translate);
      setError(found.dueOn ?? (Object.values(found).join(' ') || (e as Error).message));
      notify(Object.values(found).join(' ') || (e as Error).message, { type: 'error' });
      return false;
    }
  }

  return (
    <Stack direction="row" spacing={1} onClick={(event) => event.stopPropagation()}>
      <Button
        label={deadline.completedAt ? 'pd.deadlines.reopen' : 'pd.deadlines.complete'}
        aria-label={`${translate(deadline.completedAt ? 'pd.deadlines.reopen' : 'pd.deadlines.complete')}: ${deadline.title}`}
        onClick={() => void patch({ completed: !deadline.completedAt })}
      />
      {!deadline.completedAt && (
        <Button
          label="pd.deadlines.reschedule"
          aria-label={`${translate('pd.deadlines.reschedule')}: ${deadline.title}`}
          onClick={() => {
            setDay(deadline.dueOn);
            setError(null);
            setOpen(true);
          }}
        />
      )}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`reschedule-${deadline.id}`}>
        <DialogTitle id={`reschedule-${deadline.id}`}>
          {translate('pd.deadlines.reschedule')}: {deadline.title}
        </DialogTitle>
        <DialogContent>
          <MuiTextField
            type="date"
            label={translate('resources.deadlines.fields.dueOn')}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            error={!!error}
            helperText={error ?? ' '}
            sx={{ mt: 1 }}
            slotProps={{ inputLabel: { shrink: true } }}
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.save"
            variant="contained"
            onClick={() => void patch({ dueOn: day }).then((ok) => ok && setOpen(false))}
          />
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
