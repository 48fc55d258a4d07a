import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FirmHeader } from '../../shared/FirmHeader';
import { AgreementSignPage } from './AgreementSignPage';
import { portalApi, session, whenSessionEnds, type Firm } from './api';
import { FilePage } from './FilePage';
import { HomePage } from './HomePage';
import { IntakePage } from './IntakePage';
import { initialLang, rememberLang, translator, type Lang, type Translate } from './i18n';
import { RequestLinkPage } from './RequestLinkPage';
import { SignInPage } from './SignInPage';
import '../../shared/styles.css';
import './portal.css';

/** Why the request-link page is shown: a session that ended, or the client signing out. */
export type Arrival = 'session-ended' | 'signed-out' | null;

/** Opens a page of the portal; `replace` takes the place of the current history entry (the sign-in link). */
export type Navigate = (path: string, arrival?: Arrival, replace?: boolean) => void;

/** What every signed-in page of the portal is given: the language, its messages and the way to another page. */
export interface PageProps {
  lang: Lang;
  t: Translate;
  navigate: Navigate;
}

/**
 * /portal: ask for a sign-in link; /portal/sign-in?token=: sign in with it; once signed in, /portal/ lists the
 * client's files and consultations, /portal/files/<id> shows one file with its checklist and
 * /portal/agreements/<id> is where the client reads and signs their service agreement.
 */
function App() {
  const first = useMemo(initialLang, []);
  const [lang, setLang] = useState<Lang>(first.lang);
  const [chosen, setChosen] = useState(first.chosen);
  const t = useMemo(() => translator(lang), [lang]);
  const [path, setPath] = useState(window.location.pathname);
  const [arrival, setArrival] = useState<Arrival>(null);
  const [firm, setFirm] = useState<Firm | null>(null);

  const navigate = useCallback<Navigate>((to, why = null, replace = false) => {
    if (replace) {
      window.history.replaceState(null, '', to);
    } else {
      window.history.pushState(null, '', to);
    }
    setArrival(why);
    setPath(to);
    window.scrollTo(0, 0);
  }, []);

  useEffect(() => {
    whenSessionEnds(() => navigate('/portal/', 'session-ended'));
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [navigate]);

  useEffect(() => {
    portalApi.firm().then(setFirm, () => setFirm(null));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = firm?.name ? `${t('title')} · ${firm.name}` : t('title');
  }, [lang, t, firm]);

  /** The client's preferred language, unless they chose one with the switch. */
  const preferLang = useCallback(
    (preferred: Lang) => {
      if (!chosen) {
        setLang(preferred);
      }
    },
    [chosen],
  );

  const switchLang = () => {
    const next = lang === 'en' ? 'fr' : 'en';
    rememberLang(next);
    setChosen(true);
    setLang(next);
  };

  const signOut = async () => {
    try {
      await portalApi.signOut();
    } catch {
      // Signed out either way: the token is forgotten below.
    }
    session.end();
    navigate('/portal/', 'signed-out');
  };

  const signedIn = session.token() !== null;
  const fileMatch = /^\/portal\/files\/([^/]+)\/?$/.exec(path);
  const intakeMatch = /^\/portal\/files\/([^/]+)\/intake\/?$/.exec(path);
  const agreementMatch = /^\/portal\/agreements\/([^/]+)\/?$/.exec(path);
  let page;
  if (path.startsWith('/portal/sign-in')) {
    page = <SignInPage t={t} navigate={navigate} preferLang={preferLang} />;
  } else if (!signedIn) {
    page = <RequestLinkPage t={t} arrival={arrival} />;
  } else if (intakeMatch) {
    page = <IntakePage fileId={decodeURIComponent(intakeMatch[1])} lang={lang} t={t} navigate={navigate} />;
  } else if (agreementMatch) {
    page = (
      <AgreementSignPage id={decodeURIComponent(agreementMatch[1])} lang={lang} t={t} navigate={navigate} />
    );
  } else if (fileMatch) {
    page = <FilePage id={decodeURIComponent(fileMatch[1])} lang={lang} t={t} navigate={navigate} />;
  } else {
    page = <HomePage lang={lang} t={t} navigate={navigate} preferLang={preferLang} />;
  }

  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        {firm && <FirmHeader firm={firm} t={t} />}
        <div className="title-row">
          <p className="portal-title">{t('title')}</p>
          <div className="header-actions">
            <button
              type="button"
              className="link"
              lang={lang === 'en' ? 'fr' : 'en'}
              aria-label={`${t('languageName')}: ${t('language')}`}
              onClick={switchLang}
            >
              {t('language')}
            </button>
            {signedIn && !path.startsWith('/portal/sign-in') && (
              <button type="button" className="button secondary" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main">{page}</main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
