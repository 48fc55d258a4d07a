import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  List,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { Schemas } from '@app/api-client';
import { apiCall } from '../dataProvider';

type InboxItem = Schemas['MessageInboxItemResponse'];
type InboxPage = { items: InboxItem[]; nextCursor: string | null };

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Files holding client messages the signed-in person has not read, the newest first (their files only, for a consultant). */
export function MessagesInbox() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.messages.${key}`, args);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = async (after: string | null) => {
    try {
      const page = await apiCall<InboxPage>(
        `/api/messages/inbox?limit=50${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
      );
      setItems((shown) => [...(after ? (shown ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      setFailed((error as Error).message);
    }
  };
  useEffect(() => {
    void load(null);
  }, []);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('inbox_title')} />
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('inbox_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('inbox_intro')}
        </Typography>
        {failed && <Alert severity="error">{failed}</Alert>}
        {items?.length === 0 && <Typography sx={{ mt: 2 }}>{t('inbox_empty')}</Typography>}
        {items && items.length > 0 && (
          <List data-testid="messages-inbox">
            {items.map((item) => (
              <ListItemButton
                key={item.fileId}
                onClick={() => void navigate(`/files/${item.fileId}/show`)}
                divider
              >
                <ListItemText
                  primary={`${item.fileNumber} — ${item.clientName}`}
                  secondary={`${t('last')}: ${when(item.lastMessageAt)}${item.consultantName ? ` · ${item.consultantName}` : ''}`}
                />
                <Badge color="primary" badgeContent={item.unreadMessages} sx={{ mr: 2 }}>
                  <span aria-label={t('unread', { count: item.unreadMessages })} />
                </Badge>
              </ListItemButton>
            ))}
          </List>
        )}
        {cursor && <Button onClick={() => void load(cursor)}>{t('more')}</Button>}
      </CardContent>
    </Card>
  );
}
