import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { Section } from '../common/Section';
import { errorsOf } from '../common/field-errors';
import { apiCall } from '../dataProvider';
import { downloadDocument } from '../documents/api';

type Message = Schemas['FileMessageResponse'];
type MessagePage = { items: Message[]; nextCursor: string | null };
type DocumentPage = { items: Schemas['DocumentResponse'][] };

const MAX_LENGTH = 5000;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * The file's conversation with its client: the thread (oldest at the top, like a chat), a box to write and the
 * file's documents to send with it. Opening it marks the client's messages read for the signed-in person.
 */
export function FileMessages() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.messages.${key}`, args);
  const fileId = record ? String(record.id) : null;
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [documents, setDocuments] = useState<DocumentPage['items']>([]);
  const [body, setBody] = useState('');
  const [attached, setAttached] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!fileId) {
      return;
    }
    let live = true;
    Promise.all([
      apiCall<MessagePage>(`/api/files/${fileId}/messages`),
      apiCall<DocumentPage>(`/api/files/${fileId}/documents?limit=200`),
    ]).then(
      ([page, docs]) => {
        if (live) {
          setMessages([...page.items].reverse());
          setOlderCursor(page.nextCursor);
          setDocuments(docs.items);
        }
      },
      (error: Error) => live && setFailed(error.message),
    );
    return () => {
      live = false;
    };
  }, [fileId]);

  const loadOlder = useCallback(async () => {
    if (!fileId || !olderCursor) {
      return;
    }
    const page = await apiCall<MessagePage>(
      `/api/files/${fileId}/messages?cursor=${encodeURIComponent(olderCursor)}`,
    );
    setMessages((shown) => [...[...page.items].reverse(), ...(shown ?? [])]);
    setOlderCursor(page.nextCursor);
  }, [fileId, olderCursor]);

  if (!fileId) {
    return null;
  }

  const send = async () => {
    setSending(true);
    setErrors({});
    try {
      const message = await apiCall<Message>(`/api/files/${fileId}/messages`, {
        method: 'POST',
        body: { body, documentIds: attached },
      });
      setMessages((shown) => [...(shown ?? []), message]);
      setBody('');
      setAttached([]);
      notify('pd.messages.sent', { type: 'success' });
    } catch (error) {
      setErrors(errorsOf(error, translate));
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };

  return (
    <Section title={t('title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('intro')}
      </Typography>
      {failed && <Alert severity="error">{failed}</Alert>}
      {olderCursor && (
        <Button size="small" onClick={() => void loadOlder()}>
          {t('older')}
        </Button>
      )}
      {messages?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('empty')}
        </Typography>
      )}
      {messages && messages.length > 0 && (
        <Stack
          component="ol"
          spacing={1}
          sx={{ listStyle: 'none', p: 0, m: 0, mb: 2 }}
          data-testid="file-messages"
        >
          {messages.map((m) => (
            <Box
              component="li"
              key={m.id}
              sx={{
                alignSelf: m.from === 'client' ? 'flex-start' : 'flex-end',
                maxWidth: '85%',
                border: 1,
                borderColor: 'divider',
                borderRadius: 2,
                px: 1.5,
                py: 1,
                bgcolor: m.from === 'client' ? 'background.paper' : 'action.hover',
              }}
            >
              <Typography variant="caption" color="text.secondary" component="p">
                {m.from === 'client' ? `${m.author.name} (${t('from_client')})` : m.author.name} ·{' '}
                {when(m.createdAt)}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Typography>
              {m.attachments.map((a) => (
                <Link
                  key={a.id}
                  component="button"
                  variant="body2"
                  sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
                  onClick={() =>
                    void downloadDocument(a).catch((e: Error) => notify(e.message, { type: 'error' }))
                  }
                >
                  <AttachFileIcon fontSize="small" /> {a.originalName}
                </Link>
              ))}
            </Box>
          ))}
        </Stack>
      )}
      <Stack spacing={1}>
        <TextField
          label={t('compose')}
          multiline
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          slotProps={{ htmlInput: { maxLength: MAX_LENGTH } }}
          error={Boolean(errors.body)}
          helperText={errors.body ?? `${body.length} / ${MAX_LENGTH}`}
        />
        {documents.length > 0 && (
          <FormGroup aria-label={t('attach')}>
            <Typography variant="body2">{t('attach')}</Typography>
            {documents.map((d) => (
              <FormControlLabel
                key={d.id}
                control={
                  <Checkbox
                    size="small"
                    checked={attached.includes(d.id)}
                    onChange={(e) =>
                      setAttached((ids) =>
                        e.target.checked ? [...ids, d.id] : ids.filter((id) => id !== d.id),
                      )
                    }
                  />
                }
                label={d.title ? `${d.title} (${d.originalName})` : d.originalName}
              />
            ))}
            {errors.documentIds && <Alert severity="error">{errors.documentIds}</Alert>}
          </FormGroup>
        )}
        <Box>
          <Button variant="contained" disabled={sending || body.trim() === ''} onClick={() => void send()}>
            {t('send')}
          </Button>
        </Box>
      </Stack>
    </Section>
  );
}
