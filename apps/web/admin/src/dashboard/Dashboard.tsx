import type { Schemas } from '@app/api-client';
import {
  Box,
  Chip,
  Grid,
  Link as MuiLink,
  List as MuiList,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { addDays, dayOf, formatTime, startOfDay } from '../../../shared/time';
import { DayText, FILE_STATUSES, InstantText, intlLocale, StatusChip } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Consultation } from '../consultations/consultations';
import { TypeName } from '../consultations/consultations';
import { listAll, type Page } from '../dataProvider';
import type { Deadline } from '../deadlines/DeadlineActions';
import { staffTimeZone } from '../session';

function DeadlineItems({ items, empty }: { items: Deadline[] | undefined; empty: string }) {
  if (items && items.length === 0) {
    return <Empty text={empty} />;
  }
  return (
    <MuiList dense>
      {items?.map((d) => (
        <ListItem key={d.id} divider>
          <ListItemText
            primary={
              <MuiLink component={Link} to={`/files/${d.fileId}/show`}>
                {d.title} — {d.fileNumber} {d.clientName ? `(${d.clientName})` : ''}
              </MuiLink>
            }
            secondary={<DayText value={d.dueOn} style="long" />}
          />
        </ListItem>
      ))}
    </MuiList>
  );
}

function ConsultationItems({
  items,
  empty,
  withDay,
}: {
  items: Consultation[] | undefined;
  empty: string;
  withDay?: boolean;
}) {
  const locale = intlLocale(useLocale());
  const zone = staffTimeZone();
  if (items && items.length === 0) {
    return <Empty text={empty} />;
  }
  return (
    <MuiList dense>
      {items?.map((c) => (
        <ListItem key={c.id} divider>
          <ListItemText
            primary={
              <MuiLink component={Link} to={`/consultations/${c.id}/show`}>
                {withDay ? <InstantText value={c.startsAt} /> : formatTime(c.startsAt, zone, locale)} —{' '}
                {c.client.firstName} {c.client.lastName}
              </MuiLink>
            }
            secondary={
              <>
                <TypeName type={c.type} /> · {c.consultant.name}
                {c.prescreen?.permitExpiresOn ? ` · ${c.prescreen.permitExpiresOn}` : ''}
              </>
            }
          />
          <StatusChip value={c.status} />
        </ListItem>
      ))}
    </MuiList>
  );
}

type FileSummary = Pick<Schemas['WorkPermitFileSummaryResponse'], 'stream' | 'status'>;

function FilesByStreamAndStatus() {
  const translate = useTranslate();
  const [counts, setCounts] = useState<Record<string, Record<string, number>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listAll<FileSummary>('/api/files', {}, 2000).then(
      (files) => {
        const table: Record<string, Record<string, number>> = { TFWP: {}, IMP: {} };
        for (const f of files) {
          table[f.stream] ??= {};
          table[f.stream][f.status] = (table[f.stream][f.status] ?? 0) + 1;
        }
        if (live) {
          setCounts(table);
        }
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);
  const statuses = FILE_STATUSES.filter((s) => counts && (counts.TFWP[s] || counts.IMP[s]));
  return (
    <Section title={translate('pd.dashboard.files_by_stream')}>
      {error && <Empty text={error} />}
      {counts && statuses.length === 0 && <Empty text={translate('pd.files.none')} />}
      {counts && statuses.length > 0 && (
        <Table size="small" aria-label={translate('pd.dashboard.files_by_stream')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.files.fields.status')}</TableCell>
              <TableCell align="right">TFWP</TableCell>
              <TableCell align="right">IMP</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {statuses.map((status) => (
              <TableRow key={status}>
                <TableCell>
                  <MuiLink
                    component={Link}
                    to={`/files?filter=${encodeURIComponent(JSON.stringify({ status }))}`}
                  >
                    {translate(`pd.status.${status}`)}
                  </MuiLink>
                </TableCell>
                <TableCell align="right">{counts.TFWP[status] ?? 0}</TableCell>
                <TableCell align="right">{counts.IMP[status] ?? 0}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/** What needs attention today: consultations, deadlines, overdue items, files, urgent prospects. */
export function Dashboard() {
  const translate = useTranslate();
  const zone = staffTimeZone();
  const today = dayOf(new Date(), zone);
  const dayStart = startOfDay(today, zone).toISOString();
  const dayEnd = startOfDay(addDays(today, 1), zone).toISOString();
  const [now] = useState(() => new Date().toISOString());
  const todays = useApi<Page<Consultation>>(`/api/consultations?from=${dayStart}&to=${dayEnd}&limit=200`);
  const upcoming = useApi<Page<Deadline>>(
    `/api/deadlines?status=open&from=${today}&to=${addDays(today, 14)}&limit=200`,
  );
  const overdue = useApi<Page<Deadline>>('/api/deadlines?overdue=true&limit=200');
  const ahead = useApi<Page<Consultation>>(`/api/consultations?from=${now}&status=booked&limit=200`);
  const unavailable = (e: Error | undefined) => (e ? <Empty text={e.message} /> : null);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('pd.dashboard.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section
            title={translate('pd.dashboard.today_consultations')}
            action={
              <Chip
                size="small"
                label={todays.data?.items.filter((c) => c.status !== 'cancelled').length ?? '…'}
              />
            }
          >
            {unavailable(todays.error)}
            <ConsultationItems
              items={todays.data?.items.filter((c) => c.status !== 'cancelled')}
              empty={translate('pd.dashboard.no_consultations')}
            />
          </Section>
          <Section
            title={translate('pd.dashboard.urgent_consultations')}
            action={
              <Chip
                size="small"
                color="warning"
                label={ahead.data?.items.filter((c) => c.isUrgent).length ?? '…'}
              />
            }
          >
            {unavailable(ahead.error)}
            <ConsultationItems
              items={ahead.data?.items.filter((c) => c.isUrgent)}
              empty={translate('pd.dashboard.no_urgent')}
              withDay
            />
          </Section>
          <FilesByStreamAndStatus />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section
            title={translate('pd.dashboard.overdue')}
            action={<Chip size="small" color="error" label={overdue.data?.items.length ?? '…'} />}
          >
            {unavailable(overdue.error)}
            <DeadlineItems items={overdue.data?.items} empty={translate('pd.dashboard.no_overdue')} />
          </Section>
          <Section
            title={translate('pd.dashboard.next_deadlines')}
            action={<Chip size="small" color="primary" label={upcoming.data?.items.length ?? '…'} />}
          >
            {unavailable(upcoming.error)}
            <DeadlineItems items={upcoming.data?.items} empty={translate('pd.dashboard.no_deadlines')} />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}
