import { useEffect, useRef, useState } from 'react';
import { ApiError, portalApi, session } from './api';
import type { Lang, MessageKey, Translate } from './i18n';
import type { Navigate } from './main';
import { useHeadingFocus } from './useHeadingFocus';

const LINK_ERRORS: Record<string, MessageKey> = {
  PORTAL_LINK_EXPIRED: 'linkExpired',
  PORTAL_LINK_USED: 'linkUsed',
  PORTAL_LINK_REPLACED: 'linkReplaced',
  PORTAL_LINK_INVALID: 'linkInvalid',
};

/**
 * /portal/sign-in?token=: takes the token out of the address bar at once (history.replaceState, so it is neither
 * kept in the history nor sent on as a referrer), exchanges it for a session kept in this tab, then opens the home.
 */
export function SignInPage({
  t,
  navigate,
  preferLang,
}: {
  t: Translate;
  navigate: Navigate;
  preferLang: (lang: Lang) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const heading = useHeadingFocus<HTMLHeadingElement>(error);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) {
      return; // one attempt: a link works once (StrictMode runs effects twice in development)
    }
    started.current = true;
    const token = new URLSearchParams(window.location.search).get('token');
    window.history.replaceState(null, '', '/portal/sign-in');
    if (!token) {
      setError(t('linkInvalid'));
      return;
    }
    portalApi.verify(token).then(
      (signedIn) => {
        session.start(signedIn.accessToken);
        preferLang(signedIn.client.preferredLanguage);
        navigate('/portal/', null, true);
      },
      (caught: unknown) => {
        const code = caught instanceof ApiError ? caught.body?.code : undefined;
        setError(
          t(
            LINK_ERRORS[code ?? ''] ??
              (caught instanceof ApiError && caught.status === 429 ? 'tooManyRequests' : 'linkInvalid'),
          ),
        );
      },
    );
  }, [navigate, preferLang, t]);

  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={heading} tabIndex={-1}>
        {t('signInTitle')}
      </h1>
      {error ? (
        <>
          <p className="error" role="alert">
            {error}
          </p>
          <a
            className="button"
            href="/portal/"
            onClick={(e) => {
              e.preventDefault();
              navigate('/portal/');
            }}
          >
            {t('askNewLink')}
          </a>
        </>
      ) : (
        <p role="status">{t('signingIn')}</p>
      )}
    </section>
  );
}
