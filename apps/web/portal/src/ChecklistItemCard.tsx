import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, uploadDocument, type ChecklistItem, type PortalDocument } from './api';
import type { Lang, MessageKey, Translate } from './i18n';

/** What the file picker offers: PDFs and photos (the API checks the content itself, whatever the name). */
const ACCEPT = 'application/pdf,image/jpeg,image/png,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.heic,.heif';

function uploadError(caught: unknown, t: Translate): string {
  if (!(caught instanceof ApiError)) {
    return t('somethingWrong');
  }
  switch (caught.body?.code) {
    case 'DOCUMENT_TOO_LARGE':
      return t('uploadTooLarge');
    case 'DOCUMENT_TYPE_NOT_ALLOWED':
      return t('uploadWrongType');
    case 'DOCUMENT_STORAGE_UNAVAILABLE':
      return t('storageDown');
    case 'VALIDATION_FAILED':
      return t(
        'uploadRefused',
        Object.values(caught.body.fields ?? {})
          .flat()
          .join(' ') || caught.body.message,
      );
    default:
      return t('somethingWrong');
  }
}

/**
 * One document to send: its title and help in the client's language, whether it is needed, where it stands (with
 * the firm's reason when a copy was refused), and two ways to send it: a file, or a photo taken with the phone.
 */
export function ChecklistItemCard({
  fileId,
  item,
  document,
  lang,
  t,
  onUploaded,
}: {
  fileId: string;
  item: ChecklistItem;
  document: PortalDocument | undefined;
  lang: Lang;
  t: Translate;
  onUploaded: () => Promise<void>;
}) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const title = lang === 'fr' ? item.titleFr : item.title;
  const help = lang === 'fr' ? item.helpFr : item.help;
  const condition = lang === 'fr' ? item.conditionTextFr : item.conditionText;
  const sending = progress !== null;

  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) {
      return;
    }
    setMessage(null);
    setProgress(0);
    try {
      const result = await uploadDocument(fileId, item.key, chosen, setProgress);
      setMessage({
        text: result.duplicate ? t('alreadyUploaded') : t('uploaded', result.document.originalName),
        error: false,
      });
      await onUploaded();
    } catch (caught) {
      setMessage({ text: uploadError(caught, t), error: true });
    } finally {
      setProgress(null);
    }
  };

  const sendLabel = item.status === 'missing' ? t('chooseFile') : t('sendAgain');
  const canSend = item.status !== 'waived' && item.status !== 'accepted';
  return (
    <li className={`card item item-${item.status}`} data-testid={`item-${item.key}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="small">
        <span className={`badge badge-${item.status}`}>{t(`item_${item.status}` as MessageKey)}</span>{' '}
        <span className="muted">{item.required ? t('required') : t('conditional')}</span>
      </p>
      {!item.required && condition && <p className="muted small">{condition}</p>}
      {help && <p className="small">{help}</p>}
      {document && <p className="small document-name">{document.originalName}</p>}
      {item.status === 'rejected' && item.rejectionReason && (
        <p className="warning" data-testid="rejection-reason">
          {t('rejectedBecause', item.rejectionReason)}
        </p>
      )}
      {canSend && (
        <div className="send">
          <input
            ref={fileInput}
            hidden
            type="file"
            accept={ACCEPT}
            disabled={sending}
            onChange={(e) => void send(e)}
            data-testid={`upload-${item.key}`}
          />
          <button
            type="button"
            className="button"
            disabled={sending}
            onClick={() => fileInput.current?.click()}
            aria-label={t('actionFor', sendLabel, title)}
          >
            {sendLabel}
          </button>
          <input
            ref={photoInput}
            hidden
            type="file"
            accept="image/*"
            capture="environment"
            disabled={sending}
            onChange={(e) => void send(e)}
          />
          <button
            type="button"
            className="button secondary"
            disabled={sending}
            onClick={() => photoInput.current?.click()}
            aria-label={t('actionFor', t('takePhoto'), title)}
          >
            {t('takePhoto')}
          </button>
        </div>
      )}
      {sending && (
        <label className="progress">
          <span>{t('uploadProgress')}</span>
          <progress max={1} value={progress} />
        </label>
      )}
      <div aria-live="polite">
        {message && (
          <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </li>
  );
}
