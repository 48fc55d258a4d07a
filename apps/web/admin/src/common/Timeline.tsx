import { List as MuiList, ListItem, ListItemText } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { Page } from '../dataProvider';
import { useApi } from './useApi';
import { Empty, Section } from './Section';
import { InstantText, intlLocale } from './fields';
import { describeChanges } from './describe';
import { staffTimeZone } from '../session';

interface TimelineEvent {
  id: string;
  occurredAt: string;
  action: string;
  actor?: { id: string; name: string | null } | null;
  changes: Record<string, unknown>;
  /** Names of the ids in changes (people, clients, types, files). */
  names?: Record<string, string>;
}

/** An action no catalogue names yet, readable anyway: "consultation.hold_released" → "Consultation hold released". */
function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who did what, newest first (GET {path}/timeline). */
export function Timeline({ path }: { path: string }) {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
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
                  <strong>
                    {translate(`pd.action.${event.action}`, { _: describeAction(event.action) })}
                  </strong>
                  {' — '}
                  <InstantText value={event.occurredAt} />
                  {event.actor?.name ? ` — ${event.actor.name}` : ''}
                </>
              }
              secondary={describeChanges(
                event.changes,
                event.names ?? {},
                translate,
                locale,
                staffTimeZone(),
              )}
            />
          </ListItem>
        ))}
      </MuiList>
    </Section>
  );
}
