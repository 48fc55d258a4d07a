import { List as MuiList, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Page } from '../dataProvider';
import { useApi } from './useApi';
import { Empty, Section } from './Section';
import { InstantText } from './fields';

interface TimelineEvent {
  id: string;
  occurredAt: string;
  action: string;
  actor?: { id: string; name: string | null } | null;
  actorId?: string | null;
  changes: Record<string, unknown>;
}

function describe(changes: Record<string, unknown>): string {
  return Object.entries(changes ?? {})
    .slice(0, 8)
    .map(([field, value]) =>
      Array.isArray(value) && value.length === 2
        ? `${field}: ${String(value[0] ?? '—')} → ${String(value[1] ?? '—')}`
        : `${field}: ${typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean | undefined)}`,
    )
    .join(' · ');
}

/** Who did what, newest first (GET {path}/timeline). */
export function Timeline({ path }: { path: string }) {
  const translate = useTranslate();
  const { data, error } = useApi<Page<TimelineEvent>>(`${path}/timeline?limit=50`);
  return (
    <Section title={translate('pd.timeline.title')}>
      {error && <Empty text={error.message} />}
      {data && data.items.length === 0 && <Empty text={translate('pd.timeline.empty')} />}
      <MuiList dense>
        {data?.items.map((event) => (
          <ListItem key={event.id} divider>
            <ListItemText
              primary={
                <>
                  <strong>{translate(`pd.action.${event.action}`, { _: event.action })}</strong>
                  {' — '}
                  <InstantText value={event.occurredAt} />
                  {event.actor?.name ? ` — ${event.actor.name}` : ''}
                </>
              }
              secondary={describe(event.changes)}
            />
          </ListItem>
        ))}
      </MuiList>
    </Section>
  );
}
