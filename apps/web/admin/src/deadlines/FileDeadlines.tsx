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
  MenuItem,
  Stack,
  TableContainer,
} from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DayText } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { apiClient, send } from '../dataProvider';
import { DeadlineActions, type Deadline } from './DeadlineActions';
import { errorsOf } from '../common/field-errors';
import { useStaff } from '../common/StaffInput';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';

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
      action={
        <AddDeadline
          fileId={String(record.id)}
          consultant={(record.consultant as { id: string; name: string } | null) ?? null}
        />
      }
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
    <TableContainer>
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
    </TableContainer>
  );
}

/** The kinds staff add by hand; key-date and document kinds follow the file and its documents. */
const MANUAL_KINDS = ['custom', 'document_request', 'status_expiry', 'passport_expiry'] as const;
type ManualKind = (typeof MANUAL_KINDS)[number];

type Period = Schemas['DeadlinePeriodResponse'];

/**
 * Adds a deadline to the file: its kind, title, assignee (the file's consultant unless changed; empty leaves it
 * unassigned) and due date; for a kind with a period counted from a letter (a document request, a restoration),
 * the letter's date, from which the API derives the due date when the firm's period has days.
 */
function AddDeadline({
  fileId,
  consultant,
}: {
  fileId: string;
  consultant: { id: string; name: string } | null;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const staff = useStaff();
  const periods = useApi<{ items: Period[] }>('/api/settings/deadline-periods').data?.items ?? [];
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ManualKind>('custom');
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState(consultant?.id ?? '');
  const [letterOn, setLetterOn] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const period = periods.find((p) => p.deadlineKind === kind);
  const people = consultant && !staff.some((p) => p.id === consultant.id) ? [...staff, consultant] : staff;

  function reset() {
    setKind('custom');
    setTitle('');
    setAssigneeId(consultant?.id ?? '');
    setLetterOn('');
    setDueOn('');
    setErrors({});
  }
  async function save() {
    try {
      const created = await send(
        apiClient.POST('/api/files/{id}/deadlines', {
          params: { path: { id: fileId } },
          body: {
            kind,
            ...(title.trim() ? { title } : {}),
            ...(dueOn ? { dueOn } : {}),
            ...(period && letterOn ? { letterOn } : {}),
            assigneeId: assigneeId || null,
          },
        }),
      );
      setOpen(false);
      reset();
      notify(translate('pd.notify.deadline_created', { title: created.title, dueOn: created.dueOn }), {
        type: 'success',
      });
      refresh();
    } catch (e) {
      const found = errorsOf(e, translate);
      setErrors(found);
      const shown = ['kind', 'title', 'assigneeId', 'letterOn', 'dueOn'];
      const elsewhere = Object.entries(found).filter(([path]) => !shown.includes(path));
      notify(
        elsewhere.length > 0 || Object.keys(found).length === 0
          ? elsewhere.map(([, text]) => text).join(' ') || (e as Error).message
          : translate('pd.errors.check_fields', {
              fields: Object.keys(found)
                .map((path) => translate(`resources.deadlines.fields.${path}`, { _: path }))
                .join(', '),
            }),
        { type: 'error' },
      );
    }
  }
  const letterHelp = period
    ? period.days === null
      ? translate('pd.deadlines.letter_no_days', { name: period.name })
      : translate('pd.deadlines.letter_help', { days: period.days, name: period.name })
    : ' ';
  return (
    <>
      <Button label="pd.deadlines.add" onClick={() => setOpen(true)} />
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="add-deadline"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="add-deadline">{translate('pd.deadlines.add')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ mt: 1 }}>
            <MuiTextField
              select
              label={translate('resources.deadlines.fields.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as ManualKind)}
              error={!!errors.kind}
              helperText={errors.kind ?? ' '}
              fullWidth
            >
              {MANUAL_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`pd.deadlineKind.${k}`)}
                </MenuItem>
              ))}
            </MuiTextField>
            <MuiTextField
              label={translate('resources.deadlines.fields.title')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={!!errors.title}
              helperText={errors.title ?? ' '}
              required={kind === 'custom'}
              fullWidth
            />
            <MuiTextField
              select
              label={translate('resources.deadlines.fields.assigneeId')}
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
              error={!!errors.assigneeId}
              helperText={errors.assigneeId ?? ' '}
              fullWidth
            >
              <MenuItem value="">—</MenuItem>
              {people.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </MuiTextField>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {period && (
                <MuiTextField
                  type="date"
                  label={translate('pd.deadlines.letterOn')}
                  value={letterOn}
                  onChange={(e) => setLetterOn(e.target.value)}
                  error={!!errors.letterOn}
                  helperText={errors.letterOn ?? letterHelp}
                  slotProps={{ inputLabel: { shrink: true } }}
                  fullWidth
                />
              )}
              <MuiTextField
                type="date"
                label={translate('resources.deadlines.fields.dueOn')}
                value={dueOn}
                onChange={(e) => setDueOn(e.target.value)}
                error={!!errors.dueOn}
                helperText={errors.dueOn ?? ' '}
                slotProps={{ inputLabel: { shrink: true } }}
                fullWidth
              />
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button
            label="ra.action.cancel"
            onClick={() => {
              setOpen(false);
              reset();
            }}
          />
          <Button label="ra.action.save" variant="contained" onClick={() => void save()} />
        </DialogActions>
      </Dialog>
    </>
  );
}
