import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, downloadDocument, portalApi, type PortalDocument, type PortalMessage } from './api';
import { formatInstant, type Lang, type Translate } from './i18n';

const MAX_LENGTH = 5000;

/**
 * The file's conversation with the firm: the thread (oldest at the top, the newest next to the compose box), a
 * box to write, and documents the client uploaded to the file to send with it. Reading it marks it read.
 */
export function MessagesSection({
  fileId,
  uploads,
  lang,
  t,
}: {
  fileId: string;
  /** The client's own documents on the file: the ones they may attach. */
  uploads: PortalDocument[];
  lang: Lang;
  t: Translate;
}) {
  const [messages, setMessages] = useState<PortalMessage[] | null>(null);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [attached, setAttached] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    let live = true;
    portalApi.messages(fileId).then(
      (page) => {
        if (live) {
          setMessages([...page.items].reverse());
          setOlderCursor(page.nextCursor);
        }
      },
      () => live && setError(t('somethingWrong')),
    );
    return () => {
      live = false;
    };
  }, [fileId, t]);

  const loadOlder = useCallback(async () => {
    if (!olderCursor) {
      return;
    }
    const page = await portalApi.messages(fileId, olderCursor);
    setMessages((shown) => [...[...page.items].reverse(), ...(shown ?? [])]);
    setOlderCursor(page.nextCursor);
  }, [fileId, olderCursor]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSent(false);
    if (body.trim().length === 0) {
      setError(t('messageEmpty'));
      return;
    }
    setSending(true);
    try {
      const message = await portalApi.sendMessage(fileId, body, attached);
      setMessages((shown) => [...(shown ?? []), message]);
      setBody('');
      setAttached([]);
      setSent(true);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 400 ? t('messageRefused') : t('somethingWrong'),
      );
    } finally {
      setSending(false);
    }
  };

  const mine = uploads.filter((d) => d.uploadedByClient);
  return (
    <section aria-labelledby="messages-title" data-testid="portal-messages">
      <h2 id="messages-title">{t('messages')}</h2>
      <p className="muted small">{t('messagesIntro')}</p>
      {messages === null && !error && <p role="status">{t('loading')}</p>}
      {olderCursor && (
        <button type="button" className="button secondary" onClick={() => void loadOlder()}>
          {t('olderMessages')}
        </button>
      )}
      {messages !== null && messages.length === 0 && <p>{t('noMessages')}</p>}
      {messages !== null && messages.length > 0 && (
        <ol className="plain thread">
          {messages.map((m) => (
            <li key={m.id} className={m.fromClient ? 'message mine' : 'message theirs'}>
              <p className="muted small message-meta">
                {m.fromClient ? t('you') : (m.authorName ?? t('yourFirm'))} ·{' '}
                {formatInstant(m.createdAt, lang)}
              </p>
              <p className="message-body">{m.body}</p>
              {m.attachments.length > 0 && (
                <ul className="plain attachments">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('download', a.originalName)}
                        onClick={() => void downloadDocument(a).catch(() => setError(t('somethingWrong')))}
                      >
                        📎 {a.originalName}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="compose card" onSubmit={(e) => void send(e)}>
        <label className="field">
          <span>{t('yourMessage')}</span>
          <textarea
            value={body}
            maxLength={MAX_LENGTH}
            rows={4}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby="message-privacy"
          />
        </label>
        <p id="message-privacy" className="muted small">
          {t('messagePrivacy')}
        </p>
        {mine.length > 0 && (
          <fieldset className="attach">
            <legend>{t('attachDocuments')}</legend>
            {mine.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={attached.includes(d.id)}
                  onChange={(e) =>
                    setAttached((ids) =>
                      e.target.checked ? [...ids, d.id] : ids.filter((id) => id !== d.id),
                    )
                  }
                />
                <span>{d.originalName}</span>
              </label>
            ))}
          </fieldset>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {sent && (
          <p className="muted small" role="status">
            {t('messageSent')}
          </p>
        )}
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('sending') : t('sendMessage')}
        </button>
      </form>
    </section>
  );
}
