import { useEffect, useState } from 'react';
import { downloadDocument, portalApi, type PortalAgreement, type PortalFile } from './api';
import { formatInstant, type Lang, type Translate } from './i18n';
import type { Navigate } from './main';

type FileAgreement = NonNullable<PortalFile['agreement']>;

/** A line on a file's card on the home page when the file's agreement waits for the client's signature. */
export function AgreementToSignBadge({ agreement, t }: { agreement: PortalFile['agreement']; t: Translate }) {
  if (agreement?.status !== 'sent') {
    return null;
  }
  return (
    <p className="badge badge-action" data-testid="agreement-to-sign">
      {t('agreementToSignBadge')}
    </p>
  );
}

/** Where the signed PDF is saved on the client's device. */
export function signedPdfName(agreement: Pick<PortalAgreement, 'version'>, t: Translate): string {
  return `${t('agreementPdfName')}-v${agreement.version}.pdf`;
}

/** The download of the agreement signed by both, when the API names its PDF. */
export function SignedPdfDownload({ agreement, t }: { agreement: PortalAgreement; t: Translate }) {
  const [failed, setFailed] = useState(false);
  if (!agreement.documentId) {
    return null;
  }
  const documentId = agreement.documentId;
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setFailed(false);
          downloadDocument({ id: documentId, originalName: signedPdfName(agreement, t) }).catch(() =>
            setFailed(true),
          );
        }}
      >
        {t('agreementDownload')}
      </button>
      {failed && (
        <p className="error" role="alert">
          {t('somethingWrong')}
        </p>
      )}
    </>
  );
}

/** Where the agreement stands in words: to sign, signed by the client, or by both. */
export function AgreementStanding({
  agreement,
  lang,
  t,
}: {
  agreement: PortalAgreement;
  lang: Lang;
  t: Translate;
}) {
  if (agreement.status === 'signed' && agreement.countersignedAt) {
    return (
      <p data-testid="agreement-standing">
        {t('agreementSignedByBoth', formatInstant(agreement.countersignedAt, lang))}
      </p>
    );
  }
  if (agreement.status === 'client_signed' && agreement.clientSignedAt) {
    return (
      <p data-testid="agreement-standing">
        {t('agreementClientSigned', formatInstant(agreement.clientSignedAt, lang))}
      </p>
    );
  }
  if (agreement.status === 'superseded') {
    return <p data-testid="agreement-standing">{t('agreementSuperseded')}</p>;
  }
  return <p data-testid="agreement-standing">{t('agreementReady')}</p>;
}

/** The service agreement's card on a file's page: where it stands and the way to read, sign or download it. */
export function AgreementCard({
  agreement,
  lang,
  t,
  navigate,
}: {
  agreement: FileAgreement;
  lang: Lang;
  t: Translate;
  navigate: Navigate;
}) {
  const [loaded, setLoaded] = useState<PortalAgreement | null>(null);

  useEffect(() => {
    let live = true;
    portalApi.agreement(agreement.id).then(
      (a) => live && setLoaded(a),
      () => live && setLoaded(null),
    );
    return () => {
      live = false;
    };
  }, [agreement.id, agreement.status]);

  const href = `/portal/agreements/${agreement.id}`;
  return (
    <section aria-labelledby="agreement-title" className="card agreement-card" data-testid="agreement-card">
      <h2 id="agreement-title">{t('agreementTitle')}</h2>
      {loaded ? (
        <AgreementStanding agreement={loaded} lang={lang} t={t} />
      ) : (
        agreement.status === 'sent' && <p data-testid="agreement-standing">{t('agreementReady')}</p>
      )}
      <div className="send">
        <a
          className={agreement.status === 'sent' ? 'button' : 'button secondary'}
          href={href}
          onClick={(e) => {
            e.preventDefault();
            navigate(href);
          }}
        >
          {agreement.status === 'sent' ? t('agreementReadAndSign') : t('agreementRead')}
        </a>
        {loaded && <SignedPdfDownload agreement={loaded} t={t} />}
      </div>
    </section>
  );
}
