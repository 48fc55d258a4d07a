import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Chip,
} from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DayText } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { apiClient, send } from '../dataProvider';
import { DeadlineActions, type Deadline } from './DeadlineActions';
import { errorsOf } from '../common/field-errors';

/** The deadlines of the file on screen, with complete, reschedule and a custom deadline. */
export function FileDeadlines() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  const deadlines = (record.deadlines as Deadline[]) ?? [];
  return (
    <Section
      title={translate('resources.deadlines.name', { smart_count: 2 })}
      action={<AddDeadline fileId={String(record.id)} />}
    >
      {deadlines.length === 0 ? (
        <Empty text={translate('pd.deadlines.none')} />
      ) : (
        <DeadlineTable deadlines={deadlines} showFile={false} />
      )}
    </Section>
  );
}

export function DeadlineTable({ deadlines, showFile }: { deadlines: Deadline[]; showFile: boolean }) {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.deadlines.fields.dueOn')}</TableCell>
          <TableCell>{translate('resources.deadlines.fields.title')}</TableCell>
          {showFile && <TableCell>{translate('resources.deadlines.fields.fileNumber')}</TableCell>}
          <TableCell>{translate('pd.deadlines.state')}</TableCell>
          <TableCell>
            <span className="visually-hidden">{translate('pd.actions')}</span>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {deadlines.map((d) => (
          <TableRow key={d.id}>
            <TableCell>
              <DayText value={d.dueOn} />
            </TableCell>
            <TableCell>{d.title}</TableCell>
            {showFile && (
              <TableCell>
                <Link to={`/files/${d.fileId}/show`}>{d.fileNumber}</Link>{' '}
                {d.clientName ? `— ${d.clientName}` : ''}
              </TableCell>
            )}
            <TableCell>
              {d.completedAt ? (
                <Chip size="small" color="success" label={translate('pd.deadlines.completed')} />
              ) : d.isOverdue ? (
                <Chip size="small" color="error" label={translate('pd.deadlines.overdue')} />
              ) : (
                <Chip size="small" label={translate('pd.deadlines.open')} />
              )}
            </TableCell>
            <TableCell align="right">
              <DeadlineActions deadline={d} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function AddDeadline({ fileId }: { fileId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save() {
    try {
      await send(
        apiClient.POST('/api/files/{id}/deadlines', {
          params: { path: { id: fileId } },
          body: { kind: 'custom', title, dueOn },
        }),
      );
      setOpen(false);
      setTitle('');
      setDueOn('');
      refresh();
    } catch (e) {
      setErrors(errorsOf(e));
      notify((e as Error).message, { type: 'error' });
    }
  }
  return (
    <>
      <Button label="pd.deadlines.add" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="add-deadline">
        <DialogTitle id="add-deadline">{translate('pd.deadlines.add')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('resources.deadlines.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={!!errors.title}
            helperText={errors.title ?? ' '}
            fullWidth
            sx={{ mt: 1 }}
          />
          <MuiTextField
            type="date"
            label={translate('resources.deadlines.fields.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            error={!!errors.dueOn}
            helperText={errors.dueOn ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="ra.action.save" variant="contained" onClick={() => void save()} />
        </DialogActions>
      </Dialog>
    </>
  );
}
