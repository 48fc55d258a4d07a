import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { InstantText } from '../common/fields';
import { Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';

type FeedStatus = Schemas['CalendarFeedResponse'];
type NewFeed = Schemas['NewCalendarFeedResponse'];

/**
 * A consultant's private calendar subscription: create it (the address is shown once), replace it, revoke it.
 * Their own, or anyone's for an admin.
 */
export function CalendarFeedSection({ consultantId }: { consultantId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const path = `/api/consultants/${consultantId}/calendar-feed`;
  const byConsultant = { params: { path: { id: consultantId } } };
  const { data, error, reload } = useApi<FeedStatus>(path);
  const [created, setCreated] = useState<NewFeed | null>(null);
  useEffect(() => setCreated(null), [consultantId]);

  async function regenerate() {
    if (data?.active && !window.confirm(translate('pd.feed.confirm_regenerate'))) {
      return;
    }
    try {
      setCreated(await send(apiClient.POST('/api/consultants/{id}/calendar-feed', byConsultant)));
      reload();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  async function revoke() {
    if (!window.confirm(translate('pd.feed.confirm_revoke'))) {
      return;
    }
    try {
      await send(apiClient.DELETE('/api/consultants/{id}/calendar-feed', byConsultant));
      setCreated(null);
      reload();
      notify('pd.feed.revoked', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  }

  return (
    <Section title={translate('pd.feed.title')}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('pd.feed.explain')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="feed-status">
          {data.active ? (
            <>
              {translate('pd.feed.active_since')} <InstantText value={data.createdAt} />
              {' · '}
              {translate('pd.feed.last_fetched')} <InstantText value={data.lastFetchedAt} />
            </>
          ) : (
            translate('pd.feed.none')
          )}
        </Typography>
      )}
      {created && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('pd.feed.shown_once')}
          <TextField
            value={created.url}
            label={translate('pd.feed.address')}
            size="small"
            fullWidth
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'feed-url' } }}
            onFocus={(e) => e.target.select()}
          />
          <Typography variant="body2" sx={{ mt: 1 }}>
            <a href={created.webcalUrl}>{translate('pd.feed.open_in_calendar')}</a>
          </Typography>
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => void regenerate()}>
          {translate(data?.active ? 'pd.feed.regenerate' : 'pd.feed.create')}
        </Button>
        {data?.active && (
          <Button color="error" onClick={() => void revoke()}>
            {translate('pd.feed.revoke')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
