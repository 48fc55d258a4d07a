import { useEffect, useState, type FormEvent } from 'react';
import { AgreementStanding, SignedPdfDownload } from './AgreementCard';
import { AgreementText } from './AgreementText';
import { ApiError, portalApi, type PortalAgreement } from './api';
import type { PageProps } from './main';
import { useHeadingFocus } from './useHeadingFocus';

type FieldErrors = { typedName?: string; consent?: string };

/**
 * The client reads their service agreement and signs it: their typed full name and an explicit consent. Once
 * signed, the page says where it stands (waiting for the countersignature, or signed by both with the PDF).
 */
export function AgreementSignPage({ id, lang, t, navigate }: PageProps & { id: string }) {
  const [agreement, setAgreement] = useState<PortalAgreement | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typedName, setTypedName] = useState('');
  const [consent, setConsent] = useState(false);
  const [signing, setSigning] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [justSigned, setJustSigned] = useState(false);
  const heading = useHeadingFocus<HTMLHeadingElement>(`${agreement?.id ?? loadError}-${justSigned}`);

  useEffect(() => {
    let live = true;
    portalApi.agreement(id).then(
      (loaded) => live && setAgreement(loaded),
      (caught: unknown) => {
        if (live) {
          setLoadError(
            caught instanceof ApiError && caught.status === 404
              ? t('agreementNotFound')
              : t('somethingWrong'),
          );
        }
      },
    );
    return () => {
      live = false;
    };
  }, [id, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setFormError(null);
    setSigning(true);
    try {
      setAgreement(await portalApi.signAgreement(id, { typedName, consent }));
      setJustSigned(true);
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      const fields = caught instanceof ApiError ? (caught.body?.fields ?? {}) : {};
      if (status === 400 && ('typedName' in fields || 'consent' in fields)) {
        setFieldErrors({
          ...('typedName' in fields ? { typedName: t('typedNameInvalid') } : {}),
          ...('consent' in fields ? { consent: t('consentRequired') } : {}),
        });
      } else if (status === 409) {
        // Already signed (another tab) or replaced by a newer version: show where it now stands.
        setFormError(t('agreementCannotSign'));
        portalApi.agreement(id).then(setAgreement, () => undefined);
      } else {
        setFormError(t('somethingWrong'));
      }
    } finally {
      setSigning(false);
    }
  };

  const fileHref = agreement ? `/portal/files/${agreement.fileId}` : '/portal/';
  const back = (
    <a
      href={fileHref}
      onClick={(e) => {
        e.preventDefault();
        navigate(fileHref);
      }}
    >
      {agreement ? t('backToFile') : t('backToFiles')}
    </a>
  );

  if (loadError) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('agreementTitle')}
        </h1>
        <p className="error" role="alert">
          {loadError}
        </p>
        {back}
      </>
    );
  }
  if (!agreement) {
    return <p role="status">{t('loading')}</p>;
  }
  const canSign = agreement.status === 'sent';
  return (
    <>
      <nav aria-label={t('backToFile')} className="crumbs">
        {back}
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        {t('agreementVersionTitle', agreement.version)}
      </h1>
      <div className={justSigned ? 'notice' : 'summary'} role={justSigned ? 'status' : undefined}>
        {justSigned && <p className="big">{t('agreementThanks')}</p>}
        <AgreementStanding agreement={agreement} lang={lang} t={t} />
        <SignedPdfDownload agreement={agreement} t={t} />
      </div>
      {formError && (
        <p className="warning" role="alert" data-testid="agreement-form-error">
          {formError}
        </p>
      )}
      {canSign && <p>{t('agreementReadFirst')}</p>}
      <AgreementText text={agreement.text} label={t('agreementTextLabel')} />
      <p className="muted small fingerprint">
        {t('agreementFingerprint')} <code data-testid="agreement-sha256">{agreement.textSha256}</code>
      </p>
      {canSign && (
        <form
          className="card sign-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby="sign-title"
        >
          <h2 id="sign-title">{t('agreementSignTitle')}</h2>
          <label className="field">
            <span>{t('typedName')}</span>
            <input
              type="text"
              name="typedName"
              autoComplete="name"
              value={typedName}
              onChange={(e) => setTypedName(e.target.value)}
              aria-invalid={fieldErrors.typedName !== undefined}
              aria-describedby={
                fieldErrors.typedName ? 'typed-name-hint typed-name-error' : 'typed-name-hint'
              }
            />
          </label>
          <p id="typed-name-hint" className="muted small">
            {t('typedNameHint')}
          </p>
          {fieldErrors.typedName && (
            <p id="typed-name-error" className="error" role="alert">
              {fieldErrors.typedName}
            </p>
          )}
          <label className="consent">
            <input
              type="checkbox"
              name="consent"
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              aria-invalid={fieldErrors.consent !== undefined}
              aria-describedby={fieldErrors.consent ? 'consent-error' : undefined}
            />
            <span>{t('consentLabel')}</span>
          </label>
          {fieldErrors.consent && (
            <p id="consent-error" className="error" role="alert">
              {fieldErrors.consent}
            </p>
          )}
          <button type="submit" className="button" disabled={signing}>
            {signing ? t('signing') : t('signAgreement')}
          </button>
        </form>
      )}
    </>
  );
}
