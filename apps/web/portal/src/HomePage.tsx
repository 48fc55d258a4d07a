import { useEffect, useState } from 'react';
import { AgreementToSignBadge } from './AgreementCard';
import { BillingSection } from './BillingSection';
import { portalApi, type Consultation, type Me, type PortalFile } from './api';
import { formatDay, formatInstant, type Lang, type MessageKey, type Translate } from './i18n';
import type { PageProps } from './main';
import { useHeadingFocus } from './useHeadingFocus';

interface Home {
  me: Me;
  files: PortalFile[];
  consultations: Consultation[];
}

/** The signed-in client's files (where each stands, the next step, who it waits on) and consultations. */
export function HomePage({
  lang,
  t,
  navigate,
  preferLang,
}: PageProps & { preferLang: (lang: Lang) => void }) {
  const [home, setHome] = useState<Home | null>(null);
  const [failed, setFailed] = useState(false);
  const heading = useHeadingFocus<HTMLHeadingElement>(home === null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const me = await portalApi.me();
        preferLang(me.preferredLanguage);
        const [files, consultations] = await Promise.all([
          portalApi.files(lang),
          portalApi.consultations(lang),
        ]);
        if (live) {
          setHome({ me, files: files.items, consultations: consultations.items });
        }
      } catch {
        if (live) {
          setFailed(true); // a 401 has already sent the client to the request-link page
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [lang, preferLang]);

  if (!home) {
    return (
      <p role="status" className={failed ? 'error' : undefined}>
        {failed ? t('somethingWrong') : t('loading')}
      </p>
    );
  }
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('hello', home.me.firstName)}
      </h1>
      {home.me.consultantName && <p className="muted">{t('yourConsultant', home.me.consultantName)}</p>}
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('yourFiles')}</h2>
        {home.files.length === 0 ? (
          <p>{t('noFiles')}</p>
        ) : (
          <ul className="plain stack">
            {home.files.map((file) => (
              <li key={file.id} className="card" data-testid="portal-file">
                <h3 className="file-number">{file.fileNumber}</h3>
                {file.unreadMessages > 0 && (
                  <p className="badge badge-unread" data-testid="unread-messages">
                    {t('unreadMessages', file.unreadMessages)}
                  </p>
                )}
                <AgreementToSignBadge agreement={file.agreement} t={t} />
                <FileStatusDetails file={file} t={t} className="details" />
                <a
                  className="button"
                  href={`/portal/files/${file.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/portal/files/${file.id}`);
                  }}
                >
                  {t('openFile', file.fileNumber)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="consultations-title">
        <h2 id="consultations-title">{t('consultations')}</h2>
        {home.consultations.length === 0 ? (
          <p>{t('noConsultations')}</p>
        ) : (
          <ul className="plain stack">
            {home.consultations.map((c) => (
              <li key={c.id} className="card">
                <p className="big">{t('consultationWith', c.typeName, c.consultantName)}</p>
                <p>{formatInstant(c.startsAt, lang, c.timezone)}</p>
                <p className="muted">
                  {t(`mode_${c.mode}` as MessageKey)} · {t(`consultation_${c.status}` as MessageKey)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <BillingSection lang={lang} t={t} />
    </>
  );
}

/** Where a file stands: its status, the next step, and who it waits on. */
export function FileStatusDetails({
  file,
  t,
  className,
}: {
  file: Pick<PortalFile, 'statusText' | 'nextStep' | 'waitingOn'>;
  t: Translate;
  className: string;
}) {
  return (
    <dl className={className}>
      <dt>{t('status')}</dt>
      <dd>{file.statusText}</dd>
      {file.nextStep && (
        <>
          <dt>{t('nextStep')}</dt>
          <dd>{file.nextStep}</dd>
        </>
      )}
      {file.waitingOn && (
        <>
          <dt>{t('waitingOn')}</dt>
          <dd>{t(`waiting_${file.waitingOn}` as MessageKey)}</dd>
        </>
      )}
    </dl>
  );
}

/** The deadlines of a file that concern the client. */
export function Deadlines({
  deadlines,
  lang,
  t,
}: {
  deadlines: { id: string; title: string; dueOn: string }[];
  lang: Lang;
  t: Translate;
}) {
  if (deadlines.length === 0) {
    return <p>{t('noDeadlines')}</p>;
  }
  return (
    <ul className="plain">
      {deadlines.map((d) => (
        <li key={d.id}>
          <strong>{d.title}</strong> — {t('dueOn', formatDay(d.dueOn, lang))}
        </li>
      ))}
    </ul>
  );
}
