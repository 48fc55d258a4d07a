import { useCallback, useEffect, useState } from 'react';
import {
  ApiError,
  downloadDocument,
  portalApi,
  type Checklist,
  type PortalDocument,
  type PortalFileDetail,
} from './api';
import { AgreementCard } from './AgreementCard';
import { ChecklistItemCard } from './ChecklistItemCard';
import { Deadlines, FileStatusDetails } from './HomePage';
import { IntakeCard } from './IntakePage';
import { formatInstant, type Lang, type MessageKey, type Translate } from './i18n';
import type { PageProps } from './main';
import { MessagesSection } from './MessagesSection';
import { useHeadingFocus } from './useHeadingFocus';

/** One of the client's files: where it stands, its dates, the documents to send and those already sent. */
export function FilePage({ id, lang, t, navigate }: PageProps & { id: string }) {
  const [file, setFile] = useState<PortalFileDetail | null>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useHeadingFocus<HTMLHeadingElement>(file?.id ?? error);

  const reloadChecklist = useCallback(async () => {
    setChecklist(await portalApi.checklist(id));
  }, [id]);

  useEffect(() => {
    let live = true;
    Promise.all([portalApi.file(id, lang), portalApi.checklist(id)]).then(
      ([loaded, list]) => {
        if (live) {
          setFile(loaded);
          setChecklist(list);
        }
      },
      (caught: unknown) => {
        if (live) {
          setError(
            caught instanceof ApiError && caught.status === 404 ? t('fileNotFound') : t('somethingWrong'),
          );
        }
      },
    );
    return () => {
      live = false;
    };
  }, [id, lang, t]);

  const back = (
    <a
      href="/portal/"
      onClick={(e) => {
        e.preventDefault();
        navigate('/portal/');
      }}
    >
      {t('backToFiles')}
    </a>
  );

  if (error) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('title')}
        </h1>
        <p className="error" role="alert">
          {error}
        </p>
        {back}
      </>
    );
  }
  if (!file || !checklist) {
    return <p role="status">{t('loading')}</p>;
  }
  const documentsById = new Map(checklist.documents.map((d) => [d.id, d]));
  return (
    <>
      <nav aria-label={t('backToFiles')} className="crumbs">
        {back}
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        {t('fileTitle', file.fileNumber)}
      </h1>
      <FileStatusDetails file={file} t={t} className="details card" />
      <IntakeCard fileId={file.id} t={t} navigate={navigate} />
      <MessagesSection fileId={file.id} uploads={checklist.documents} lang={lang} t={t} />
      {file.agreement && <AgreementCard agreement={file.agreement} lang={lang} t={t} navigate={navigate} />}
      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t('deadlines')}</h2>
        <Deadlines deadlines={file.deadlines} lang={lang} t={t} />
      </section>
      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('checklist')}</h2>
        <p className="muted">{t('checklistIntro')}</p>
        <ul className="plain stack">
          {checklist.items.map((item) => (
            <ChecklistItemCard
              key={item.key}
              fileId={file.id}
              item={item}
              document={item.documentId ? documentsById.get(item.documentId) : undefined}
              lang={lang}
              t={t}
              onUploaded={reloadChecklist}
            />
          ))}
        </ul>
      </section>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('yourDocuments')}</h2>
        <DocumentList documents={checklist.documents} lang={lang} t={t} />
      </section>
    </>
  );
}

function DocumentList({ documents, lang, t }: { documents: PortalDocument[]; lang: Lang; t: Translate }) {
  const [error, setError] = useState<string | null>(null);
  if (documents.length === 0) {
    return <p>{t('noDocuments')}</p>;
  }
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain stack" data-testid="portal-documents">
        {documents.map((d) => (
          <li key={d.id} className="document-row">
            <div>
              <p className="document-name">{d.originalName}</p>
              <p className="muted small">
                {t(`document_${d.status}` as MessageKey)} ·{' '}
                {t(d.uploadedByClient ? 'sentBy_client' : 'sentBy_firm', formatInstant(d.uploadedAt, lang))}
              </p>
              {d.rejectionReason && <p className="small">{t('rejectedBecause', d.rejectionReason)}</p>}
            </div>
            <button
              type="button"
              className="button secondary"
              aria-label={t('download', d.originalName)}
              onClick={() => {
                setError(null);
                downloadDocument(d).catch(() => setError(t('somethingWrong')));
              }}
            >
              {t('downloadButton')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
