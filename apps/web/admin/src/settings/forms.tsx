import { Box, Button as MuiButton, TextField as MuiTextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { apiClient, send } from '../dataProvider';

/** The booking page's address and the iframe snippet a firm pastes into its own website. */
export function BookingEmbedPage() {
  const translate = useTranslate();
  const url = `${window.location.origin}/book`;
  const snippet = `<iframe src="${url}" title="Book a consultation" style="width:100%;min-height:760px;border:0" loading="lazy"></iframe>`;
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('pd.menu.booking_page')} />
      <Section title={translate('pd.menu.booking_page')}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('pd.embed.link')}: <a href={url}>{url}</a>
        </Typography>
        <MuiTextField
          label={translate('pd.embed.snippet')}
          value={snippet}
          multiline
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'embed-snippet' } }}
        />
        <MuiButton sx={{ mt: 1 }} onClick={() => void navigator.clipboard?.writeText(snippet)}>
          {translate('pd.embed.copy')}
        </MuiButton>
      </Section>
    </Box>
  );
}

/** Opens the queue board: a short cookie for /admin/queues, then the board itself. */
export async function openQueues(): Promise<void> {
  await send(apiClient.POST('/api/auth/queues-session'));
  window.location.assign('/admin/queues');
}
