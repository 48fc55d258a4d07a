import { Box, Chip, IconButton, Paper, Stack, Typography } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useEffect, useState } from 'react';
import {
  BooleanInput,
  Button,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  SelectInput,
  TextField,
  Title,
  useLocale,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { addDays, dayOf, formatDay, mondayOf } from '../../../shared/time';
import { choicesOf, DayField, intlLocale } from '../common/fields';
import { StaffInput } from '../common/StaffInput';
import { listAll } from '../dataProvider';
import { staffTimeZone } from '../session';
import { DeadlineActions, type Deadline } from './DeadlineActions';
import { ExportListActions } from '../common/ExportCsvButton';

const deadlineFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={choicesOf(['open', 'completed', 'all'], 'deadlineStatus')}
    alwaysOn
  />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <StaffInput key="assigneeId" source="assigneeId" />,
];

function ListActions() {
  return (
    <ExportListActions path="/api/deadlines">
      <Button component={Link} to="/deadlines/calendar" label="pd.deadlines.calendar" />
    </ExportListActions>
  );
}

export function DeadlineList() {
  return (
    <List
      filters={deadlineFilters}
      filterDefaultValues={{ status: 'open' }}
      actions={<ListActions />}
      perPage={50}
      empty={false}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _r, record) => `/files/${String(record.fileId)}/show`}
      >
        <DayField source="dueOn" />
        <TextField source="title" sortable={false} />
        <FunctionField
          source="fileNumber"
          sortable={false}
          render={(d: Deadline) => `${d.fileNumber ?? ''}${d.clientName ? ` — ${d.clientName}` : ''}`}
        />
        <FunctionField source="kind" sortable={false} render={(d: Deadline) => <KindText kind={d.kind} />} />
        <FunctionField
          source="isOverdue"
          sortable={false}
          render={(d: Deadline) => (d.isOverdue ? <OverdueChip /> : null)}
        />
        <FunctionField label="pd.actions" render={(d: Deadline) => <DeadlineActions deadline={d} />} />
      </Datagrid>
    </List>
  );
}

function KindText({ kind }: { kind: string }) {
  const translate = useTranslate();
  return <>{translate(`pd.deadlineKind.${kind}`, { _: kind })}</>;
}

function OverdueChip() {
  const translate = useTranslate();
  return <Chip size="small" color="error" label={translate('pd.deadlines.overdue')} />;
}

/** A month of open deadlines, Monday first. */
export function DeadlineCalendar() {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const today = dayOf(new Date(), staffTimeZone());
  const [month, setMonth] = useState(today.slice(0, 7));
  const [deadlines, setDeadlines] = useState<Deadline[]>([]);
  const first = `${month}-01`;
  const gridStart = mondayOf(first);
  const days = Array.from({ length: 42 }, (_, i) => addDays(gridStart, i));
  const last = days[days.length - 1];
  useEffect(() => {
    let live = true;
    void listAll<Deadline>('/api/deadlines', { from: gridStart, to: last, status: 'all' }).then(
      (items) => live && setDeadlines(items),
      () => live && setDeadlines([]),
    );
    return () => {
      live = false;
    };
  }, [gridStart, last]);
  const shift = (months: number) => {
    const [y, m] = month.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1 + months, 1));
    setMonth(date.toISOString().slice(0, 7));
  };
  const monthName = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${first}T12:00:00Z`));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('pd.deadlines.calendar')} />
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <IconButton aria-label={translate('pd.calendar.previous_month')} onClick={() => shift(-1)}>
          <ChevronLeft />
        </IconButton>
        <Typography variant="h6" component="h2" sx={{ minWidth: 200, textAlign: 'center' }}>
          {monthName}
        </Typography>
        <IconButton aria-label={translate('pd.calendar.next_month')} onClick={() => shift(1)}>
          <ChevronRight />
        </IconButton>
        <Button component={Link} to="/deadlines" label="pd.deadlines.list" />
      </Stack>
      <Box
        aria-label={monthName}
        component="section"
        // minmax(0, …): seven equal columns that fit a phone, whatever a day's chips hold.
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: '4px' }}
      >
        {days.map((day) => {
          const items = deadlines.filter((d) => d.dueOn === day);
          return (
            <Paper
              key={day}
              variant="outlined"
              sx={{
                minHeight: 96,
                minWidth: 0,
                overflow: 'hidden',
                p: 0.5,
                bgcolor: day.startsWith(month) ? 'background.paper' : 'action.hover',
                borderColor: day === today ? 'primary.main' : undefined,
                borderWidth: day === today ? 2 : 1,
              }}
            >
              <Typography variant="caption" component="div" sx={{ fontWeight: day === today ? 700 : 400 }}>
                {formatDay(day, locale, 'short')}
              </Typography>
              {items.map((d) => (
                <Chip
                  key={d.id}
                  component={Link}
                  to={`/files/${d.fileId}/show`}
                  clickable
                  size="small"
                  color={d.completedAt ? 'success' : d.isOverdue ? 'error' : 'primary'}
                  variant={d.completedAt ? 'outlined' : 'filled'}
                  label={`${d.fileNumber ?? ''} ${d.title}`}
                  sx={{ display: 'flex', mb: 0.5, maxWidth: '100%' }}
                />
              ))}
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
}
