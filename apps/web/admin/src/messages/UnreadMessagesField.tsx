import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The files list's count of client messages the signed-in person has not read: a badge, or nothing. */
export function UnreadMessagesField(_: { source: string; sortable?: boolean; label?: string }) {
  const record = useRecordContext<{ id: string; unreadMessages?: number }>();
  const translate = useTranslate();
  const count = record?.unreadMessages ?? 0;
  if (count === 0) {
    return null;
  }
  return (
    <Chip
      size="small"
      color="primary"
      label={count}
      aria-label={translate('pd.messages.unread', { count })}
      data-testid="unread-messages"
    />
  );
}
